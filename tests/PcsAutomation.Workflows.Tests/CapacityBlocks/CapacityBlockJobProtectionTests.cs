using System.Globalization;
using System.Text.Json.Nodes;
using PcsAutomation.Domain.JobProtection;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.Workflows.Tests.Support;
using Xunit.Abstractions;
using static PcsAutomation.Workflows.Tests.CapacityBlocks.ExpiryStack;

namespace PcsAutomation.Workflows.Tests.CapacityBlocks;

/// <summary>
/// Issue 12's Capacity Block check, end to end on the emulator's slurmrestd: from the block's discovery no job that
/// cannot finish before the expiry acts starts on the block's nodes; at the action time the expiry waits for the jobs
/// there until its latest start, then proceeds; the reservation goes on every path; without REST it falls back to requeue
/// and says why. Cluster <c>blocks</c>: group <c>gpu</c> (0..2) on block <see cref="Block"/> (ends +8h), failing over to
/// <c>gpu-fallback</c>, alone in queue <c>gpu</c>; group <c>cpu</c> in queue <c>cpu</c>.
/// </summary>
public class CapacityBlockJobProtectionTests(ITestOutputHelper output)
{
    private const string Cluster = "blocks";
    private const string Block = "cr-0f000000000000001";

    /// <summary>The stack in the cluster's VPC: both REST network parameters set.</summary>
    private static readonly Dictionary<string, string> RestNetwork = new(StringComparer.Ordinal)
    {
        ["SlurmRestSubnetIds"] = "subnet-0123456789abcdef0",
        ["SlurmRestSecurityGroupId"] = "sg-0123456789abcdef0",
    };

    private static ScenarioDefinition Blocks(string? jobPolicy = null) => Scenario.Cluster(Cluster)
        .WithTag("pcs-automation:managed", "true")
        .WithTag("pcs-automation:job-policy", jobPolicy ?? "reserve")
        .WithSlurmRest()
        .WithCapacityBlock("expiring", "p5.48xlarge", 2, "-1d", "+8h", id: Block)
        .WithLaunchTemplate("gpu-lt", new LaunchTemplateVersionDefinition { ImageId = "ami-0ccccccccccccccc3", InstanceType = "p5.48xlarge", CapacityBlock = "expiring" })
        .WithLaunchTemplate("fallback-lt", new LaunchTemplateVersionDefinition { ImageId = "ami-0ccccccccccccccc3", InstanceType = "p5.48xlarge" })
        .WithNodeGroup("gpu", min: 0, max: 2, "p5.48xlarge", launchTemplate: "gpu-lt", purchaseOption: "CAPACITY_BLOCK")
        .WithNodeGroupTag("pcs-automation:fallback-node-group", "gpu-fallback")
        .WithNodeGroup("gpu-fallback", min: 0, max: 2, "p5.48xlarge", launchTemplate: "fallback-lt")
        .WithNodeGroup("cpu", min: 0, max: 2)
        .WithQueue("gpu", "gpu")
        .WithQueue("cpu", "cpu")
        .Build();

    private static IReadOnlyList<LocalAws.Pcs.SlurmReservation> OurReservations(DeployedStack stack) =>
        [.. stack.Aws.Slurm.Reservations(Cluster).Where(r => r.Name.StartsWith("pcs-automation-", StringComparison.Ordinal))];

    private static async Task<LocalAws.Pcs.SlurmReservation> DiscoveredAsync(DeployedStack stack)
    {
        Assert.True(await stack.Aws.RunUntilAsync(() => OurReservations(stack).Count > 0, TimeSpan.FromMinutes(10)), "no reservation after the block's discovery");
        return Assert.Single(OurReservations(stack));
    }

    private static DateTimeOffset At(JsonNode? node) => DateTimeOffset.Parse((string)node!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Expiry_Reserve_JobsThatWouldRunPastTheActionTimeDoNotStartOnTheBlocksNodesAndJobsThatFitDo()
    {
        await using var stack = await StartAsync(Blocks(), parameters: RestNetwork);
        var discovery = stack.Aws.Clock.GetUtcNow();
        var arn = Start(stack, Block);

        var reservation = await DiscoveredAsync(stack);
        Assert.Equal("pcs-automation-" + stack.Execution(arn).Name, reservation.Name);        // named after the block and its end
        Assert.Contains("MAINT", reservation.Flags);
        Assert.Equal("gpu-[1-2]", reservation.Nodes);                                           // the block's group only
        var fit = stack.Aws.Scenarios.SubmitJobs(Cluster, "gpu", 2, TimeSpan.FromHours(1), TimeSpan.FromHours(2)).Select(j => j.JobId).ToList();
        var tooLong = stack.Aws.Scenarios.SubmitJobs(Cluster, "gpu", 2, TimeSpan.FromHours(1), TimeSpan.FromHours(7)).Select(j => j.JobId).ToList();
        var elsewhere = stack.Aws.Scenarios.SubmitJobs(Cluster, "cpu", 1, TimeSpan.FromHours(1), TimeSpan.FromHours(12)).Select(j => j.JobId).ToList();
        await RunUntilAsync(stack, discovery + TimeSpan.FromHours(4));

        var jobs = stack.Aws.Slurm.Jobs(Cluster);
        var fitRan = jobs.Count(j => fit.Contains(j.JobId) && j.State == "COMPLETED" && j.NodeGroup == "gpu");
        var tooLongStarted = jobs.Count(j => tooLong.Contains(j.JobId) && j.StartTime is not null);
        output.WriteLine($"after discovery: {fitRan} of {fit.Count} jobs that fit ran on the block, {tooLongStarted} of {tooLong.Count} that would not fit started");
        Assert.Equal(2, fitRan);
        Assert.Equal(0, tooLongStarted);
        Assert.Equal("COMPLETED", jobs.Single(j => elsewhere.Contains(j.JobId)).State);       // other groups' nodes are not held

        var execution = await stack.RunAsync(arn);

        AssertSucceeded(execution);
        var state = JsonNode.Parse(execution.Output!)!;
        var plan = Assert.Single(state["jobs"]!.AsArray())!;
        Assert.Equal(("reserve", true), ((string?)plan["action"], (bool)plan["applied"]!));
        var windowStart = At(plan["windowStart"]);
        Assert.Equal(At(state["plan"]!["timing"]!["actionStartsAt"]), windowStart);
        var after = stack.Aws.Slurm.Jobs(Cluster).Where(j => fit.Contains(j.JobId) || tooLong.Contains(j.JobId)).ToList();
        Assert.NotEmpty(after);
        Assert.DoesNotContain(after, j => j.NodeGroup == "gpu" && j.StartTime + j.TimeLimit > windowStart);   // none ran into the action time
        Assert.All(after, j => Assert.Equal(0, j.Requeues));                                                   // none killed by the park
        Assert.Empty(OurReservations(stack));                                                                  // removed after the park
        Assert.Contains(stack.TopicMessages, m => m.Message.Contains($"Slurm reservation {reservation.Name} (MAINT) on the nodes of gpu", StringComparison.Ordinal));
        stack.AssertNoSecretValueAnywhere();
    }

    [Fact]
    public async Task Expiry_JobStillRunningAtTheLatestStart_ProceedsThenAndReportsTheJob()
    {
        await using var stack = await StartAsync(Blocks(), parameters: RestNetwork);
        var job = Assert.Single(stack.Aws.Scenarios.SubmitJobs(Cluster, "gpu", 1, TimeSpan.FromHours(10), TimeSpan.FromHours(12))).JobId;
        Assert.True(await stack.Aws.RunUntilAsync(() => stack.Aws.Slurm.Jobs(Cluster).Single(j => j.JobId == job).State == "RUNNING", TimeSpan.FromHours(1)));
        var arn = Start(stack, Block);

        var execution = await stack.RunAsync(arn);

        AssertSucceeded(execution);
        var timing = JsonNode.Parse(execution.Output!)!["plan"]!["timing"]!;
        var (latestStart, termination) = (At(timing["latestStart"]), At(timing["terminationAt"]));
        Assert.Contains("WaitForRunningJobs", stack.Execution(arn).VisitedStates);
        var writes = Writes(stack);
        Assert.NotEmpty(writes);
        Assert.All(writes, w => Assert.InRange(w.Time, latestStart, termination - Margin));              // waited until the latest start, no longer
        Assert.True(stack.Aws.Slurm.Jobs(Cluster).Single(j => j.JobId == job).Requeues > 0, "the job outlasting the wait was not requeued");
        var done = Assert.Single(Messages(stack, "PCS Capacity Block expiry handled"));
        Assert.Contains($"Jobs: the wait ended at {latestStart.UtcDateTime:yyyy-MM-dd HH:mm}Z", done, StringComparison.Ordinal);
        Assert.Contains($"still running: {job.ToString(CultureInfo.InvariantCulture)}", done, StringComparison.Ordinal);
        Assert.Empty(OurReservations(stack));
        stack.AssertNoSecretValueAnywhere();
    }

    [Fact]
    public async Task Expiry_ExtensionPaid_SupersededAndTheReservationRemoved()
    {
        await using var stack = await StartAsync(Blocks(), parameters: RestNetwork);
        var arn = Start(stack, Block);
        await DiscoveredAsync(stack);
        stack.Aws.Scenarios.ExtendCapacityBlock(Block, EndOf(stack, Block) + TimeSpan.FromDays(1), paymentDelay: TimeSpan.FromMinutes(30));

        var execution = await stack.RunAsync(arn);

        AssertSucceeded(execution);
        Assert.Equal("superseded", (string?)JsonNode.Parse(execution.Output!)!["outcome"]);
        Assert.Contains("ReleaseUnusedJobProtection", stack.Execution(arn).VisitedStates);
        Assert.Empty(OurReservations(stack));
        Assert.Empty(Writes(stack));
        stack.AssertNoSecretValueAnywhere();
    }

    [Fact]
    public async Task Expiry_RestUnreachable_FallsBackToRequeueWithTheReasonInThePlanAndTheNotice()
    {
        await using var stack = await StartAsync(Blocks(), parameters: RestNetwork);
        await stack.Aws.SlurmRest.StopAsync(Cluster);

        var dryRun = await stack.RunAsync(Start(stack, Block, dryRun: true, name: "expire-dry-run"));

        AssertSucceeded(dryRun);
        var plan = Assert.Single(JsonNode.Parse(dryRun.Output!)!["jobProtection"]!.AsArray())!;
        Assert.Equal(("requeue", false), ((string?)plan["action"], (bool)plan["applied"]!));
        Assert.StartsWith("endpoint unreachable: ", (string?)plan["fallbackReason"], StringComparison.Ordinal);
        Assert.Contains(plan["lines"]!.AsArray(), l => ((string?)l)!.Contains("instead of reserve", StringComparison.Ordinal));

        var execution = await stack.RunAsync(Start(stack, Block));

        AssertSucceeded(execution);
        Assert.DoesNotContain("WaitForRunningJobs", stack.ExecutionsOf(ExpiryStack.Machine)[^1].VisitedStates);
        Assert.Contains("policy requeue instead of reserve", Assert.Single(Messages(stack, "PCS Capacity Block expiring")), StringComparison.Ordinal);
        Assert.Empty(OurReservations(stack));
        stack.AssertNoSecretValueAnywhere();
    }

    [Fact]
    public async Task Expiry_Drain_BlocksNodesDrainedAtTheActionTimeRunningJobsFinishNoNewJobStartsThereAndTheDrainsAreResumed()
    {
        await using var stack = await StartAsync(Blocks("drain"), parameters: RestNetwork);
        var dryRun = await stack.RunAsync(Start(stack, Block, dryRun: true, name: "expire-dry-run"));
        AssertSucceeded(dryRun);
        var timing = JsonNode.Parse(dryRun.Output!)!["plan"]!["timing"]!;
        var (actionStart, latestStart) = (At(timing["actionStartsAt"]), At(timing["latestStart"]));
        Assert.True(latestStart - actionStart > TimeSpan.FromMinutes(6), $"the scenario leaves {latestStart - actionStart} between the action and the latest start");
        // runs through the action time and ends 5 minutes after it, before the latest start: the drain lets it finish
        var now = stack.Aws.Clock.GetUtcNow();
        var running = Assert.Single(stack.Aws.Scenarios.SubmitJobs(Cluster, "gpu", 1, actionStart - now + TimeSpan.FromMinutes(5), actionStart - now + TimeSpan.FromHours(1))).JobId;
        var arn = Start(stack, Block);
        Assert.Empty(OurReservations(stack));                                   // drain holds nothing at discovery
        await RunUntilAsync(stack, actionStart + TimeSpan.FromMinutes(2));
        var drainedAtAction = stack.Aws.Slurm.Nodes(Cluster).Where(n => n.NodeGroup == "gpu" && n.IsDrained).ToList();
        // a job submitted once the block's nodes are drained must not start on them
        var late = Assert.Single(stack.Aws.Scenarios.SubmitJobs(Cluster, "gpu", 1, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30))).JobId;

        var execution = await stack.RunAsync(arn);

        AssertSucceeded(execution);
        Assert.NotEmpty(drainedAtAction);
        Assert.All(drainedAtAction, n => Assert.Contains(stack.Execution(arn).Name, n.Reason, StringComparison.Ordinal));   // the reason names the execution
        output.WriteLine($"drained at the action time: [{string.Join(", ", drainedAtAction.Select(n => $"{n.Name} ({n.Reason})"))}]");
        var discovered = Assert.Single(JsonNode.Parse(execution.Output!)!["jobs"]!.AsArray())!;
        Assert.Equal(("drain", false), ((string?)discovered["action"], (bool)discovered["applied"]!));         // drain holds nothing until the action time
        var jobs = stack.Aws.Slurm.Jobs(Cluster);
        var finished = jobs.Single(j => j.JobId == running);
        Assert.Equal(("COMPLETED", 0, "gpu"), (finished.State, finished.Requeues, finished.NodeGroup));   // not killed by the park
        Assert.NotEqual("gpu", jobs.Single(j => j.JobId == late).NodeGroup);                              // never on a drained node
        Assert.Contains("WaitForRunningJobs", stack.Execution(arn).VisitedStates);
        output.WriteLine($"after: [{string.Join(", ", stack.Aws.Slurm.Nodes(Cluster).Select(n => $"{n.Name} {string.Join('+', n.State)} ({n.Reason})"))}]");
        Assert.DoesNotContain(stack.Aws.Slurm.Nodes(Cluster), n => n.IsDrained && n.Reason?.Contains(stack.Execution(arn).Name, StringComparison.Ordinal) == true);
        stack.AssertNoSecretValueAnywhere();
    }

    private const string Renewal = "cr-0f000000000000002";

    /// <summary><see cref="Blocks"/> under <c>drain</c>, group <c>gpu</c> waiting for its renewal <see cref="Renewal"/>, still payment-pending.</summary>
    private static ScenarioDefinition RenewalPending()
    {
        var scenario = Blocks("drain");
        scenario.CapacityBlocks.Add(new CapacityBlockDefinition
        {
            Name = "renewal", Id = Renewal, InstanceType = "p5.48xlarge", AvailabilityZone = "us-east-1a", InstanceCount = 2,
            Start = "+8h", End = "+7d", State = Domain.CapacityBlocks.CapacityReservationStates.PaymentPending,
        });
        scenario.Clusters.Single(c => c.Name == Cluster).NodeGroups.Single(g => g.Name == "gpu").Tags["pcs-automation:successor-block"] = Renewal;
        return scenario;
    }

    /// <summary>The block expires while gpu's nodes are busy: the expiry drains them and parks the group; then the renewal is paid. Returns the expiry's execution name.</summary>
    private static async Task<string> ParkUnderDrainThenPayTheRenewalAsync(DeployedStack stack)
    {
        stack.Aws.Scenarios.SubmitJobs(Cluster, "gpu", 2, TimeSpan.FromHours(10), TimeSpan.FromHours(12));   // the block's nodes up and busy
        var arn = Start(stack, Block);
        AssertSucceeded(await stack.RunAsync(arn));
        lock (stack.Aws.State.Gate)
            stack.Aws.State.CapacityBlocks[Renewal].ForcedState = null;                                         // paid
        return stack.Execution(arn).Name;
    }

    [Fact]
    public async Task Expiry_Drain_GroupParkedThenRestoredOnItsRenewal_ComesBackWithNoNodeLeftDrained()
    {
        await using var stack = await StartAsync(RenewalPending(), parameters: RestNetwork);
        await ParkUnderDrainThenPayTheRenewalAsync(stack);

        var restored = await stack.RunAsync(Start(stack, Renewal, mode: "restore"));

        AssertSucceeded(restored);
        Assert.Contains("gpu", Queue(stack, Cluster, "gpu"));                                                  // back in its queue
        var gpu = stack.Aws.Slurm.Nodes(Cluster).Where(n => n.NodeGroup == "gpu").ToList();
        output.WriteLine($"gpu after the restore: [{string.Join(", ", gpu.Select(n => $"{n.Name} {string.Join('+', n.State)} ({n.Reason})"))}]");
        Assert.NotEmpty(gpu);
        Assert.DoesNotContain(gpu, n => n.IsDrained);                                                          // the expiry's drain was resumed
        stack.AssertNoSecretValueAnywhere();
    }

    [Fact]
    public async Task Expiry_Drain_RestoreWhileSlurmRestIsUnreachable_RestoresAndTellsAnOperatorWhichDrainToResume()
    {
        await using var stack = await StartAsync(RenewalPending(), parameters: RestNetwork);
        var expiry = await ParkUnderDrainThenPayTheRenewalAsync(stack);
        await stack.Aws.SlurmRest.StopAsync(Cluster);

        var restored = await stack.RunAsync(Start(stack, Renewal, mode: "restore"));

        AssertSucceeded(restored);                                                                             // a cleanup never fails the restore
        Assert.Contains("gpu", Queue(stack, Cluster, "gpu"));
        var report = string.Join("\n", stack.TopicMessages.Select(m => m.Message));
        output.WriteLine(report);
        // the expiry's drains may be waiting on the nodes: the operator is told the reason to look for
        Assert.Contains("the Slurm REST API cannot be used (endpoint unreachable: ", report, StringComparison.Ordinal);
        Assert.Contains($"resume the nodes drained with reason '{JobProtectionNames.DrainReason(WorkflowKind.CapacityBlockExpiry, expiry)}'", report, StringComparison.Ordinal);
        stack.AssertNoSecretValueAnywhere();
    }
}

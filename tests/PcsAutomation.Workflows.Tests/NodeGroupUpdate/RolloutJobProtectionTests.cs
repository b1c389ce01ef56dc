using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.States.Runtime;
using PcsAutomation.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace PcsAutomation.Workflows.Tests.NodeGroupUpdate;

/// <summary>
/// Issue 12 for the AMI roll-out, end to end on the emulator's slurmrestd: the canary's nodes drained once its update is
/// applied, so PCS replaces them as soon as their running jobs end (guide L2667) rather than after the queue's next
/// jobs too; resumed on every path; the fallback to requeue with its reason; no key or token anywhere.
/// </summary>
public class RolloutJobProtectionTests(ITestOutputHelper output)
{
    private const string Cluster = "demo";
    private const string Queue = "batch";
    private const string Canary = "compute";

    private static readonly Dictionary<string, string> RestNetwork = new(StringComparer.Ordinal)
    {
        ["SlurmRestSubnetIds"] = "subnet-0123456789abcdef0",
        ["SlurmRestSecurityGroupId"] = "sg-0123456789abcdef0",
    };

    /// <summary>A REST cluster: compute (2 static nodes, queue batch) and login, both on the old image.</summary>
    private static Scenario RestCluster(bool newAmiBroken = false, params (string Key, string Value)[] tags)
    {
        var holds = new Dictionary<string, string> { ["pcs-automation:slurm-versions"] = "25.05" };
        var scenario = Scenario.Empty()
            .WithImage("team-pcs-v1", id: RolloutStack.OldAmi, created: "-30d", tags: holds)
            .WithImage("team-pcs-v2", id: RolloutStack.NewAmi, created: "-1d", tags: holds, broken: newAmiBroken)
            .AndCluster(Cluster)
            .WithSlurmRest()
            .WithTag("pcs-automation:managed", "true")
            .WithNodeGroup(Canary, min: 2, max: 2)
            .WithNodeGroup("login", min: 1, max: 1)
            .WithQueue(Queue, Canary);
        foreach (var (key, value) in tags) scenario = scenario.WithTag(key, value);
        foreach (var group in scenario.Build().Clusters[0].NodeGroups)
            group.AmiId = RolloutStack.OldAmi;
        return scenario;
    }

    /// <summary>
    /// The stack, every node booted, then 4 jobs (limit 40 minutes) of 30 and 35 minutes, which run on the canary's 2 nodes,
    /// and 2 of 30 minutes, which wait for them.
    /// <paramref name="seen"/> gets the virtual time of the canary's verification and of each resume.
    /// </summary>
    private static async Task<DeployedStack> BusyCanaryAsync(Scenario scenario, Dictionary<string, DateTimeOffset> seen, Func<DeployedStack, Task>? beforeResume = null)
    {
        DeployedStack? stack = null;
        string? canaryId = null;
        var wrap = new Dictionary<string, Func<FunctionCall, FunctionCall>>(StringComparer.Ordinal)
        {
            ["CheckNodeGroupUpdatedFunction"] = next => async (payload, token) =>
            {
                var response = await next(payload, token);
                if ((bool)JsonNode.Parse(response)!["done"]! && (string?)JsonNode.Parse(payload)!["nodeGroupId"] == canaryId)
                    seen.TryAdd("verified", stack!.Aws.Clock.GetUtcNow());
                return response;
            },
            ["ResumeCanaryNodesFunction"] = next => async (payload, token) =>
            {
                if (beforeResume is not null) await beforeResume(stack!);
                seen.TryAdd("resume", stack!.Aws.Clock.GetUtcNow());
                return await next(payload, token);
            },
        };
        stack = await DeployedStack.StartAsync(scenario, wrap, parameters: RestNetwork);
        await stack.Aws.RunUntilIdleAsync(TimeSpan.FromMinutes(5));
        lock (stack.Aws.State.Gate)
            canaryId = stack.Aws.State.FindCluster(Cluster)!.FindNodeGroup(Canary)!.Id;
        stack.Aws.Scenarios.SubmitJobs(Cluster, Queue, 1, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(40));
        stack.Aws.Scenarios.SubmitJobs(Cluster, Queue, 1, TimeSpan.FromMinutes(35), TimeSpan.FromMinutes(40));
        stack.Aws.Scenarios.SubmitJobs(Cluster, Queue, 2, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(40));
        Assert.Equal(2, stack.Aws.Slurm.Jobs(Cluster).Count(j => j.State == "RUNNING"));
        seen["started"] = stack.Aws.Clock.GetUtcNow();
        return stack;
    }

    private static string StartRollout(DeployedStack stack, bool dryRun = false) =>
        stack.StartExecution(DeployedStack.NodeGroupUpdateStateMachine, new JsonObject
        {
            ["clusterId"] = Cluster, ["target"] = new JsonObject { ["amiId"] = RolloutStack.NewAmi }, ["canary"] = Canary, ["batchSize"] = 1, ["dryRun"] = dryRun,
        });

    private static IEnumerable<string> OwnDrains(DeployedStack stack) =>
        stack.Aws.Slurm.Nodes(Cluster).Where(n => n.IsDrained && n.Reason?.StartsWith("pcs-automation-", StringComparison.Ordinal) == true).Select(n => n.Name);

    [Fact]
    public async Task Rollout_BusyCanaryUnderDrain_VerifiedSoonerNoJobStartsOnItsDrainedNodesAndResumedAfter()
    {
        var drained = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var requeued = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);

        await using (var stack = await BusyCanaryAsync(RestCluster(tags: ("pcs-automation:job-policy", "requeue")), requeued))
        {
            RolloutStack.AssertSucceeded(await stack.RunAsync(StartRollout(stack)));
            Assert.Empty(OwnDrains(stack));
        }

        await using (var stack = await BusyCanaryAsync(RestCluster(), drained))
        {
            var execution = await stack.RunAsync(StartRollout(stack));

            RolloutStack.AssertSucceeded(execution);
            var output = JsonNode.Parse(execution.Output!)!;
            Assert.Equal(("reserve", "drain"), ((string?)output["jobs"]!["effectivePolicy"], (string?)output["jobs"]!["action"]));
            Assert.Equal(["compute-1", "compute-2"], output["canaryJobs"]!["drain"]!["drainedNodes"]!.AsArray().Select(n => (string)n!));
            Assert.Equal(["compute-1", "compute-2"], output["canaryJobs"]!["resume"]!["resumedNodes"]!.AsArray().Select(n => (string)n!));
            Assert.Empty(OwnDrains(stack));                                           // resumed after the verification
            var jobs = stack.Aws.Slurm.Jobs(Cluster);
            Assert.All(jobs, j => Assert.Equal(0, j.Requeues));
            // The 2 jobs waiting at the update started only once the canary was resumed, on its replacements.
            var waited = jobs.OrderBy(j => j.SubmitTime).ThenBy(j => j.JobId).Skip(2).ToList();
            Assert.Equal(2, waited.Count);
            Assert.All(waited, j => Assert.True(j.StartTime >= drained["resume"], $"job {j.JobId} started at {j.StartTime:O}, before the resume at {drained["resume"]:O}"));
            Assert.All(RolloutStack.Instances(stack, Canary), i => Assert.Equal(RolloutStack.NewAmi, i.ImageId));
            stack.AssertNoSecretValueAnywhere();
        }

        // Without the drain the waiting jobs took the marked nodes, which were replaced only after them.
        var withDrain = drained["verified"] - drained["started"];
        var withoutDrain = requeued["verified"] - requeued["started"];
        output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"canary verified {withDrain} after the jobs started with the drain, {withoutDrain} without (virtual time)"));
        Assert.True(withDrain + TimeSpan.FromMinutes(25) <= withoutDrain, $"canary verified after {withDrain} with the drain, {withoutDrain} without");
    }

    [Fact]
    public async Task Rollout_RestUnreachable_FallsBackToRequeueWithTheReasonAndSucceeds()
    {
        var seen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await using var stack = await BusyCanaryAsync(RestCluster(), seen);
        await stack.Aws.SlurmRest.StopAsync(Cluster);

        var execution = await stack.RunAsync(StartRollout(stack));

        RolloutStack.AssertSucceeded(execution);
        var jobs = JsonNode.Parse(execution.Output!)!["jobs"]!;
        Assert.Equal("requeue", (string?)jobs["action"]);
        Assert.StartsWith("endpoint unreachable: ", (string?)jobs["fallbackReason"], StringComparison.Ordinal);
        Assert.StartsWith("Jobs: policy requeue instead of reserve (the default): endpoint unreachable: ", (string?)jobs["lines"]![0], StringComparison.Ordinal);
        Assert.Empty(JsonNode.Parse(execution.Output!)!["canaryJobs"]!["drain"]!["drainedNodes"]!.AsArray());
        Assert.Empty(OwnDrains(stack));
        Assert.Equal(["PCS Node Group Update Started", "PCS Node Group Update Succeeded"], stack.NotificationTypes);
        stack.AssertNoSecretValueAnywhere();
    }

    [Fact]
    public async Task Rollout_DryRunWithRest_PlanHasTheJobLinesAndNothingDrained()
    {
        var seen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await using var stack = await BusyCanaryAsync(RestCluster(), seen);

        var execution = await stack.RunAsync(StartRollout(stack, dryRun: true));

        RolloutStack.AssertSucceeded(execution);
        var jobs = JsonNode.Parse(execution.Output!)!["jobs"]!;
        Assert.Equal(("reserve", "reserve", "drain", null), ((string?)jobs["requestedPolicy"], (string?)jobs["effectivePolicy"], (string?)jobs["action"], (string?)jobs["fallbackReason"]));
        var lines = jobs["lines"]!.AsArray().Select(l => (string)l!).ToList();
        Assert.Equal("Jobs: policy reserve (the default).", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("Running jobs now: 2;", StringComparison.Ordinal));
        Assert.DoesNotContain(stack.Aws.Slurm.Nodes(Cluster), n => n.IsDrained);
        stack.AssertNoSecretValueAnywhere();
    }

    [Fact] // every path resumes: a canary whose new nodes never register fails, is rolled back, and its nodes are resumed
    public async Task Rollout_CanaryFailsUnderDrain_RolledBackAndItsNodesResumed()
    {
        var seen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await using var stack = await BusyCanaryAsync(RestCluster(newAmiBroken: true), seen);

        var execution = await stack.RunAsync(StartRollout(stack));

        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        Assert.Equal("NodeGroupUnhealthy", execution.Error);
        Assert.Contains("ResumeCanaryNodesBeforeRollback", stack.Execution(execution.Arn).VisitedStates);
        Assert.Empty(OwnDrains(stack));
        Assert.Equal(["PCS Node Group Update Started", "PCS Node Group Update Failed"], stack.NotificationTypes);
        stack.AssertNoSecretValueAnywhere();
    }

    [Fact] // failing to resume never fails the roll-out: the notification says what to resume by hand
    public async Task Rollout_RestGoneBeforeTheResume_SucceedsAndTheNotificationSaysWhatTheOperatorMustResume()
    {
        var seen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await using var stack = await BusyCanaryAsync(RestCluster(), seen, beforeResume: s => s.Aws.SlurmRest.StopAsync(Cluster));

        var execution = await stack.RunAsync(StartRollout(stack));

        RolloutStack.AssertSucceeded(execution);
        Assert.Equal(["compute-1", "compute-2"], OwnDrains(stack).Order(StringComparer.Ordinal));   // left drained, and said so
        var message = stack.TopicMessages[^1].Message;
        Assert.Contains("Needs operator (docs/runbooks/job-protection.md): the Slurm REST API cannot be used (endpoint unreachable: ", message, StringComparison.Ordinal);
        Assert.Contains("resume the nodes drained with reason 'pcs-automation-", message, StringComparison.Ordinal);
        Assert.Equal(["PCS Node Group Update Started", "PCS Node Group Update Succeeded"], stack.NotificationTypes);
        stack.AssertNoSecretValueAnywhere();
    }
}

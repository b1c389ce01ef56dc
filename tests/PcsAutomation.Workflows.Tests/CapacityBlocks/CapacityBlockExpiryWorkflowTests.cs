using System.Text.Json.Nodes;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.World;
using PcsAutomation.States.Runtime;
using PcsAutomation.Workflows.Tests.Support;
using Xunit.Abstractions;
using static PcsAutomation.Workflows.Tests.CapacityBlocks.ExpiryStack;

namespace PcsAutomation.Workflows.Tests.CapacityBlocks;

/// <summary>
/// Issue 11's expiry checks, end to end: the deployed template in the emulator, statemachines/capacity-block-expiry.asl.json
/// and the real handlers, on the virtual clock. EC2 terminates a block's instances 30 minutes before its end; every
/// action must be in effect 15 minutes before that.
/// </summary>
public class CapacityBlockExpiryWorkflowTests(ITestOutputHelper output)
{
    /// <summary>Writes how long before EC2's termination the cluster's actions were verified in effect (the test output).</summary>
    private DateTimeOffset Verified(IReadOnlyList<(string ClusterId, DateTimeOffset At)> reports, DateTimeOffset termination, string what)
    {
        var at = Assert.Single(reports).At;
        output.WriteLine($"{what}: actions verified at {at:O}, EC2 terminates from {termination:O}: {(termination - at).TotalMinutes:0} minutes before");
        return at;
    }

    [Fact]
    public async Task Expiry_SuccessorBlock_GroupNamesTheSuccessorBeforeTermination()
    {
        DeployedStack? stack = null;
        var reports = new List<(string ClusterId, DateTimeOffset At)>();
        stack = await StartAsync(wrap: RecordReports(reports, () => stack!.Aws.Clock.GetUtcNow()));
        await using var _ = stack;
        var termination = TerminationOf(stack, ExpiringA);

        var execution = await stack.RunAsync(Start(stack, ExpiringA));

        AssertSucceeded(execution);
        Assert.Equal((0, 4, "ACTIVE", SuccessorA), Group(stack, "capacity", "gpu-a"));
        Assert.Equal(["gpu-a"], Queue(stack, "capacity", "gpu-a")); // the queue keeps its group, on the successor now
        var report = Verified(reports, termination, "successor block");
        Assert.True(report <= termination - Margin, $"actions verified at {report:O}, EC2 terminates from {termination:O}");
        var writes = Writes(stack);
        Assert.Contains(writes, w => w.Call.StartsWith("CreateLaunchTemplateVersion", StringComparison.Ordinal));
        Assert.Contains(writes, w => w.Call.StartsWith("UpdateComputeNodeGroup", StringComparison.Ordinal));
        Assert.All(writes, w => Assert.True(w.Time <= report, $"{w.Call} at {w.Time:O} after the report at {report:O}"));
        Assert.Equal(["PCS Capacity Block Expiry Started", "PCS Capacity Block Expiry Succeeded"], stack.NotificationTypes);
        Assert.Null(stack.Lease(stack.ClusterId("capacity")));
        stack.AssertNoSecretValueAnywhere();
    }

    [Fact]
    public async Task Expiry_Failover_TheFallbackTakesTheQueueAndTheGroupIsParkedBeforeTermination()
    {
        DeployedStack? stack = null;
        var reports = new List<(string ClusterId, DateTimeOffset At)>();
        stack = await StartAsync(wrap: RecordReports(reports, () => stack!.Aws.Clock.GetUtcNow()));
        await using var _ = stack;
        var termination = TerminationOf(stack, ExpiringB);

        var execution = await stack.RunAsync(Start(stack, ExpiringB));

        AssertSucceeded(execution);
        Assert.Equal(["gpu-b-fallback"], Queue(stack, "capacity", "gpu-b"));
        Assert.Equal((0, 0, "ACTIVE"), Scaling(stack, "capacity", "gpu-b"));
        var record = Parked(stack, "capacity", "gpu-b", ExpiringB)!;
        Assert.Equal((0, 2), ((int)record["savedScaling"]!["minInstanceCount"]!, (int)record["savedScaling"]!["maxInstanceCount"]!));
        Assert.Equal((ExpiryActions.Failover, "gpu-b"), ((string?)record["action"], (string?)record["queues"]![0]!["queueName"]));
        var report = Verified(reports, termination, "failover");
        Assert.True(report <= termination - Margin, $"actions verified at {report:O}, EC2 terminates from {termination:O}");
        Assert.All(Writes(stack), w => Assert.True(w.Time <= report, $"{w.Call} at {w.Time:O}"));
        // After EC2's end the queue's jobs (6 h, requeued by the scale-down) run on the fallback: nothing waits forever.
        await RunUntilAsync(stack, EndOf(stack, ExpiringB) + TimeSpan.FromMinutes(10));
        Assert.False(stack.Aws.Slurm.Queue("capacity", "gpu-b").HoldsJobs);
        Assert.Equal(2, stack.Aws.Slurm.Queue("capacity", "gpu-b").RunningJobs);
    }

    [Fact]
    public async Task Expiry_WindDown_DetachedFromItsQueueAndParkedBeforeTermination()
    {
        DeployedStack? stack = null;
        var reports = new List<(string ClusterId, DateTimeOffset At)>();
        stack = await StartAsync(wrap: RecordReports(reports, () => stack!.Aws.Clock.GetUtcNow()));
        await using var _ = stack;
        var termination = TerminationOf(stack, ExpiringC);

        var execution = await stack.RunAsync(Start(stack, ExpiringC));

        AssertSucceeded(execution);
        Assert.Equal(["cpu"], Queue(stack, "capacity", "gpu-c"));
        Assert.Equal((0, 0, "ACTIVE"), Scaling(stack, "capacity", "gpu-c"));
        Assert.Equal(ExpiryActions.WindDown, (string?)Parked(stack, "capacity", "gpu-c", ExpiringC)!["action"]);
        var report = Verified(reports, termination, "wind down");
        Assert.True(report <= termination - Margin, $"actions verified at {report:O}, EC2 terminates from {termination:O}");
        Assert.Equal(["PCS Capacity Block Expiry Started", "PCS Capacity Block Expiry Succeeded"], stack.NotificationTypes);
        Assert.Contains("gpu-c: gpu-c, cpu -> cpu (done)", Assert.Single(Messages(stack, "PCS Capacity Block expiry handled")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expiry_OnlyGroupOfItsQueue_ParkedAndTheNeedsOperatorNoticeNamesTheQueue()
    {
        DeployedStack? stack = null;
        var reports = new List<(string ClusterId, DateTimeOffset At)>();
        stack = await StartAsync(wrap: RecordReports(reports, () => stack!.Aws.Clock.GetUtcNow()));
        await using var _ = stack;
        var termination = TerminationOf(stack, ExpiringD);

        var execution = await stack.RunAsync(Start(stack, ExpiringD));

        Assert.Equal((ExecutionStatus.Failed, "CapacityBlockNeedsOperator"), (execution.Status, execution.Error));
        Assert.Equal(["gpu-d"], Queue(stack, "capacity", "gpu-d")); // a queue keeps at least one group
        Assert.Equal((0, 0, "ACTIVE"), Scaling(stack, "capacity", "gpu-d"));
        Assert.True(Verified(reports, termination, "wind down, only group of its queue") <= termination - Margin);
        Assert.Equal(["PCS Capacity Block Expiry Started", "PCS Capacity Block Expiry Needs Operator"], stack.NotificationTypes);
        var notice = Assert.Single(Messages(stack, "PCS Capacity Block expiry needs an operator"));
        Assert.Contains("queue gpu-d", notice, StringComparison.Ordinal);
        Assert.Contains("wait forever", notice, StringComparison.Ordinal);
        Assert.Null(stack.Lease(stack.ClusterId("capacity")));
    }

    [Fact]
    public async Task Expiry_SuccessorNodeGroup_TakesTheQueueAndTheOldGroupIsParkedBeforeTermination()
    {
        var scenario = Scenario.Empty()
            .WithCapacityBlock("old", "p5.48xlarge", 2, "-1d", "+3h", id: "cr-0f000000000000001")
            .WithCapacityBlock("new", "p5.48xlarge", 2, "-1h", "+7d", id: "cr-0f000000000000002")
            .WithLaunchTemplate("old-lt", new LaunchTemplateVersionDefinition { ImageId = "ami-0ccccccccccccccc3", InstanceType = "p5.48xlarge", CapacityBlock = "old" })
            .WithLaunchTemplate("new-lt", new LaunchTemplateVersionDefinition { ImageId = "ami-0ccccccccccccccc3", InstanceType = "p5.48xlarge", CapacityBlock = "new" })
            .AndCluster("train")
            .WithTag("pcs-automation:managed", "true")
            .WithNodeGroup("gpu-old", min: 0, max: 2, instanceType: "p5.48xlarge", launchTemplate: "old-lt", purchaseOption: "CAPACITY_BLOCK")
            .WithNodeGroupTag("pcs-automation:successor-node-group", "gpu-new")
            .WithNodeGroup("gpu-new", min: 0, max: 2, instanceType: "p5.48xlarge", launchTemplate: "new-lt", purchaseOption: "CAPACITY_BLOCK")
            .WithQueue("gpu", "gpu-old");
        DeployedStack? stack = null;
        var reports = new List<(string ClusterId, DateTimeOffset At)>();
        stack = await StartAsync(scenario.Build(), RecordReports(reports, () => stack!.Aws.Clock.GetUtcNow()));
        await using var _ = stack;
        stack.Aws.Scenarios.SubmitJobs("train", "gpu", 2, TimeSpan.FromHours(8));
        var termination = TerminationOf(stack, "cr-0f000000000000001");

        var execution = await stack.RunAsync(Start(stack, "cr-0f000000000000001"));

        AssertSucceeded(execution);
        Assert.Equal(["gpu-new"], Queue(stack, "train", "gpu"));
        Assert.Equal((0, 0, "ACTIVE"), Scaling(stack, "train", "gpu-old"));
        Assert.Equal(ExpiryActions.SuccessorNodeGroup, (string?)Parked(stack, "train", "gpu-old", "cr-0f000000000000001")!["action"]);
        Assert.True(Verified(reports, termination, "successor node group") <= termination - Margin);
        Assert.Equal(2, stack.Aws.Slurm.Queue("train", "gpu").RunningJobs + stack.Aws.Slurm.Queue("train", "gpu").PendingJobs);
        Assert.Equal(["gpu-new"], stack.Aws.Slurm.Queue("train", "gpu").NodeGroupsThatCanRun);
    }

    [Fact]
    public async Task Expiry_ExtensionPaidHalfWay_SupersededAndNothingChanged()
    {
        await using var stack = await StartAsync();
        var arn = Start(stack, ExpiringC);
        await RunUntilAsync(stack, stack.Aws.Clock.GetUtcNow() + TimeSpan.FromHours(1)); // planned, waiting for the action start
        var newEnd = EndOf(stack, ExpiringC) + TimeSpan.FromDays(1);
        stack.Aws.Scenarios.ExtendCapacityBlock(ExpiringC, newEnd, paymentDelay: TimeSpan.FromMinutes(30));

        var execution = await stack.RunAsync(arn);

        AssertSucceeded(execution);
        var output = JsonNode.Parse(execution.Output!)!;
        Assert.Equal(RecheckOutcomes.Superseded, (string?)output["outcome"]);
        Assert.Equal(ExecutionNames.ForCapacityBlock(WorkflowKind.CapacityBlockExpiry, ExpiringC, newEnd), (string?)output["newExecutionName"]);
        Assert.Equal(["gpu-c", "cpu"], Queue(stack, "capacity", "gpu-c"));
        Assert.Equal((0, 2, "ACTIVE"), Scaling(stack, "capacity", "gpu-c"));
        Assert.Empty(Writes(stack));
        Assert.Empty(stack.NotificationTypes);
    }

    [Fact]
    public async Task Expiry_ExtensionPaymentFailed_StillWindsDownBeforeTheOriginalTermination()
    {
        await using var stack = await StartAsync();
        var end = EndOf(stack, ExpiringC);
        var arn = Start(stack, ExpiringC);
        await RunUntilAsync(stack, stack.Aws.Clock.GetUtcNow() + TimeSpan.FromHours(1));
        stack.Aws.Scenarios.ExtendCapacityBlock(ExpiringC, end + TimeSpan.FromDays(1), paymentDelay: TimeSpan.FromMinutes(30), paymentFails: true);

        var execution = await stack.RunAsync(arn);

        AssertSucceeded(execution);
        Assert.Equal(end, EndOf(stack, ExpiringC)); // a failed payment keeps the old end (guide L3476)
        Assert.Equal(["cpu"], Queue(stack, "capacity", "gpu-c"));
        Assert.Equal((0, 0, "ACTIVE"), Scaling(stack, "capacity", "gpu-c"));
        Assert.All(Writes(stack), w => Assert.True(w.Time <= TerminationOf(stack, ExpiringC) - Margin, $"{w.Call} at {w.Time:O}"));
    }

    [Fact]
    public async Task Expiry_BlockSharedByTwoClusters_EachClusterUnderItsOwnLeaseBeforeTermination()
    {
        DeployedStack? stack = null;
        var reports = new List<(string ClusterId, DateTimeOffset At)>();
        stack = await StartAsync(wrap: RecordReports(reports, () => stack!.Aws.Clock.GetUtcNow()));
        await using var _ = stack;
        var termination = TerminationOf(stack, Shared);

        var execution = await stack.RunAsync(Start(stack, Shared));

        // The free successor block of gpu-a (same type and zone, 4 free) takes shared-a (clusters in name order); shared-b,
        // its queue's only group, is parked and its queue named to an operator: one failed cluster, one done.
        Assert.Equal((ExecutionStatus.Failed, "CapacityBlockNeedsOperator"), (execution.Status, execution.Error));
        Assert.Equal((4, 4, "ACTIVE", SuccessorA), Group(stack, "capacity", "shared-a"));
        Assert.Equal((0, 0, "ACTIVE"), Scaling(stack, "capacity-2", "shared-b"));
        Assert.Equal([stack.ClusterId("capacity"), stack.ClusterId("capacity-2")], reports.Select(r => r.ClusterId).OrderBy(id => id == stack.ClusterId("capacity-2")));
        Assert.All(reports, r => Assert.True(r.At <= termination - Margin, $"{r.ClusterId} verified at {r.At:O}"));
        Assert.Contains("Cluster capacity (", Assert.Single(Messages(stack, "PCS Capacity Block expiry handled")), StringComparison.Ordinal);
        var notice = Assert.Single(Messages(stack, "PCS Capacity Block expiry needs an operator"));
        Assert.Contains("Cluster capacity-2 (", notice, StringComparison.Ordinal);
        Assert.Contains("queue shared", notice, StringComparison.Ordinal);
        Assert.Null(stack.Lease(stack.ClusterId("capacity")));
        Assert.Null(stack.Lease(stack.ClusterId("capacity-2")));
    }

    [Fact]
    public async Task Expiry_LaunchTemplateDeletedUnderUs_FailsClearlyWithNothingChanged()
    {
        await using var stack = await StartAsync();
        var versionBefore = TemplateVersion(stack, "capacity", "gpu-a");
        var arn = Start(stack, ExpiringA);
        await RunUntilAsync(stack, stack.Aws.Clock.GetUtcNow() + TimeSpan.FromHours(1));
        stack.Aws.Scenarios.DeleteLaunchTemplate("gpu-a-lt");

        var execution = await stack.RunAsync(arn);

        Assert.Equal((ExecutionStatus.Failed, "CapacityBlockNeedsOperator"), (execution.Status, execution.Error));
        Assert.Empty(Writes(stack)); // checked before the first change: not one PCS or EC2 write
        Assert.Equal((0, 4, "ACTIVE"), Scaling(stack, "capacity", "gpu-a"));
        Assert.Equal(versionBefore, TemplateVersion(stack, "capacity", "gpu-a"));
        var notice = Assert.Single(Messages(stack, "PCS Capacity Block expiry needs an operator"));
        Assert.Contains("LaunchTemplateMissing", notice, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", notice, StringComparison.Ordinal);
        Assert.Null(stack.Lease(stack.ClusterId("capacity")));
    }

    [Fact]
    public async Task Expiry_DryRun_ReturnsThePlanAndChangesNothing()
    {
        await using var stack = await StartAsync();
        var before = stack.WorldSnapshot();

        var execution = await stack.RunAsync(Start(stack, ExpiringC, dryRun: true));

        AssertSucceeded(execution);
        var plan = JsonNode.Parse(execution.Output!)!["plan"]!;
        Assert.Equal(("act", ExpiryActions.WindDown), ((string?)plan["outcome"], (string?)plan["expiry"]!["clusters"]![0]!["groups"]![0]!["action"]));
        Assert.Equal(Iso(EndOf(stack, ExpiringC) - TimeSpan.FromMinutes(90)), (string?)plan["waitUntil"]);
        Assert.Empty(Writes(stack));
        Assert.Empty(stack.NotificationTypes);
        Assert.Null(stack.Lease(stack.ClusterId("capacity")));
        Assert.Equal(before, stack.WorldSnapshot());
    }

    [Theory]
    [InlineData("cr-123", "reservationId 'cr-123' is not a Capacity Reservation id")]
    [InlineData("cr-0fffffffffffffff9", "reservationId 'cr-0fffffffffffffff9' names no Capacity Reservation")]
    public async Task Expiry_BadReservationId_FailsNamingItBeforeAnything(string reservationId, string cause)
    {
        await using var stack = await StartAsync();

        var execution = await stack.RunAsync(stack.StartExecution(ExpiryStack.Machine, new JsonObject
        {
            ["reservationId"] = reservationId, ["endDate"] = "2026-01-11T05:00:00Z", ["mode"] = "expire", ["trigger"] = "manual",
        }));

        Assert.Equal((ExecutionStatus.Failed, "InvalidWorkflowInput"), (execution.Status, execution.Error));
        Assert.Contains(cause, (string?)JsonNode.Parse(execution.Cause!)!["errorMessage"], StringComparison.Ordinal);
        Assert.Empty(Writes(stack));
    }
}

using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.NodeGroups;
using static PcsAutomation.Domain.Tests.CapacityBlocks.Blocks;

namespace PcsAutomation.Domain.Tests.CapacityBlocks;

public class ParkedRestoreTests
{
    private static ParkedNodeGroup Parked(string name, string action = "wind-down", string? successor = null, int min = 2, int max = 4, params QueueMembership[] queues) =>
        new(ClusterId, $"pcs_{name}", name, action, Expiring, End, successor, new NodeGroupScaling($"pcs_{name}", name, min, max), queues, End.AddMinutes(-90));

    private static CapacityNodeGroupFacts AtZero(string name) => Group(name, min: 0, max: 0);

    [Fact]
    public void Decide_ExtendedBlock_ScalingAndQueueBackAtTheirPlace()
    {
        var record = Parked("gpu", queues: new QueueMembership("pcs_qq", "q", 1, null));
        var gpu = AtZero("gpu");
        var cluster = Cluster([gpu], [Queue("q", "pcs_a", "pcs_b")]);

        var plan = ParkedRestore.Decide(Block(end: End.AddDays(2)), [record], [cluster], [Template(gpu)]);

        var restore = Assert.Single(plan.Groups);
        Assert.Equal((RestoreTriggers.Extension, "gpu 2/4", null), (restore.Trigger, restore.SavedScaling.ToString(), restore.LaunchTemplate));
        Assert.Equal([ExpirySteps.RestoreScaling, ExpirySteps.UpdateQueues], restore.Remaining);
        Assert.Equal(["pcs_a", "pcs_gpu", "pcs_b"], Assert.Single(plan.QueueEdits).After);
        Assert.Same(record, Assert.Single(plan.Forget));
        Assert.Empty(plan.Findings);
    }

    [Fact]
    public void Decide_SameEndDate_NothingToRestore()
    {
        var gpu = AtZero("gpu");
        Assert.True(ParkedRestore.Decide(Block(), [Parked("gpu")], [Cluster([gpu])], [Template(gpu)]).IsEmpty());
    }

    [Fact]
    public void Decide_FailedOverGroup_FallbackReplacedByItAgain()
    {
        var record = Parked("gpu", "failover", queues: new QueueMembership("pcs_qq", "q", 0, "pcs_cpu"));
        var gpu = AtZero("gpu");
        var plan = ParkedRestore.Decide(Block(end: End.AddDays(1)), [record], [Cluster([gpu], [Queue("q", "pcs_cpu", "pcs_x")])], [Template(gpu)]);

        Assert.Equal(["pcs_gpu", "pcs_x"], Assert.Single(plan.QueueEdits).After);
    }

    [Fact]
    public void Decide_FallbackStillNeededByAnotherParkedGroup_KeptAndTheGroupAttachedBeside()
    {
        var a = Parked("a", "failover", queues: new QueueMembership("pcs_qq", "q", 0, "pcs_cpu"));
        var b = Parked("b", "failover", queues: new QueueMembership("pcs_qq", "q", 1, "pcs_cpu")) with { ReservationId = Other };
        var cluster = Cluster([AtZero("a"), AtZero("b")], [Queue("q", "pcs_cpu")]);

        var plan = ParkedRestore.Decide(Block(end: End.AddDays(1)), [a, b], [cluster], [Template(cluster.NodeGroups[0]), Template(cluster.NodeGroups[1], Other)]);

        Assert.Equal(["pcs_a", "pcs_cpu"], Assert.Single(plan.QueueEdits).After);
        Assert.Equal("pcs_a", Assert.Single(plan.Forget).NodeGroupId);
    }

    [Fact]
    public void Decide_WaitingSuccessorDelivered_TemplateMovedFirstThenScalingAndQueues()
    {
        var record = Parked("gpu", successor: Next, queues: new QueueMembership("pcs_qq", "q", 0, null));
        var gpu = AtZero("gpu");
        var plan = ParkedRestore.Decide(Successor(state: "active"), [record], [Cluster([gpu], [Queue("q", "pcs_x")])], [Template(gpu)]);

        var restore = Assert.Single(plan.Groups);
        Assert.Equal(RestoreTriggers.Successor, restore.Trigger);
        Assert.Equal(new LaunchTemplateSwitch("lt-gpu", "3", Expiring, Next), restore.LaunchTemplate);
        Assert.Equal([ExpirySteps.CreateLaunchTemplateVersion, ExpirySteps.UpdateNodeGroupLaunchTemplate, ExpirySteps.RestoreScaling, ExpirySteps.UpdateQueues], restore.Remaining);
    }

    [Fact]
    public void Decide_TemplateRetargetedByAnOperator_RestoredWithoutATemplateChange()
    {
        var gpu = AtZero("gpu");
        var plan = ParkedRestore.Decide(Successor(state: "active"), [Parked("gpu")], [Cluster([gpu])], [Template(gpu, Next)]);

        var restore = Assert.Single(plan.Groups);
        Assert.Equal((RestoreTriggers.Retargeted, null), (restore.Trigger, restore.LaunchTemplate));
        Assert.Equal([ExpirySteps.RestoreScaling], restore.Remaining);
    }

    [Fact]
    public void Decide_BlockTooSmallForTheSavedMax_LeftParkedWithAFinding()
    {
        var gpu = AtZero("gpu");
        var plan = ParkedRestore.Decide(Successor(count: 2, state: "active"), [Parked("gpu", successor: Next)], [Cluster([gpu])], [Template(gpu)]);

        Assert.Empty(plan.Groups);
        Assert.Empty(plan.Forget);
        var finding = Assert.Single(plan.Findings);
        Assert.Equal(FindingCodes.RestoreBlocked, finding.Code);
        Assert.Contains("its saved max 4 is above the 2 instances of block cr-0bbbbbbbbbbbbbbb2 (guide L3459): left parked", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_GroupDeletedOrQueueDeleted_ReportedAndTheGoneGroupForgotten()
    {
        var gone = Parked("gone", successor: Next);
        var gpu = AtZero("gpu");
        var kept = Parked("gpu", successor: Next, queues: new QueueMembership("pcs_qold", "old", 0, null));
        var plan = ParkedRestore.Decide(Successor(state: "active"), [gone, kept], [Cluster([gpu])], [Template(gpu)]);

        Assert.Equal(["pcs_gone", "pcs_gpu"], plan.Forget.Select(f => f.NodeGroupId));
        Assert.Equal(2, plan.Findings.Count);
        Assert.Contains("no longer exists: its saved scaling cannot be restored", plan.Findings[0].Message, StringComparison.Ordinal);
        Assert.Equal("pcs_qold", plan.Findings[1].QueueId);
        Assert.Empty(plan.QueueEdits);
    }
}

using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.Configuration;
using static PcsAutomation.Domain.Tests.CapacityBlocks.Blocks;

namespace PcsAutomation.Domain.Tests.CapacityBlocks;

public class ExpiryPlannerTests
{
    private static readonly DateTimeOffset Now = End.AddHours(-3);
    private static readonly CapacityBlockExpiryOptions Options = new();

    private static ExpiryPlanInput Input(
        IReadOnlyList<CapacityClusterFacts> clusters, CapacityReservationFacts[] reservations, IReadOnlyList<LaunchTemplateTarget>? templates = null,
        DateTimeOffset? now = null) =>
        new(reservations[0], clusters, templates ?? clusters.SelectMany(c => c.NodeGroups).Select(g => Template(g, g.PurchaseOption == "CAPACITY_BLOCK" ? Expiring : null, g.PurchaseOption == "CAPACITY_BLOCK" ? "capacity-block" : null)).ToList(),
            reservations, [], null, [], now ?? Now, Options);

    /// <summary>What the handlers would do with the plan: new template versions, queue lists written, groups at 0/0.</summary>
    private static ExpiryPlanInput Applied(ExpiryPlanInput input, ExpiryPlan plan)
    {
        var actions = plan.Clusters.SelectMany(c => c.Groups).ToDictionary(g => g.NodeGroupId);
        var edits = plan.Clusters.SelectMany(c => c.QueueEdits).ToDictionary(e => e.QueueId);
        var clusters = input.Clusters.Select(c => c with
        {
            NodeGroups = c.NodeGroups.Select(g => actions.TryGetValue(g.NodeGroupId, out var a) && a.Remaining.Contains(ExpirySteps.ScaleToZero) ? g with { MinInstanceCount = 0, MaxInstanceCount = 0 } : g).ToList(),
            Queues = c.Queues.Select(q => edits.TryGetValue(q.QueueId, out var e) ? q with { NodeGroupIds = e.After } : q).ToList(),
        }).ToList();
        var templates = input.Templates.Select(t => actions.Values.FirstOrDefault(a => a.LaunchTemplate?.LaunchTemplateId == t.LaunchTemplateId) is { } a ? t with { CapacityReservationId = a.SuccessorReservationId } : t).ToList();
        return input with { Clusters = clusters, Templates = templates, NodeGroupIds = plan.NodeGroupIds, Parked = plan.Clusters.SelectMany(c => c.Parked).ToList(), Now = input.Now.AddMinutes(10) };
    }

    [Fact]
    public void Plan_WindDown_DetachesWhereOthersRemainRefusesTheOnlyGroupAndParksTheScaling()
    {
        var gpu = Group("gpu", min: 2, max: 4);
        var cpu = Group("cpu", purchase: "ONDEMAND", type: "c7i.large");
        var plan = ExpiryPlanner.Plan(Input([Cluster([gpu, cpu], [Queue("only", "pcs_gpu"), Queue("mixed", "pcs_cpu", "pcs_gpu")])], [Block()]));

        var cluster = Assert.Single(plan.Clusters);
        var action = Assert.Single(cluster.Groups);
        Assert.Equal((ExpiryActions.WindDown, "gpu 2/4"), (action.Action, action.SavedScaling?.ToString()));
        Assert.Equal([ExpirySteps.UpdateQueues, ExpirySteps.ScaleToZero], action.Remaining);
        var edit = Assert.Single(cluster.QueueEdits);
        Assert.Equal(("mixed", "pcs_cpu"), (edit.QueueName, string.Join(",", edit.After)));
        var loud = Assert.Single(plan.Findings);
        Assert.Equal((FindingCodes.QueueLeftWaiting, "pcs_qonly", true, Expiring), (loud.Code, loud.QueueId, loud.NeedsOperator, loud.ReservationId));
        Assert.True(plan.NeedsOperator());
        var parked = Assert.Single(cluster.Parked);
        Assert.Equal((Expiring, End, Now), (parked.ReservationId, parked.BlockEndDate, parked.ParkedAt));
        Assert.Equal(["pcs_qmixed@1", "pcs_qonly@0"], parked.Queues.Select(q => $"{q.QueueId}@{q.Position}").Order(StringComparer.Ordinal));
        // 5 min overhead + one queue update (10) + scale to 0 and termination (20): inside the default 90-minute lead.
        Assert.Equal(TimeSpan.FromMinutes(35), cluster.ExpectedDuration);
        Assert.Equal((End.AddMinutes(-90), End.AddMinutes(-45)), (plan.Timing.ActionStartsAt, plan.Timing.Deadline));
        Assert.Contains(plan.Notes, n => n.Code == FindingCodes.QueueUpdateRefusesJobs);
    }

    [Fact]
    public void Plan_SuccessorBlock_NewTemplateVersionThenNodeGroupUpdateAndNoQueueChange()
    {
        var gpu = Group("gpu");
        var plan = ExpiryPlanner.Plan(Input([Cluster([gpu], [Queue("gpu", "pcs_gpu")])], [Block(), Successor()]));

        var action = Assert.Single(plan.Clusters.Single().Groups);
        Assert.Equal((ExpiryActions.SuccessorBlock, Next), (action.Action, action.SuccessorReservationId));
        Assert.Equal(new LaunchTemplateSwitch("lt-gpu", "3", Expiring, Next), action.LaunchTemplate);
        Assert.Equal([ExpirySteps.CreateLaunchTemplateVersion, ExpirySteps.UpdateNodeGroupLaunchTemplate], action.Remaining);
        Assert.Empty(plan.Clusters[0].QueueEdits);
        Assert.Empty(plan.Clusters[0].Parked);
        Assert.Empty(plan.Findings);
        Assert.Equal(TimeSpan.FromMinutes(22), plan.Timing.ExpectedDuration);
    }

    [Fact]
    public void Plan_Failover_FallbackTakesThePlaceInTheQueueAndTheRecordSaysItWasAttached()
    {
        var gpu = Group("gpu", tags: Tags(TagKeys.FallbackNodeGroup, "cpu"));
        var cpu = Group("cpu", purchase: "ONDEMAND", type: "c7i.large");
        var plan = ExpiryPlanner.Plan(Input([Cluster([gpu, cpu], [Queue("q", "pcs_gpu", "pcs_x")])], [Block()]));

        var cluster = plan.Clusters.Single();
        Assert.Equal(["pcs_cpu", "pcs_x"], cluster.QueueEdits.Single().After);
        Assert.Equal((ExpiryActions.Failover, "pcs_cpu"), (cluster.Groups.Single().Action, cluster.Groups.Single().ReplacementNodeGroupId));
        Assert.Equal(new QueueMembership("pcs_qq", "q", 0, "pcs_cpu"), cluster.Parked.Single().Queues.Single());
        Assert.Empty(plan.Findings);
    }

    [Fact]
    public void Plan_AgainAfterTheActions_NothingLeftAndTheSavedScalingKept()
    {
        // The successor has room for moving's 4 instances, not for gpu's 6: gpu fails over.
        var gpu = Group("gpu", min: 2, max: 6, tags: Tags(TagKeys.FallbackNodeGroup, "cpu"));
        var moving = Group("moving");
        var cpu = Group("cpu", purchase: "ONDEMAND", type: "c7i.large");
        var input = Input([Cluster([gpu, moving, cpu], [Queue("q", "pcs_gpu", "pcs_moving")])], [Block(), Successor(count: 4)]);
        var first = ExpiryPlanner.Plan(input);
        Assert.False(first.IsComplete());
        Assert.Equal(["pcs_gpu", "pcs_moving"], first.NodeGroupIds.Order(StringComparer.Ordinal));

        var again = ExpiryPlanner.Plan(Applied(input, first));

        Assert.True(again.IsComplete());
        Assert.Empty(again.Clusters.Single().QueueEdits);
        var byName = again.Clusters.Single().Groups.ToDictionary(g => g.NodeGroupName);
        Assert.Equal([ExpirySteps.ScaleToZero], byName["gpu"].Done);
        Assert.Equal("gpu 2/6", byName["gpu"].SavedScaling?.ToString());
        Assert.Equal((ExpiryActions.SuccessorBlock, Next), (byName["moving"].Action, byName["moving"].SuccessorReservationId));
        Assert.Equal(ExpiryActions.Failover, byName["gpu"].Action);
        Assert.Same(first.Clusters.Single().Parked.Single(), again.Clusters.Single().Parked.Single());
        Assert.Equal(ExpiryDurations.Overhead, again.Timing.ExpectedDuration);
    }

    [Fact]
    public void Plan_BlockSharedByTwoClusters_OnePartPerClusterEachUnderItsOwnLease()
    {
        var one = Group("one", min: 8, max: 8);
        var two = Group("two", min: 8, max: 8, cluster: "pcs_cluster002");
        var plan = ExpiryPlanner.Plan(Input(
            [Cluster([one], [Queue("a", "pcs_one", "pcs_z")]), Cluster([two], [Queue("b", "pcs_two")], id: "pcs_cluster002", name: "alpha")], [Block()]));

        Assert.Equal(["alpha", "demo"], plan.Clusters.Select(c => c.ClusterName));
        Assert.All(plan.Clusters, c => Assert.Equal(ExpiryActions.WindDown, c.Groups.Single().Action));
        Assert.Equal(TimeSpan.FromMinutes(35), plan.Timing.ExpectedDuration);
    }

    [Fact]
    public void Plan_TwoGroupsAndRoomForOne_SecondDoesNotCountOnTheSameRoom()
    {
        var a = Group("a", min: 10, max: 10);
        var b = Group("b", min: 6, max: 6);
        var plan = ExpiryPlanner.Plan(Input([Cluster([a, b])], [Block(), Successor(count: 12)]));

        var byName = plan.Clusters.Single().Groups.ToDictionary(g => g.NodeGroupName);
        Assert.Equal(ExpiryActions.SuccessorBlock, byName["a"].Action);
        Assert.Equal(ExpiryActions.WindDown, byName["b"].Action);
    }

    [Fact]
    public void Plan_AfterTheLatestStart_LateStartFinding()
    {
        var plan = ExpiryPlanner.Plan(Input([Cluster([Group("gpu")], [Queue("q", "pcs_gpu", "pcs_x")])], [Block()], now: End.AddMinutes(-70)));

        var late = Assert.Single(plan.Findings, f => f.Code == FindingCodes.LateStart);
        Assert.Contains("after the latest start 2026-03-02 10:10Z", late.Message, StringComparison.Ordinal);
        Assert.Contains("EC2 terminates the instances from 2026-03-02 11:00Z", late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_GroupUpdating_NoteNotAFault()
    {
        var plan = ExpiryPlanner.Plan(Input([Cluster([Group("gpu", status: "UPDATING")])], [Block()]));

        Assert.Empty(plan.Findings);
        Assert.Contains(plan.Notes, n => n.Code == FindingCodes.NodeGroupStatus && n.Message.Contains("is UPDATING: PCS refuses its scale-down", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_BlockWithoutEndDate_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => ExpiryPlanner.Plan(Input([], [Block() with { EndDate = null }])));
        Assert.Contains("has no end date", error.Message, StringComparison.Ordinal);
    }

}

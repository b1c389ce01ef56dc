using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.NodeGroups;
using static PcsAutomation.Domain.Tests.CapacityBlocks.Blocks;

namespace PcsAutomation.Domain.Tests.CapacityBlocks;

public class RestoreReconcilerTests
{
    private static ParkedNodeGroup Parked(string name, string? successor = null) =>
        new(ClusterId, $"pcs_{name}", name, "wind-down", Expiring, End, successor, new NodeGroupScaling($"pcs_{name}", name, 2, 4), [], End.AddMinutes(-90));

    private static CapacityNodeGroupFacts AtZero(string name) => Group(name, min: 0, max: 0);

    [Fact] // an extension sends no event: only the schedule sees the end move
    public void Decide_BlockExtendedAfterTheGroupWasParked_RestoreNamedFromTheNewEnd()
    {
        var gpu = AtZero("gpu");

        var start = Assert.Single(RestoreReconciler.Decide([Block(end: End.AddDays(2))], [Parked("gpu")], [Cluster([gpu])], [Template(gpu)]));

        Assert.Equal((Expiring, End.AddDays(2), "expire-cr-0aaaaaaaaaaaaaaa1-restore-20260304T113000"), (start.ReservationId, start.EndDate, start.ExecutionName));
        Assert.Equal(["pcs_gpu"], start.NodeGroupIds);
    }

    [Fact] // a lost Delivered event: the schedule restores onto the successor the group waits for
    public void Decide_WaitingSuccessorUsable_RestoreOnTheSuccessor()
    {
        var gpu = AtZero("gpu");

        var start = Assert.Single(RestoreReconciler.Decide([Block(), Successor(state: "active")], [Parked("gpu", successor: Next)], [Cluster([gpu])], [Template(gpu)]));

        Assert.Equal(Next, start.ReservationId);
    }

    [Fact]
    public void Decide_TemplateRetargetedToADeliveredBlock_RestoreOnThatBlock()
    {
        var gpu = AtZero("gpu");

        var start = Assert.Single(RestoreReconciler.Decide([Block(), Successor(state: "active")], [Parked("gpu")], [Cluster([gpu])], [Template(gpu, Next)]));

        Assert.Equal(Next, start.ReservationId);
    }

    [Fact]
    public void Decide_NothingChangedOrNothingParked_NoRestore()
    {
        var gpu = AtZero("gpu");

        Assert.Empty(RestoreReconciler.Decide([Block(), Successor(state: "payment-pending")], [Parked("gpu", successor: Next)], [Cluster([gpu])], [Template(gpu)]));
        Assert.Empty(RestoreReconciler.Decide([Block(end: End.AddDays(2))], [], [Cluster([gpu])], [Template(gpu)]));
    }

    [Fact] // the block EC2 no longer lists cannot take anything back
    public void Decide_ReservationNotListed_NoRestore()
    {
        var gpu = AtZero("gpu");

        Assert.Empty(RestoreReconciler.Decide([], [Parked("gpu", successor: Next)], [Cluster([gpu])], [Template(gpu)]));
    }
}

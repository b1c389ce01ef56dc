using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.Workflows;
using static PcsAutomation.Domain.Tests.CapacityBlocks.Blocks;
using static PcsAutomation.Domain.Tests.CapacityBlocks.CapacityBlockEvents;

namespace PcsAutomation.Domain.Tests.CapacityBlocks;

public class CapacityBlockEventPolicyTests
{
    private static CapacityBlockEvent Warning(string id = Expiring, string end = "2026-03-02T11:30:00Z") =>
        CapacityBlockEventParser.Parse(Reservation("expiration-warning", "Capacity Block Expiration Warning", id, end).ToJsonString(), Account, Region).Event!;

    private static CapacityBlockEvent Delivered(string id = Next) =>
        CapacityBlockEventParser.Parse(Reservation("delivered", "Capacity Block Reservation Delivered", id, "2026-03-09T11:30:00Z").ToJsonString(), Account, Region).Event!;

    [Fact]
    public void Decide_WarningForABlockInUse_CatchUpWithTheReconcilersName()
    {
        var decision = CapacityBlockEventPolicy.Decide(Warning(), Block(), inUse: true, parkedForIt: false);

        Assert.Equal(EventActions.CatchUp, decision.Action);
        Assert.Equal(ExecutionNames.ForCapacityBlock(WorkflowKind.CapacityBlockExpiry, Expiring, End), decision.ExecutionName);
        // A duplicate event gives the same name: the second start is ExecutionAlreadyExists, a no-op.
        Assert.Equal(decision, CapacityBlockEventPolicy.Decide(Warning(), Block(), inUse: true, parkedForIt: false));
    }

    [Fact]
    public void Decide_WarningWithAStaleEndDate_NameFromEc2sEndAndTheDifferenceSaid()
    {
        var decision = CapacityBlockEventPolicy.Decide(Warning(), Block(end: End.AddDays(1)), inUse: true, parkedForIt: false);

        Assert.Equal("expire-cr-0aaaaaaaaaaaaaaa1-20260303T113000", decision.ExecutionName);
        Assert.Contains("(the event says 2026-03-02T11:30:00Z; EC2 now says 2026-03-03 11:30Z)", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_UnknownReservation_RejectedAndNothingStarted()
    {
        var decision = CapacityBlockEventPolicy.Decide(Warning(), null, inUse: false, parkedForIt: false);
        Assert.Equal((EventActions.Reject, null), (decision.Action, decision.ExecutionName));
        Assert.Equal("unknown reservation cr-0aaaaaaaaaaaaaaa1: not among this account's Capacity Reservations in us-east-2", decision.Reason);
    }

    [Fact]
    public void Decide_WarningForAnUnusedBlock_Ignored()
    {
        Assert.Equal(EventActions.Ignore, CapacityBlockEventPolicy.Decide(Warning(), Block(), inUse: false, parkedForIt: false).Action);
    }

    [Fact]
    public void Decide_Delivered_RestoreWhenSomethingWaitsForIt()
    {
        Assert.Equal(EventActions.Restore, CapacityBlockEventPolicy.Decide(Delivered(), Successor(state: "active"), inUse: false, parkedForIt: true).Action);
        Assert.Equal(EventActions.Ignore, CapacityBlockEventPolicy.Decide(Delivered(), Successor(state: "active"), inUse: true, parkedForIt: false).Action);
    }

    [Fact]
    public void Decide_InterruptionWarning_CatchUpForABlockIgnoredForAnInterruptibleReservation()
    {
        var e = CapacityBlockEventParser.Parse(Interruption("i-0123456789abcdef0").ToJsonString(), Account, Region).Event!;

        Assert.Equal(EventActions.CatchUp, CapacityBlockEventPolicy.Decide(e, Block(), inUse: true, parkedForIt: false).Action);
        var other = CapacityBlockEventPolicy.Decide(e, Block(Other, reservationType: "default"), inUse: true, parkedForIt: false);
        Assert.Equal(EventActions.Ignore, other.Action);
        Assert.Contains("a default reservation, not a Capacity Block", other.Reason, StringComparison.Ordinal);
        Assert.Equal(EventActions.Reject, CapacityBlockEventPolicy.Decide(e, null, inUse: false, parkedForIt: false).Action);
    }

    [Fact]
    public void Decide_ReservationReadDoesNotMatchTheEvent_Throws()
    {
        Assert.Throws<ArgumentException>(() => CapacityBlockEventPolicy.Decide(Warning(), Block(Other), inUse: true, parkedForIt: false));
    }
}

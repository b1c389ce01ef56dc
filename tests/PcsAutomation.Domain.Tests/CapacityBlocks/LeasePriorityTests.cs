using PcsAutomation.Domain.CapacityBlocks;
using static PcsAutomation.Domain.Tests.CapacityBlocks.Blocks;

namespace PcsAutomation.Domain.Tests.CapacityBlocks;

public class LeasePriorityTests
{
    private static readonly CapacityBlockExpiryOptions Options = new();
    private static readonly TimeSpan Rotation = TimeSpan.FromHours(3);

    [Fact]
    public void Deferral_ExpiryActionWithinTheRotationAndMargin_RotationWaitsWithTheReason()
    {
        // Action at end - 90 min; the rotation would run until now + 3 h + 30 min.
        var now = End.AddMinutes(-90 - 200);
        var reason = LeasePriority.Deferral(now, Rotation, [Block()], Options, "the rotation");

        Assert.Equal("Capacity Block cr-0aaaaaaaaaaaaaaa1 ends at 2026-03-02 11:30Z; its expiry starts at 2026-03-02 10:00Z, within the rotation's expected 3h00m plus a 30m margin: the rotation waits (an expiry cannot)", reason);
    }

    [Fact]
    public void Deferral_ExpiryActionAfterTheRotationAndMargin_NoDeferral()
    {
        Assert.Null(LeasePriority.Deferral(End.AddMinutes(-90 - 211), Rotation, [Block()], Options));
    }

    [Fact]
    public void Deferral_ExpiryDueNowOrOnlyEndedOrOtherReservations_OnlyTheDueOneDefers()
    {
        Assert.Contains("is due now (since 2026-03-02 10:00Z)", LeasePriority.Deferral(End.AddMinutes(-20), Rotation, [Block()], Options), StringComparison.Ordinal);
        Assert.Null(LeasePriority.Deferral(End.AddMinutes(1), Rotation, [Block()], Options));
        Assert.Null(LeasePriority.Deferral(End.AddMinutes(-20), Rotation, [Block(reservationType: "default"), Block(state: "cancelled")], Options));
    }

    [Fact]
    public void ExpiryWait_BeforeTheLatestStart_RetriesAtMostTheInterval()
    {
        var timing = ExpiryTiming.For(End, false, Options.Lead, TimeSpan.FromMinutes(30));
        var early = LeasePriority.ExpiryWait(timing.ActionStartsAt, timing, "arn:exec:rotate-1", "cluster-secret-rotation", Options);
        var close = LeasePriority.ExpiryWait(timing.LatestStart.AddSeconds(-30), timing, "arn:exec:rotate-1", "cluster-secret-rotation", Options);

        Assert.Equal((true, TimeSpan.FromMinutes(2)), (early.Retry, early.WaitFor));
        Assert.Equal((true, TimeSpan.FromSeconds(30)), (close.Retry, close.WaitFor));
    }

    [Fact]
    public void ExpiryWait_AtTheLatestStart_FailsLoudlyNamingTheHolder()
    {
        var timing = ExpiryTiming.For(End, false, Options.Lead, TimeSpan.FromMinutes(30));
        var decision = LeasePriority.ExpiryWait(timing.LatestStart, timing, "arn:exec:rotate-1", "cluster-secret-rotation", Options);

        Assert.False(decision.Retry);
        Assert.StartsWith("lease still held by cluster-secret-rotation execution arn:exec:rotate-1 at the latest start 2026-03-02 10:15Z", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("needs an operator", decision.Reason, StringComparison.Ordinal);
    }
}

using PcsAutomation.Domain.CapacityBlocks;
using static PcsAutomation.Domain.Tests.CapacityBlocks.Blocks;

namespace PcsAutomation.Domain.Tests.CapacityBlocks;

public class ExpiryReconcilerTests
{
    private static readonly CapacityBlockExpiryOptions Options = new();

    [Fact]
    public void Decide_BlocksOfEveryKind_StartsOnlyTheUsedOneEndingWithinTheHorizon()
    {
        var now = End.AddHours(-6);
        var gpu = Group("gpu");
        var later = Group("later");
        var spare = Group("spare", purchase: "INTERRUPTIBLE_CAPACITY_RESERVATION");
        var reservations = new[]
        {
            Block(),
            Block(Next, end: End.AddDays(3)),
            Block(Other),
            Block("cr-0ddddddddddddddd4", reservationType: "default"),
            Block("cr-0eeeeeeeeeeeeeee5", end: now.AddMinutes(-1), state: "expired"),
            Block("cr-0fffffffffffffff6", reservationType: "default") with { EndDate = null },
        };
        var templates = new[] { Template(gpu), Template(later, Next), Template(spare, Other, null) };
        var usage = Discover([Cluster([gpu, later, spare])], templates, reservations);

        var decision = ExpiryReconciler.Decide(reservations, usage, now, Options);

        var start = Assert.Single(decision.Start);
        Assert.Equal(("expire-cr-0aaaaaaaaaaaaaaa1-20260302T113000", End), (start.ExecutionName, start.EndDate));
        Assert.Equal([ClusterId], start.ClusterIds);
        Assert.Equal(["pcs_gpu"], start.NodeGroupIds);
        var skipped = decision.Skipped.ToDictionary(s => s.ReservationId, s => s.Reason);
        Assert.StartsWith("ends at 2026-03-05 11:30Z, beyond the 24h00m horizon", skipped[Next], StringComparison.Ordinal);
        Assert.Equal("no CAPACITY_BLOCK node group uses it", skipped[Other]);
        Assert.Equal("reservation type default, not capacity-block", skipped["cr-0ddddddddddddddd4"]);
        Assert.StartsWith("already over (expired", skipped["cr-0eeeeeeeeeeeeeee5"], StringComparison.Ordinal);
        Assert.Equal(5, decision.Skipped.Count);
    }

    [Fact]
    public void Decide_SameBlockTwiceOrAfterAnExtension_SameNameThenANewOne()
    {
        var gpu = Group("gpu");
        var usage = Discover([Cluster([gpu])], [Template(gpu)], Block());
        var first = ExpiryReconciler.Decide([Block()], usage, End.AddHours(-3), Options).Start.Single();
        var again = ExpiryReconciler.Decide([Block()], usage, End.AddHours(-2.75), Options).Start.Single();
        var extended = ExpiryReconciler.Decide([Block(end: End.AddDays(1))], usage, End.AddHours(-2.5), Options);

        Assert.Equal(first.ExecutionName, again.ExecutionName);
        Assert.Empty(extended.Start);
        Assert.NotEqual(first.ExecutionName, ExpiryReconciler.Decide([Block(end: End.AddDays(1))], usage, End.AddDays(1).AddHours(-3), Options).Start.Single().ExecutionName);
    }


    [Fact] // only these need the clusters read: a run whose candidates all started already reads no cluster
    public void Candidates_BlocksOfEveryKind_OnlyCapacityBlocksEndingWithinTheHorizonWhoeverUsesThem()
    {
        var now = End.AddHours(-6);
        var reservations = new[]
        {
            Block(Other),
            Block(),
            Block(Next, end: End.AddDays(3)),
            Block("cr-0ddddddddddddddd4", reservationType: "default"),
            Block("cr-0eeeeeeeeeeeeeee5", end: now.AddMinutes(-1), state: "expired"),
            Block("cr-0fffffffffffffff6", state: "cancelled"),
        };

        var candidates = ExpiryReconciler.Candidates(reservations, now, Options);

        Assert.Equal([Expiring, Other], candidates.Select(c => c.ReservationId));
    }

    [Fact] // the horizon is checked before the usage map, so a run that read no cluster still gives the true reason
    public void Decide_UnusedBlockBeyondTheHorizon_SkippedForTheHorizon()
    {
        var decision = ExpiryReconciler.Decide([Block(end: End.AddDays(3))], Discover([], []), End.AddHours(-6), Options);

        Assert.StartsWith("ends at 2026-03-05 11:30Z, beyond the 24h00m horizon", Assert.Single(decision.Skipped).Reason, StringComparison.Ordinal);
        Assert.Empty(decision.Start);
    }
}

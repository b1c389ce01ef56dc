using PcsAutomation.Domain.NodeGroups;

namespace PcsAutomation.Domain.Tests.NodeGroups;

public class RestorePlanTests
{
    private static readonly NodeGroupScaling A = new("pcs_a", "compute-a", 0, 8);
    private static readonly NodeGroupScaling B = new("pcs_b", "compute-b", 2, 2);
    private static readonly NodeGroupScaling C = new("pcs_c", "compute-c", 0, 4);

    private static NodeGroupState AtZero(NodeGroupScaling saved, string status = "ACTIVE") =>
        new(saved with { MinInstanceCount = 0, MaxInstanceCount = 0 }, status);

    [Fact]
    public void For_AllAtZero_RestoresEachToExactlyItsSavedScaling()
    {
        var plan = RestorePlan.For([A, B, C], [AtZero(A), AtZero(B), AtZero(C)]);

        Assert.Equal([A, B, C], plan.ToRestore);
        Assert.Empty(plan.AlreadyRestored);
        Assert.Empty(plan.Busy);
        Assert.Empty(plan.Missing);
    }

    [Fact]
    public void For_SomeAlreadyBackSomeUpdating_SkipsThemAndLeavesTheBusyForTheNextPass()
    {
        var plan = RestorePlan.For([A, B, C], [new(A, "UPDATING"), AtZero(B, "UPDATING"), AtZero(C)]);

        Assert.Equal([C], plan.ToRestore);
        Assert.Equal(["pcs_a"], plan.AlreadyRestored);
        Assert.Equal(["pcs_b"], plan.Busy);
    }

    [Fact]
    public void For_SavedGroupDeleted_ReportedMissingWithItsSavedScaling()
    {
        var plan = RestorePlan.For([A, B], [AtZero(A)]);

        Assert.Equal([A], plan.ToRestore);
        Assert.Equal([B], plan.Missing);
    }

    [Fact]
    public void For_GroupOnlyPartlyBack_RestoresItAgain()
    {
        var plan = RestorePlan.For([B], [new(B with { MinInstanceCount = 0 }, "ACTIVE")]);

        Assert.Equal([B], plan.ToRestore);
    }
}

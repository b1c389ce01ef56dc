using PcsAutomation.Domain.NodeGroups;

namespace PcsAutomation.Domain.Tests.NodeGroups;

public class ScaleDownPlanTests
{
    private static readonly NodeGroupScaling A = new("pcs_a", "compute-a", 0, 8);
    private static readonly NodeGroupScaling B = new("pcs_b", "compute-b", 2, 2);
    private static readonly NodeGroupScaling Idle = new("pcs_i", "idle", 0, 0);

    [Fact]
    public void For_FirstRun_ScalesDownEverySavedGroupAboveZero()
    {
        var plan = ScaleDownPlan.For([A, B, Idle], [new(A, "ACTIVE"), new(B, "ACTIVE"), new(Idle, "ACTIVE")]);

        Assert.Equal([A, B], plan.ToScaleDown);
        Assert.Equal(["pcs_i"], plan.AlreadyAtZero);
        Assert.Empty(plan.Missing);
        Assert.Empty(plan.Unsaved);
    }

    [Fact]
    public void For_Rerun_ScalesDownOnlyTheGroupsNotYetAtZero()
    {
        var plan = ScaleDownPlan.For([A, B], [new(A with { MaxInstanceCount = 3 }, "ACTIVE"), new(B with { MinInstanceCount = 0, MaxInstanceCount = 0 }, "UPDATING")]);

        // The saved values decide what to scale, the current ones whether it is still needed.
        Assert.Equal([A], plan.ToScaleDown);
        Assert.Equal(["pcs_b"], plan.AlreadyAtZero);
    }

    [Fact]
    public void For_GroupDeletedAndGroupCreatedSinceTheSave_ReportsBothTouchesNeither()
    {
        var created = new NodeGroupScaling("pcs_new", "new", 1, 4);

        var plan = ScaleDownPlan.For([A, B], [new(A, "ACTIVE"), new(created, "ACTIVE")]);

        Assert.Equal([A], plan.ToScaleDown);
        Assert.Equal(["pcs_b"], plan.Missing);
        Assert.Equal(["pcs_new"], plan.Unsaved);
    }
}

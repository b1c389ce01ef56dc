using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Domain.Tests.Ami;
using static PcsAutomation.Domain.Tests.NodeGroupUpdate.Rollouts;

namespace PcsAutomation.Domain.Tests.NodeGroupUpdate;

public class RollbackPlanTests
{
    private static NodeGroupImage Image(string name, string? ami, string version = "4") => new($"pcs_{name}", name, ami, $"lt-{name}", version);

    private static NodeGroupChange Changed(NodeGroupImage previous) => new(previous, ImageChanges.AmiId, NewAmi, null, NewAmi, Images.Now);

    [Fact]
    public void For_ChangedGroups_RollsBackToTheSavedAmiIdOrVersion()
    {
        var changed = new[] { Changed(Image("a", OldAmi)), Changed(Image("b", null, "4")), Changed(Image("c", OldAmi)), Changed(Image("d", OldAmi)), Changed(Image("e", OldAmi)), Changed(Image("gone", OldAmi)) };
        var current = new (NodeGroupImage, string)[]
        {
            (Image("a", NewAmi), "ACTIVE"),     // to roll back
            (Image("b", null, "5"), "ACTIVE"),  // to roll back: the new version
            (Image("c", OldAmi), "ACTIVE"),     // rolled back
            (Image("d", OldAmi), "UPDATING"),   // rolled back, settling
            (Image("e", NewAmi), "UPDATING"),   // busy: next pass
            (Image("untouched", NewAmi), "ACTIVE"),
        };

        var plan = RollbackPlan.For(changed, current);

        Assert.Equal([Image("a", OldAmi), Image("b", null, "4")], plan.ToRollBack);
        Assert.Equal(["pcs_c"], plan.RolledBack);
        Assert.Equal(["pcs_d"], plan.Settling);
        Assert.Equal(["pcs_e"], plan.Busy);
        Assert.Equal(["pcs_gone"], plan.Missing);
        Assert.False(plan.Done);
    }

    [Fact]
    public void For_EveryGroupBackAndActive_IsDone()
    {
        var plan = RollbackPlan.For([Changed(Image("a", OldAmi))], [(Image("a", OldAmi), "ACTIVE")]);

        Assert.True(plan.Done);
        Assert.Equal(["pcs_a"], plan.RolledBack);
    }
}

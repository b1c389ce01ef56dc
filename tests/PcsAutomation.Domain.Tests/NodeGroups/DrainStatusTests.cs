using PcsAutomation.Domain.NodeGroups;

namespace PcsAutomation.Domain.Tests.NodeGroups;

public class DrainStatusTests
{
    [Fact]
    public void Evaluate_AllActiveAndInstancesGone_Drained()
    {
        var status = DrainStatus.Evaluate(
            [("pcs_ng1", "ACTIVE"), ("pcs_ng2", "ACTIVE")],
            [("i-1", "terminated"), ("i-2", "stopped")]);
        Assert.True(status.Drained);
        Assert.Empty(status.NodeGroupsNotActive);
        Assert.Empty(status.InstancesStillUp);
    }

    [Fact]
    public void Evaluate_NothingAtAll_Drained()
    {
        Assert.True(DrainStatus.Evaluate([], []).Drained);
    }

    // Guide L2419-2420: wait until every node has stopped before rotating; active instances are the most common
    // cause of a failed rotation (L2478-2481).
    [Theory]
    [InlineData("pending")]
    [InlineData("running")]
    [InlineData("stopping")]
    [InlineData("shutting-down")]
    [InlineData("rebooting-or-unknown")]
    public void Evaluate_InstanceUp_NotDrainedAndNamed(string state)
    {
        var status = DrainStatus.Evaluate([("pcs_ng1", "ACTIVE")], [("i-1", "terminated"), ("i-2", state)]);
        Assert.False(status.Drained);
        Assert.Equal(["i-2"], status.InstancesStillUp);
    }

    [Fact]
    public void Evaluate_GroupStillUpdating_NotDrainedAndNamed()
    {
        var status = DrainStatus.Evaluate([("pcs_ng1", "ACTIVE"), ("pcs_ng2", "UPDATING")], []);
        Assert.False(status.Drained);
        Assert.Equal(["pcs_ng2"], status.NodeGroupsNotActive);
        Assert.Empty(status.InstancesStillUp);
    }

    [Fact]
    public void Evaluate_DuplicateIds_ListedOnce()
    {
        var status = DrainStatus.Evaluate([("pcs_ng2", "UPDATING"), ("pcs_ng2", "UPDATING")], [("i-1", "running"), ("i-1", "running")]);
        Assert.Equal(["pcs_ng2"], status.NodeGroupsNotActive);
        Assert.Equal(["i-1"], status.InstancesStillUp);
    }
}

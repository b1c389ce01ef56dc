using PcsAutomation.Domain.NodeGroups;

namespace PcsAutomation.Domain.Tests.NodeGroups;

public class RestoreStatusTests
{
    private static readonly NodeGroupScaling Compute = new("pcs_ng1", "compute", 2, 8);
    private static readonly NodeGroupScaling Login = new("pcs_ng2", "login", 1, 1);

    // Digest §14 (guide L2433): restore exactly the saved scaling.
    [Fact]
    public void Evaluate_AllActiveWithSavedMinMax_Restored()
    {
        var status = RestoreStatus.Evaluate([Compute, Login], [new(Compute, "ACTIVE"), new(Login, "ACTIVE")]);
        Assert.True(status.Restored);
        Assert.Empty(status.NodeGroupsPending);
    }

    [Fact]
    public void Evaluate_NothingSaved_Restored()
    {
        Assert.True(RestoreStatus.Evaluate([], [new(Compute, "ACTIVE")]).Restored);
    }

    [Fact]
    public void Evaluate_StillUpdating_Pending()
    {
        var status = RestoreStatus.Evaluate([Compute, Login], [new(Compute, "UPDATING"), new(Login, "ACTIVE")]);
        Assert.False(status.Restored);
        Assert.Equal(["pcs_ng1"], status.NodeGroupsPending);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 0)]
    [InlineData(0, 8)]
    [InlineData(2, 9)]
    [InlineData(3, 8)]
    public void Evaluate_ActiveButOtherMinOrMax_Pending(int min, int max)
    {
        var status = RestoreStatus.Evaluate([Compute], [new(Compute with { MinInstanceCount = min, MaxInstanceCount = max }, "ACTIVE")]);
        Assert.False(status.Restored);
        Assert.Equal(["pcs_ng1"], status.NodeGroupsPending);
    }

    [Fact]
    public void Evaluate_SavedGroupDeleted_MissingAndNamedButNotPending()
    {
        // A deleted group can never be restored: waiting for it would hold the restore (and the lease) forever.
        var status = RestoreStatus.Evaluate([Compute, Login], [new(Compute, "ACTIVE")]);
        Assert.True(status.Restored);
        Assert.Empty(status.NodeGroupsPending);
        Assert.Equal(["pcs_ng2"], status.NodeGroupsMissing);
    }

    [Fact]
    public void Evaluate_ExtraCurrentGroup_Ignored()
    {
        var other = new NodeGroupScaling("pcs_ng3", "new", 0, 0);
        Assert.True(RestoreStatus.Evaluate([Compute], [new(Compute, "ACTIVE"), new(other, "CREATING")]).Restored);
    }

    [Fact]
    public void Evaluate_NameDiffers_StillMatchedById()
    {
        Assert.True(RestoreStatus.Evaluate([Compute], [new(Compute with { NodeGroupName = "renamed?" }, "ACTIVE")]).Restored);
    }
}

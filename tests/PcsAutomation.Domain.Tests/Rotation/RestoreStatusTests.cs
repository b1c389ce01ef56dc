using PcsAutomation.Domain.Rotation;

namespace PcsAutomation.Domain.Tests.Rotation;

public class RestoreStatusTests
{
    private static readonly NodeGroupScaling Compute = new("pcs_ng1", "compute", 2, 8);
    private static readonly NodeGroupScaling Login = new("pcs_ng2", "login", 1, 1);

    // Digest §14 (guide L2433): restore exactly the saved scaling.
    [Fact]
    public void Evaluate_AllActiveWithSavedMinMax_Restored()
    {
        var status = RestoreStatus.Evaluate([Compute, Login], [(Compute, "ACTIVE"), (Login, "ACTIVE")]);
        Assert.True(status.Restored);
        Assert.Empty(status.NodeGroupsPending);
    }

    [Fact]
    public void Evaluate_NothingSaved_Restored()
    {
        Assert.True(RestoreStatus.Evaluate([], [(Compute, "ACTIVE")]).Restored);
    }

    [Fact]
    public void Evaluate_StillUpdating_Pending()
    {
        var status = RestoreStatus.Evaluate([Compute, Login], [(Compute, "UPDATING"), (Login, "ACTIVE")]);
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
        var status = RestoreStatus.Evaluate([Compute], [(Compute with { MinInstanceCount = min, MaxInstanceCount = max }, "ACTIVE")]);
        Assert.False(status.Restored);
        Assert.Equal(["pcs_ng1"], status.NodeGroupsPending);
    }

    [Fact]
    public void Evaluate_SavedGroupMissingFromCurrent_PendingAndNamed()
    {
        var status = RestoreStatus.Evaluate([Compute, Login], [(Compute, "ACTIVE")]);
        Assert.False(status.Restored);
        Assert.Equal(["pcs_ng2"], status.NodeGroupsPending);
    }

    [Fact]
    public void Evaluate_ExtraCurrentGroup_Ignored()
    {
        var other = new NodeGroupScaling("pcs_ng3", "new", 0, 0);
        Assert.True(RestoreStatus.Evaluate([Compute], [(Compute, "ACTIVE"), (other, "CREATING")]).Restored);
    }

    [Fact]
    public void Evaluate_NameDiffers_StillMatchedById()
    {
        Assert.True(RestoreStatus.Evaluate([Compute], [(Compute with { NodeGroupName = "renamed?" }, "ACTIVE")]).Restored);
    }
}

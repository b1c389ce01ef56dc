using PcsAutomation.Domain.Rotation;

namespace PcsAutomation.Domain.Tests.Rotation;

public class ClusterStatusPolicyTests
{
    // Guide L2388 (and L2413): the cluster must be ACTIVE or UPDATE_FAILED.
    [Theory]
    [InlineData("ACTIVE")]
    [InlineData("UPDATE_FAILED")]
    public void RotationRefusal_ActiveOrUpdateFailed_Allowed(string status)
    {
        Assert.Null(ClusterStatusPolicy.RotationRefusal(status));
    }

    // Guide L2483 lists CREATE_FAILED, DELETE_FAILED, RESUMING, SUSPENDING, SUSPENDED; the transitional states are
    // not ACTIVE either (L2388).
    [Theory]
    [InlineData("CREATING")]
    [InlineData("CREATE_FAILED")]
    [InlineData("UPDATING")]
    [InlineData("DELETING")]
    [InlineData("DELETE_FAILED")]
    [InlineData("SUSPENDING")]
    [InlineData("SUSPENDED")]
    [InlineData("RESUMING")]
    public void RotationRefusal_OtherKnownStatus_RefusedNamingIt(string status)
    {
        var reason = ClusterStatusPolicy.RotationRefusal(status);
        Assert.NotNull(reason);
        Assert.Contains($"Cluster status {status}", reason, StringComparison.Ordinal);
        Assert.Contains("ACTIVE or UPDATE_FAILED", reason, StringComparison.Ordinal);
    }

    // Digest §2.1: an unknown value must never be treated as ACTIVE.
    [Theory]
    [InlineData("HIBERNATING")]
    [InlineData("active")]
    [InlineData("ACTIVE ")]
    public void RotationRefusal_UnknownStatus_RefusedNamingIt(string status)
    {
        var reason = ClusterStatusPolicy.RotationRefusal(status);
        Assert.NotNull(reason);
        Assert.Contains($"Cluster status {status} is not known", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void RotationRefusal_Empty_Refused(string? status)
    {
        Assert.Contains("empty", ClusterStatusPolicy.RotationRefusal(status!), StringComparison.Ordinal);
    }
}

using PcsAutomation.Domain.Rotation;

namespace PcsAutomation.Domain.Tests.Rotation;

public class RotationVerificationTests
{
    [Fact]
    public void Decide_NewCurrentReportedByTheCluster_Succeeded() =>
        Assert.Equal("SUCCEEDED", RotationVerification.Decide("v1", "v2", rotationInFlight: false, "v2", strict: false).Status);

    [Fact]
    public void Decide_NewCurrentClusterOnTheOldOne_RotatedUnconfirmedNamingBothVersions()
    {
        var check = RotationVerification.Decide("v1", "v2", rotationInFlight: false, "v1", strict: false);

        Assert.Equal("ROTATED_UNCONFIRMED", check.Status);
        Assert.Contains("v1 -> v2", check.Reason, StringComparison.Ordinal);
        Assert.Contains("not confirmed by the cluster", check.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v1")]
    [InlineData(null)]
    public void Decide_StrictAndClusterNotOnTheNewVersion_NotVerified(string? clusterVersion) =>
        Assert.Equal("NOT_VERIFIED", RotationVerification.Decide("v1", "v2", rotationInFlight: false, clusterVersion, strict: true).Status);

    [Fact]
    public void Decide_StrictAndClusterOnTheNewVersion_Succeeded() =>
        Assert.Equal("SUCCEEDED", RotationVerification.Decide("v1", "v2", rotationInFlight: false, "v2", strict: true).Status);

    [Theory]
    [InlineData(true, "PENDING")]
    [InlineData(false, "FAILED")]
    public void Decide_CurrentUnchanged_PendingWhileInFlightElseFailed(bool inFlight, string expected) =>
        Assert.Equal(expected, RotationVerification.Decide("v1", "v1", inFlight, "v1", strict: false).Status);
}

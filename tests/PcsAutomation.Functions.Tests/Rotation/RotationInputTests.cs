using PcsAutomation.Functions.Rotation;

namespace PcsAutomation.Functions.Tests.Rotation;

public class RotationInputTests
{
    [Theory]
    [InlineData("PlanRotation", """{"dryRun":true}""", "clusterId")]
    [InlineData("PlanRotation", """{"clusterId":"  "}""", "clusterId")]
    [InlineData("AcquireClusterLease", """{"executionArn":"arn:aws:states:us-east-1:1:execution:m:r"}""", "clusterId")]
    [InlineData("AcquireClusterLease", """{"clusterId":"pcs_abc"}""", "executionArn")]
    [InlineData("AcquireClusterLease", """{"clusterId":"pcs_abc","executionArn":"run-1"}""", "executionArn")]
    [InlineData("ScaleNodeGroupsToZero", """{"clusterId":"pcs_abc"}""", "executionArn")]
    [InlineData("CheckClusterDrained", """{"attempt":0}""", "clusterId")]
    [InlineData("CheckClusterDrained", """{"clusterId":"pcs_abc","attempt":-1}""", "attempt")]
    [InlineData("RestoreNodeGroups", """{"clusterId":"pcs_abc"}""", "executionArn")]
    [InlineData("RestoreNodeGroups", """{"clusterId":"pcs_abc","executionArn":"arn:aws:states:us-east-1:1:execution:m:r","savedScaling":[{"nodeGroupId":"","minInstanceCount":0,"maxInstanceCount":1}]}""", "savedScaling[0].nodeGroupId")]
    [InlineData("CheckNodeGroupsRestored", """{"clusterId":"pcs_abc"}""", "savedScaling")]
    [InlineData("CheckNodeGroupsRestored", """{"clusterId":"pcs_abc","savedScaling":[{"nodeGroupId":"pcs_g","minInstanceCount":3,"maxInstanceCount":1}]}""", "savedScaling[0]")]
    [InlineData("ReleaseClusterLease", """{"clusterId":"pcs_abc"}""", "executionArn")]
    [InlineData("ReleaseClusterLease", """{"executionArn":"arn:aws:states:us-east-1:1:execution:m:r"}""", "clusterId")]
    public async Task Handler_InvalidInput_IsInvalidRotationInputNamingTheField(string handler, string payload, string field)
    {
        await using var h = await RotationHarness.StartAsync(RotationHarness.ManagedCluster());

        var e = await Assert.ThrowsAsync<InvalidRotationInput>(() => h.InvokeRawAsync(handler, payload));

        Assert.StartsWith(field, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Aws.Calls.Calls, c => c.Operation is "UpdateComputeNodeGroup" or "PutItem" or "UpdateItem" or "DeleteItem");
    }

    [Fact]
    public void HandlerRegistry_ServesEveryCoreRotationHandler() =>
        Assert.All(
            ["PlanRotation", "AcquireClusterLease", "ScaleNodeGroupsToZero", "CheckClusterDrained", "RestoreNodeGroups", "CheckNodeGroupsRestored", "ReleaseClusterLease"],
            name => Assert.Contains(name, HandlerRegistry.Names));
}

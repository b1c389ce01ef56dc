using PcsAutomation.Functions.Tests.Support;
using PcsAutomation.Functions.Workflows;

namespace PcsAutomation.Functions.Tests.Workflows;

public class WorkflowInputTests
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
    [InlineData("AcquireClusterLease", """{"clusterId":"pcs_abc","executionArn":"arn:aws:states:us-east-1:1:execution:m:r"}""", "workflow")]
    [InlineData("CheckNodeGroupsRestored", """{"clusterId":"pcs_abc"}""", "executionArn")]
    [InlineData("CheckNodeGroupsRestored", """{"clusterId":"pcs_abc","executionArn":"arn:aws:states:us-east-1:1:execution:m:r","attempt":-2}""", "attempt")]
    [InlineData("ReleaseClusterLease", """{"clusterId":"pcs_abc"}""", "executionArn")]
    [InlineData("ReleaseClusterLease", """{"executionArn":"arn:aws:states:us-east-1:1:execution:m:r"}""", "clusterId")]
    public async Task Handler_InvalidInput_IsInvalidWorkflowInputNamingTheField(string handler, string payload, string field)
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());

        var e = await Assert.ThrowsAsync<InvalidWorkflowInput>(() => h.InvokeRawAsync(handler, payload));

        Assert.StartsWith(field, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Aws.Calls.Calls, c => c.Operation is "UpdateComputeNodeGroup" or "PutItem" or "UpdateItem" or "DeleteItem");
    }

    [Fact]
    public void HandlerRegistry_ServesEverySharedStepAndPlanRotation() =>
        Assert.All(
            ["PlanRotation", "AcquireClusterLease", "ScaleNodeGroupsToZero", "CheckClusterDrained", "RestoreNodeGroups", "CheckNodeGroupsRestored", "ReleaseClusterLease"],
            name => Assert.Contains(name, HandlerRegistry.Names));
}

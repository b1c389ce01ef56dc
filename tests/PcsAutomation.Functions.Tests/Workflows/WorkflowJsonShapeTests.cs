using System.Text.Json.Nodes;
using PcsAutomation.Functions.Tests.Support;

namespace PcsAutomation.Functions.Tests.Workflows;

/// <summary>The shared steps' JSON as the state machines read it (ResultSelector paths): names and order are a contract.</summary>
public class WorkflowJsonShapeTests
{
    private const string Run1 = HandlerHarness.ExecutionArn;

    [Fact]
    public async Task LeaseAndScalingSteps_Outputs_HaveTheContractProperties()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());
        var id = h.ClusterId();

        var acquire = await InvokeAsync(h, "AcquireClusterLease", $$"""{"clusterId":"{{id}}","executionArn":"{{Run1}}","workflow":"cluster-secret-rotation"}""");
        var scale = await InvokeAsync(h, "ScaleNodeGroupsToZero", $$"""{"clusterId":"{{id}}","executionArn":"{{Run1}}"}""");
        var drained = await InvokeAsync(h, "CheckClusterDrained", $$"""{"clusterId":"{{id}}","attempt":0}""");
        var restore = await InvokeAsync(h, "RestoreNodeGroups", $$"""{"clusterId":"{{id}}","executionArn":"{{Run1}}"}""");
        var restored = await InvokeAsync(h, "CheckNodeGroupsRestored", $$"""{"clusterId":"{{id}}","executionArn":"{{Run1}}","attempt":0}""");
        var release = await InvokeAsync(h, "ReleaseClusterLease", $$"""{"clusterId":"{{id}}","executionArn":"{{Run1}}"}""");

        Assert.Equal(["acquired", "expiresAt", "takenOverFrom", "inheritedScaling"], acquire.Select(p => p.Key));
        // The state machine carries ids only: the saved scaling stays in the lease.
        Assert.Equal(["savedNodeGroups", "updated"], scale.Select(p => p.Key));
        Assert.Equal(["drained", "nodeGroupsNotActive", "instancesStillUp", "attempt", "waitSeconds"], drained.Select(p => p.Key));
        Assert.Equal(["updated", "pending"], restore.Select(p => p.Key));
        Assert.Equal(["restored", "nodeGroupsPending", "nodeGroupsMissing", "attempt", "waitSeconds"], restored.Select(p => p.Key));
        Assert.Equal(["released", "savedScalingKept"], release.Select(p => p.Key));
    }

    private static async Task<JsonObject> InvokeAsync(HandlerHarness h, string handler, string payload) =>
        JsonNode.Parse(await h.InvokeRawAsync(handler, payload))!.AsObject();
}

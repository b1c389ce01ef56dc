using System.Text.Json.Nodes;
using PcsAutomation.Domain.Configuration;

namespace PcsAutomation.Functions.Tests.Rotation;

/// <summary>The JSON the state machine reads: property names are the contract between the handlers and the ASL.</summary>
public class RotationJsonShapeTests
{
    private const string Run1 = RotationHarness.ExecutionArn;

    [Fact]
    public async Task PlanRotation_Output_HasTheContractProperties()
    {
        await using var h = await RotationHarness.StartAsync(RotationHarness.ManagedCluster());

        var plan = JsonNode.Parse(await h.InvokeRawAsync("PlanRotation", """{"clusterId":"demo","dryRun":true}"""))!.AsObject();

        Assert.Equal(
            ["clusterId", "clusterName", "clusterStatus", "secretArn", "currentVersionId", "nodeGroups", "instancesUp", "loginInstances",
             "expectedDowntimeSeconds", "maintenanceWindow", "dryRun"],
            plan.Select(p => p.Key));
        Assert.Equal(["nodeGroupId", "nodeGroupName", "minInstanceCount", "maxInstanceCount"], plan["nodeGroups"]![0]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task PlanRotation_DryRun_MakesNoMutatingCall()
    {
        await using var h = await RotationHarness.StartAsync(RotationHarness.ManagedCluster());
        var before = h.Aws.Snapshot().ToJsonString();
        var events = h.Aws.CloudTrail.Events.Count;

        await h.InvokeRawAsync("PlanRotation", """{"clusterId":"demo","dryRun":true}""");

        Assert.Equal(events, h.Aws.CloudTrail.Events.Count);
        Assert.Equal(before, h.Aws.Snapshot().ToJsonString());
        Assert.DoesNotContain(h.Aws.Calls.Calls, c => c.Service is "pcs" or "secretsmanager" or "ec2" && !c.Operation.StartsWith("Get", StringComparison.Ordinal)
            && !c.Operation.StartsWith("List", StringComparison.Ordinal) && !c.Operation.StartsWith("Describe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlanRotation_InvalidWindowTag_SurfacesTagConfigurationExceptionNamingTheTag()
    {
        var scenario = RotationHarness.ManagedCluster().WithTag("pcs-automation:maintenance-window", "sunday-night");
        await using var h = await RotationHarness.StartAsync(scenario);

        var e = await Assert.ThrowsAsync<TagConfigurationException>(() => h.InvokeRawAsync("PlanRotation", """{"clusterId":"demo"}"""));

        Assert.Equal("pcs-automation:maintenance-window", e.TagKey);
    }

    [Fact]
    public async Task LeaseAndScalingSteps_Outputs_HaveTheContractProperties()
    {
        await using var h = await RotationHarness.StartAsync(RotationHarness.ManagedCluster());
        var id = h.ClusterId();

        var acquire = await InvokeAsync(h, "AcquireClusterLease", $$"""{"clusterId":"{{id}}","executionArn":"{{Run1}}"}""");
        var scale = await InvokeAsync(h, "ScaleNodeGroupsToZero", $$"""{"clusterId":"{{id}}","executionArn":"{{Run1}}"}""");
        var drained = await InvokeAsync(h, "CheckClusterDrained", $$"""{"clusterId":"{{id}}","attempt":0}""");
        var saved = scale["savedScaling"]!.ToJsonString();
        var restore = await InvokeAsync(h, "RestoreNodeGroups", $$"""{"clusterId":"{{id}}","executionArn":"{{Run1}}","savedScaling":{{saved}}}""");
        var restored = await InvokeAsync(h, "CheckNodeGroupsRestored", $$"""{"clusterId":"{{id}}","savedScaling":{{saved}},"attempt":0}""");
        var release = await InvokeAsync(h, "ReleaseClusterLease", $$"""{"clusterId":"{{id}}","executionArn":"{{Run1}}"}""");

        Assert.Equal(["acquired", "expiresAt"], acquire.Select(p => p.Key));
        Assert.Equal(["savedScaling", "updated"], scale.Select(p => p.Key));
        Assert.Equal(["drained", "nodeGroupsNotActive", "instancesStillUp", "attempt", "waitSeconds"], drained.Select(p => p.Key));
        Assert.Equal(["updated", "pending", "savedScaling"], restore.Select(p => p.Key));
        Assert.Equal(["restored", "nodeGroupsPending", "attempt", "waitSeconds"], restored.Select(p => p.Key));
        Assert.Equal(["released"], release.Select(p => p.Key));
    }

    private static async Task<JsonObject> InvokeAsync(RotationHarness h, string handler, string payload) =>
        JsonNode.Parse(await h.InvokeRawAsync(handler, payload))!.AsObject();
}

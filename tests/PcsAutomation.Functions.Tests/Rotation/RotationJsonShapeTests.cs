using System.Text.Json.Nodes;
using PcsAutomation.Domain.Configuration;
using PcsAutomation.Functions.Tests.Support;
using PcsAutomation.Functions.Workflows;

namespace PcsAutomation.Functions.Tests.Rotation;

/// <summary>The JSON the state machine reads: property names are the contract between the handlers and the ASL.</summary>
public class RotationJsonShapeTests
{
    private const string Run1 = HandlerHarness.ExecutionArn;

    [Fact]
    public async Task PlanRotation_Output_HasTheContractProperties()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());

        var plan = JsonNode.Parse(await h.InvokeRawAsync("PlanRotation", """{"clusterId":"demo","dryRun":true}"""))!.AsObject();

        Assert.Equal(
            ["clusterId", "clusterName", "clusterStatus", "secretArn", "currentVersionId", "nodeGroups", "instancesUp", "loginInstances",
             "expectedDowntimeSeconds", "maintenanceWindow", "dryRun", "warnings", "strictVerification"],
            plan.Select(p => p.Key));
        Assert.Equal(["nodeGroupId", "nodeGroupName", "minInstanceCount", "maxInstanceCount"], plan["nodeGroups"]![0]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task PlanRotation_DryRun_MakesNoMutatingCall()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());
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
        var scenario = HandlerHarness.ManagedCluster().WithTag("pcs-automation:maintenance-window", "sunday-night");
        await using var h = await HandlerHarness.StartAsync(scenario);

        var e = await Assert.ThrowsAsync<TagConfigurationException>(() => h.InvokeRawAsync("PlanRotation", """{"clusterId":"demo"}"""));

        Assert.Equal("pcs-automation:maintenance-window", e.TagKey);
    }

    private static async Task<JsonObject> InvokeAsync(HandlerHarness h, string handler, string payload) =>
        JsonNode.Parse(await h.InvokeRawAsync(handler, payload))!.AsObject();
}

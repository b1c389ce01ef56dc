using System.Text.Json.Nodes;
using PcsAutomation.Functions.Tests.Support;
using PcsAutomation.Functions.Workflows;

namespace PcsAutomation.Functions.Tests.Workflows;

/// <summary>PrepareNotification: the texts and the event detail, with the saved scaling read from the lease.</summary>
public class PrepareNotificationTests
{
    private const string Run1 = HandlerHarness.ExecutionArn;
    private const string Run2 = HandlerHarness.OtherExecutionArn;

    [Fact]
    public async Task PrepareNotification_SucceededAfterAVerifiedRestore_ShowsTheLeasesScalingAndTheJwtNotice()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        await RestoredAsync(h, clusterId);

        var result = await h.InvokeAsync("PrepareNotification", Input(clusterId, "Succeeded", new JsonObject
        {
            ["previousVersionId"] = "v1", ["currentVersionId"] = "v2", ["clusterSecretVersion"] = "v2", ["verification"] = "SUCCEEDED",
        }));

        Assert.Equal("PCS cluster secret rotated: demo", result["subject"]!.GetValue<string>());
        var message = result["message"]!.GetValue<string>();
        Assert.Contains("back to their saved scaling: compute-a 0/8, compute-b 2/2, compute-c 0/4", message, StringComparison.Ordinal);
        Assert.Contains("Existing Slurm JWTs are now invalid", message, StringComparison.Ordinal);
        Assert.Equal("PCS Cluster Secret Rotation Succeeded", result["detailType"]!.GetValue<string>());
        var detail = result["detail"]!;
        Assert.Equal(3, detail["savedScaling"]!.AsArray().Count);
        Assert.True(detail["scalingRestored"]!.GetValue<bool>());
        Assert.Equal("v2", detail["currentVersionId"]!.GetValue<string>());
        Assert.Equal(Run1, detail["executionArn"]!.GetValue<string>());
        h.AssertNoSecretValueLeaked();
    }

    // The defect: notifications printed $.scaleDown, which could disagree with what the restore used (the restore read
    // the lease). After a takeover the lease holds what the dead run saved, and so does every notification now.
    [Fact]
    public async Task PrepareNotification_NeedsOperatorAfterATakeover_GivesTheInheritedScalingAndTheCommands()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        await ClusterLeaseTests.AcquireAsync(h, clusterId, Run1);
        await ClusterLeaseTests.ScaleDownAsync(h, clusterId, Run1);
        h.Aws.Clock.Advance(TimeSpan.FromHours(5));
        await ClusterLeaseTests.AcquireAsync(h, clusterId, Run2);
        await ClusterLeaseTests.ScaleDownAsync(h, clusterId, Run2); // every group reads 0/0 now

        var result = await h.InvokeAsync("PrepareNotification", Input(clusterId, "NeedsOperator",
            new JsonObject { ["failure"] = new JsonObject { ["Error"] = "Automation.RestoreTimeout", ["Cause"] = "not back after 20 checks" } }, Run2));

        var message = result["message"]!.GetValue<string>();
        Assert.Contains("Automation.RestoreTimeout", message, StringComparison.Ordinal);
        Assert.Contains($"--compute-node-group-identifier {h.NodeGroupId("compute-a")} --scaling-configuration minInstanceCount=0,maxInstanceCount=8", message, StringComparison.Ordinal);
        Assert.Contains($"--compute-node-group-identifier {h.NodeGroupId("compute-b")} --scaling-configuration minInstanceCount=2,maxInstanceCount=2", message, StringComparison.Ordinal);
        var detail = result["detail"]!;
        Assert.False(detail["scalingRestored"]!.GetValue<bool>());
        Assert.Equal(3, detail["restoreCommands"]!.AsArray().Count);
        Assert.Contains(detail["savedScaling"]!.AsArray(), s => s!["maxInstanceCount"]!.GetValue<int>() == 8);
        Assert.Equal("Automation.RestoreTimeout", detail["failure"]!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task PrepareNotification_RotatedNotConfirmed_SaysSoInSubjectAndMessage()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());
        var clusterId = h.ClusterId();

        var result = await h.InvokeAsync("PrepareNotification", Input(clusterId, "Succeeded", new JsonObject
        {
            ["previousVersionId"] = "v1", ["currentVersionId"] = "v2", ["clusterSecretVersion"] = "v1", ["verification"] = "ROTATED_UNCONFIRMED",
        }));

        Assert.Contains("not confirmed by the cluster", result["subject"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("still reports secret version v1", result["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareNotification_LeaseOfAnotherExecution_ShowsNoScaling()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        await ClusterLeaseTests.AcquireAsync(h, clusterId, Run2);
        await ClusterLeaseTests.ScaleDownAsync(h, clusterId, Run2);

        var result = await h.InvokeAsync("PrepareNotification", Input(clusterId, "Failed",
            new JsonObject { ["failure"] = new JsonObject { ["Error"] = "LeaseHeld", ["Cause"] = "leased by run-2" } }));

        Assert.Contains("No compute node group was changed", result["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(result["detail"]!["savedScaling"]);
    }

    [Theory]
    [InlineData("Exploded", "event 'Exploded'")]
    [InlineData(null, "event is required")]
    public async Task PrepareNotification_UnknownEvent_InvalidInputNamingIt(string? notificationEvent, string expected)
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());

        var e = await Assert.ThrowsAsync<InvalidWorkflowInput>(() => h.InvokeAsync("PrepareNotification", Input(h.ClusterId(), notificationEvent, [])));

        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    private static async Task RestoredAsync(HandlerHarness h, string clusterId)
    {
        await ClusterLeaseTests.AcquireAsync(h, clusterId, Run1);
        await ClusterLeaseTests.ScaleDownAsync(h, clusterId, Run1);
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(10));
        await h.InvokeAsync<RestoreNodeGroupsResult>("RestoreNodeGroups", new { clusterId, executionArn = Run1 });
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True((await h.InvokeAsync<CheckNodeGroupsRestoredResult>("CheckNodeGroupsRestored", new { clusterId, executionArn = Run1 })).Restored);
    }

    private static JsonObject Input(string clusterId, string? notificationEvent, JsonObject facts, string executionArn = Run1) => new()
    {
        ["workflow"] = "cluster-secret-rotation",
        ["event"] = notificationEvent,
        ["clusterId"] = clusterId,
        ["clusterName"] = "demo",
        ["executionArn"] = executionArn,
        ["facts"] = facts,
    };
}

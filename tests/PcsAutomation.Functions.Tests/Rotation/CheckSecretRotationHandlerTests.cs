using System.Text.Json.Nodes;
using PcsAutomation.Functions.Rotation;
using PcsAutomation.Functions.Tests.Support;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.Functions.Tests.Rotation;

public sealed class CheckSecretRotationHandlerTests
{
    [Fact] // guide L2429-2431: new AWSCURRENT, and the cluster's authKey.secretVersion follows
    public async Task CheckSecretRotation_RotationDone_SucceededWithClusterVersion()
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4));
        var previous = harness.Aws.State.FindCluster("c")!.SecretVersion;
        var rotated = Rotate(harness);
        harness.Aws.Clock.Advance(harness.Aws.Options.Durations.Rotation);

        var output = await harness.InvokeAsync("CheckSecretRotation", Input(harness, previous, attempt: 0));

        Assert.Equal("SUCCEEDED", output["status"]!.GetValue<string>());
        Assert.Equal(rotated, output["currentVersionId"]!.GetValue<string>());
        Assert.Equal(rotated, output["clusterSecretVersion"]!.GetValue<string>());
        Assert.Equal(1, output["attempt"]!.GetValue<int>());
        Assert.Equal(15, output["waitSeconds"]!.GetValue<int>());
        Assert.Empty(harness.Aws.Calls.Of("secretsmanager", "GetSecretValue"));
        harness.AssertNoSecretValueLeaked();
    }

    [Fact]
    public async Task CheckSecretRotation_RotationInFlight_PendingWithBackoff()
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4));
        var previous = harness.Aws.State.FindCluster("c")!.SecretVersion;
        Rotate(harness);

        var output = await harness.InvokeAsync("CheckSecretRotation", Input(harness, previous, attempt: 2));

        Assert.Equal("PENDING", output["status"]!.GetValue<string>());
        Assert.Equal(previous, output["currentVersionId"]!.GetValue<string>());
        Assert.Equal(3, output["attempt"]!.GetValue<int>());
        Assert.Equal(60, output["waitSeconds"]!.GetValue<int>());
    }

    [Fact]
    public async Task CheckSecretRotation_NoRotationAndCurrentUnchanged_Failed()
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4));
        var previous = harness.Aws.State.FindCluster("c")!.SecretVersion;

        var output = await harness.InvokeAsync("CheckSecretRotation", Input(harness, previous, attempt: 0));

        Assert.Equal("FAILED", output["status"]!.GetValue<string>());
        Assert.Equal(previous, output["currentVersionId"]!.GetValue<string>());
        harness.AssertNoSecretValueLeaked();
    }

    // No AWS document says PCS updates authKey.secretVersion: requiring it could fail every real rotation, so by
    // default a mismatch after Secrets Manager finished is "rotated, not confirmed by the cluster" (this failed before).
    [Fact]
    public async Task CheckSecretRotation_SecretRotatedButClusterOnOldVersion_RotatedUnconfirmed()
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4));
        var cluster = harness.Aws.State.FindCluster("c")!;
        var previous = cluster.SecretVersion;
        var rotated = Rotate(harness);
        harness.Aws.Clock.Advance(harness.Aws.Options.Durations.Rotation);
        lock (harness.Aws.State.Gate) cluster.SecretVersion = previous;

        var output = await harness.InvokeAsync("CheckSecretRotation", Input(harness, previous, attempt: 0));

        Assert.Equal("ROTATED_UNCONFIRMED", output["status"]!.GetValue<string>());
        Assert.Equal(rotated, output["currentVersionId"]!.GetValue<string>());
        Assert.Equal(previous, output["clusterSecretVersion"]!.GetValue<string>());
        Assert.Contains("not confirmed by the cluster", output["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        harness.AssertNoSecretValueLeaked();
    }

    [Fact] // strict verification (tag or stack default): the cluster must report the new version
    public async Task CheckSecretRotation_StrictAndClusterOnOldVersion_RotationNotVerified()
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4));
        var cluster = harness.Aws.State.FindCluster("c")!;
        var previous = cluster.SecretVersion;
        var rotated = Rotate(harness);
        harness.Aws.Clock.Advance(harness.Aws.Options.Durations.Rotation);
        lock (harness.Aws.State.Gate) cluster.SecretVersion = previous;
        var input = Input(harness, previous, attempt: 0);
        input["strictVerification"] = true;

        var error = await Assert.ThrowsAsync<RotationNotVerified>(() => harness.InvokeAsync("CheckSecretRotation", input));

        Assert.Contains(rotated, error.Message, StringComparison.Ordinal);
        Assert.Contains(previous, error.Message, StringComparison.Ordinal);
        harness.AssertNoSecretValueLeaked();
    }

    [Fact]
    public async Task CheckSecretRotation_SecretArnNotAnArn_InvalidWorkflowInput()
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c"));
        var input = Input(harness, "v1", attempt: 0);
        input["secretArn"] = "pcs!slurm-secret-x'; reboot; '";

        var error = await Assert.ThrowsAsync<InvalidWorkflowInput>(() => harness.InvokeAsync("CheckSecretRotation", input));

        Assert.Contains("secretArn", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Aws.Calls.Of("secretsmanager"));
    }

    private static string Rotate(HandlerHarness harness) =>
        harness.Aws.Call("secretsmanager", "RotateSecret", new JsonObject { ["SecretId"] = harness.SecretArn("c") })["VersionId"]!.GetValue<string>();

    private static JsonObject Input(HandlerHarness harness, string previous, int attempt) => new()
    {
        ["clusterId"] = harness.ClusterId("c"),
        ["secretArn"] = harness.SecretArn("c"),
        ["previousVersionId"] = previous,
        ["attempt"] = attempt,
    };
}

using System.Text.Json.Nodes;
using PcsAutomation.Domain.Rotation;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Rotation;
using PcsAutomation.Functions.Tests.Support;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.Functions.Tests.Rotation;

public sealed class RotateClusterSecretHandlerTests
{
    private const string Owner = "arn:aws:states:us-east-1:111122223333:execution:ClusterSecretRotationStateMachine:rotate-1";

    [Fact]
    public async Task RotateClusterSecret_LeaseOwner_StoresTokenAndStartsRotationWithExecutionToken()
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4));
        var (clusterId, secretArn) = (harness.ClusterId("c"), harness.SecretArn("c"));
        harness.PutLease(clusterId, Owner);

        var output = await harness.InvokeAsync("RotateClusterSecret", Input(clusterId, secretArn, "token-1"));

        var expectedVersion = ClientTokens.For(Owner, "rotate");
        Assert.True(output["rotationStarted"]!.GetValue<bool>());
        Assert.Equal(expectedVersion, output["versionId"]!.GetValue<string>());
        Assert.Equal("token-1", harness.Lease(clusterId)!["taskToken"]);
        Assert.Contains("AWSPENDING", harness.Aws.State.Secrets[secretArn].FindVersion(expectedVersion)!.Stages);
        Assert.Contains(harness.Aws.CloudTrail.Events, e => e["detail"]!["eventName"]!.GetValue<string>() == "RotationStarted");
        harness.AssertNoSecretValueLeaked();
    }

    [Fact]
    public async Task RotateClusterSecret_RunTwice_SameRotationNotASecondOne()
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4));
        var (clusterId, secretArn) = (harness.ClusterId("c"), harness.SecretArn("c"));
        harness.PutLease(clusterId, Owner);

        var first = await harness.InvokeAsync("RotateClusterSecret", Input(clusterId, secretArn, "token-1"));
        var second = await harness.InvokeAsync("RotateClusterSecret", Input(clusterId, secretArn, "token-2"));

        Assert.Equal(first["versionId"]!.GetValue<string>(), second["versionId"]!.GetValue<string>());
        Assert.True(second["rotationStarted"]!.GetValue<bool>());
        Assert.Equal("token-2", harness.Lease(clusterId)!["taskToken"]);
        Assert.Single(harness.Aws.State.Secrets[secretArn].Versions, v => v.Stages.Contains("AWSPENDING"));
    }

    // The drain takes many minutes: a cluster that left ACTIVE meanwhile must not have its secret rotated (this failed before).
    [Fact]
    public async Task RotateClusterSecret_ClusterNoLongerActive_ClusterStateForbidsRotationAndNothingTouched()
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4));
        var (clusterId, secretArn) = (harness.ClusterId("c"), harness.SecretArn("c"));
        harness.PutLease(clusterId, Owner);
        lock (harness.Aws.State.Gate) harness.Aws.State.FindCluster("c")!.ForceStatus("SUSPENDING", harness.Aws.Clock.GetUtcNow());

        var error = await Assert.ThrowsAsync<ClusterStateForbidsRotation>(() => harness.InvokeAsync("RotateClusterSecret", Input(clusterId, secretArn, "token-1")));

        Assert.Contains("SUSPENDING", error.Message, StringComparison.Ordinal);
        Assert.Contains("right before RotateSecret", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Aws.Calls.Of("secretsmanager", "RotateSecret"));
        Assert.False(harness.Lease(clusterId)!.ContainsKey("taskToken"));
    }

    [Fact]
    public async Task RotateClusterSecret_LeaseHeldByAnotherExecution_LeaseLostAndNoRotation()
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4));
        var (clusterId, secretArn) = (harness.ClusterId("c"), harness.SecretArn("c"));
        harness.PutLease(clusterId, Owner + "-other");

        var error = await Assert.ThrowsAsync<LeaseLost>(() => harness.InvokeAsync("RotateClusterSecret", Input(clusterId, secretArn, "token-1")));

        Assert.Contains(clusterId, error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Aws.Calls.Of("secretsmanager", "RotateSecret"));
        Assert.False(harness.Lease(clusterId)!.ContainsKey("taskToken"));
    }

    [Theory]
    [InlineData("clusterId")]
    [InlineData("executionArn")]
    [InlineData("secretArn")]
    [InlineData("taskToken")]
    public async Task RotateClusterSecret_FieldMissing_InvalidWorkflowInputNamingIt(string field)
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c"));
        var input = Input(harness.ClusterId("c"), harness.SecretArn("c"), "token-1");
        input.Remove(field);

        var error = await Assert.ThrowsAsync<InvalidWorkflowInput>(() => harness.InvokeAsync("RotateClusterSecret", input));

        Assert.Contains($"{field} is required", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Aws.Calls.Of("secretsmanager"));
    }

    [Fact]
    public async Task RotateClusterSecret_WaitForTaskToken_RotationSucceededEventCompletesTheStep()
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4));
        var (clusterId, secretArn) = (harness.ClusterId("c"), harness.SecretArn("c"));
        var machine = SecretRotationWorkflow.Create(harness, clusterId, secretArn);
        var executionArn = SecretRotationWorkflow.ExecutionArn(machine, "run-1");
        harness.PutLease(clusterId, executionArn);

        await SecretRotationWorkflow.StartAsync(harness, machine, "run-1");
        var waiting = SecretRotationWorkflow.Describe(harness, executionArn)["status"]!.GetValue<string>();
        harness.Aws.Clock.Advance(harness.Aws.Options.Durations.Rotation);
        var routed = await harness.InvokeAsync("RotationEventRouter", RotationEvents.Last(harness, "RotationSucceeded"));
        var done = await SecretRotationWorkflow.RunToEndAsync(harness, executionArn);

        Assert.Equal("RUNNING", waiting);
        Assert.Equal("success", routed["action"]!.GetValue<string>());
        Assert.Equal("SUCCEEDED", done["status"]!.GetValue<string>());
        Assert.Equal("RotationSucceeded", JsonNode.Parse(done["output"]!.GetValue<string>())!["event"]!.GetValue<string>());
        Assert.Equal(ClientTokens.For(executionArn, "rotate"), harness.Aws.State.FindCluster("c")!.SecretVersion);
        harness.AssertNoSecretValueLeaked();
    }

    [Fact] // guide L2487-2490: a rotation that failed leaves AWSPENDING; the next RotateSecret is refused at once
    public async Task RotateClusterSecret_RotateSecretRefused_FailsTheWaitingStepItself()
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c").WithNodeGroup("login", 1, 1));
        var (clusterId, secretArn) = (harness.ClusterId("c"), harness.SecretArn("c"));
        harness.Aws.Clock.Advance(TimeSpan.FromMinutes(3)); // the node is up, so this first rotation fails
        harness.Aws.Call("secretsmanager", "RotateSecret", new JsonObject { ["SecretId"] = secretArn });
        harness.Aws.Clock.Advance(harness.Aws.Options.Durations.Rotation);
        var machine = SecretRotationWorkflow.Create(harness, clusterId, secretArn);
        var executionArn = SecretRotationWorkflow.ExecutionArn(machine, "run-1");
        harness.PutLease(clusterId, executionArn);

        await SecretRotationWorkflow.StartAsync(harness, machine, "run-1");
        var done = await SecretRotationWorkflow.RunToEndAsync(harness, executionArn);

        Assert.Equal("FAILED", done["status"]!.GetValue<string>());
        Assert.Equal("Automation.RotationFailed", done["error"]!.GetValue<string>());
        Assert.Contains("previous rotation isn't complete", done["cause"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(harness.Aws.Calls.Of("states", "SendTaskFailure"));
        harness.AssertNoSecretValueLeaked();
    }

    [Fact]
    public async Task RotateClusterSecret_RefusedAndTokenAlreadyGone_ReturnsNotStartedWithoutError()
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c").WithNodeGroup("login", 1, 1));
        var (clusterId, secretArn) = (harness.ClusterId("c"), harness.SecretArn("c"));
        harness.Aws.Clock.Advance(TimeSpan.FromMinutes(3));
        harness.Aws.Call("secretsmanager", "RotateSecret", new JsonObject { ["SecretId"] = secretArn });
        harness.Aws.Clock.Advance(harness.Aws.Options.Durations.Rotation);
        harness.PutLease(clusterId, Owner);

        var output = await harness.InvokeAsync("RotateClusterSecret", Input(clusterId, secretArn, "not-a-live-token"));

        Assert.False(output["rotationStarted"]!.GetValue<bool>());
        Assert.Null(output["versionId"]);
        Assert.Single(harness.Aws.Calls.Of("states", "SendTaskFailure"));
    }

    [Fact] // the ASL retries TransientAwsError; a throttled RotateSecret is not a refusal, so the step is not failed
    public async Task RotateClusterSecret_RotateSecretThrottled_TransientAwsErrorAndStepNotFailed()
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4));
        var (clusterId, secretArn) = (harness.ClusterId("c"), harness.SecretArn("c"));
        harness.PutLease(clusterId, Owner);
        harness.Aws.Faults.Add(new PcsAutomation.LocalAws.Faults.FaultRule("secretsmanager", "RotateSecret") { ThrottleRate = 1 });

        var error = await Assert.ThrowsAsync<TransientAwsError>(() => harness.InvokeAsync("RotateClusterSecret", Input(clusterId, secretArn, "token-1")));

        Assert.Contains("RotateSecret", error.Message, StringComparison.Ordinal);
        Assert.Contains("ThrottlingException", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Aws.Calls.Of("states"));
        Assert.DoesNotContain(harness.Aws.State.Secrets[secretArn].Versions, v => v.Stages.Contains("AWSPENDING"));
    }

    private static JsonObject Input(string clusterId, string secretArn, string taskToken) => new()
    {
        ["clusterId"] = clusterId,
        ["executionArn"] = Owner,
        ["secretArn"] = secretArn,
        ["taskToken"] = taskToken,
    };
}

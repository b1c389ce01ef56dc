using System.Text.Json.Nodes;
using PcsAutomation.Functions.Tests.Support;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.Functions.Tests.Rotation;

public sealed class RotationEventRouterHandlerTests
{
    private const string Owner = "arn:aws:states:us-east-1:111122223333:execution:ClusterSecretRotationStateMachine:rotate-1";

    [Fact] // guide L2487-2490: nodes still up make the rotation fail; the waiting step fails with the event's reason
    public async Task RotationEventRouter_RotationFailed_FailsTheWaitingStepWithTheEventsMessage()
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c").WithNodeGroup("login", 1, 1));
        var (clusterId, secretArn) = (harness.ClusterId("c"), harness.SecretArn("c"));
        harness.Aws.Clock.Advance(TimeSpan.FromMinutes(3));
        var machine = SecretRotationWorkflow.Create(harness, clusterId, secretArn);
        var executionArn = SecretRotationWorkflow.ExecutionArn(machine, "run-1");
        harness.PutLease(clusterId, executionArn);

        await SecretRotationWorkflow.StartAsync(harness, machine, "run-1");
        harness.Aws.Clock.Advance(harness.Aws.Options.Durations.Rotation);
        var failed = RotationEvents.Last(harness, "RotationFailed");
        var routed = await harness.InvokeAsync("RotationEventRouter", failed);
        var done = await SecretRotationWorkflow.RunToEndAsync(harness, executionArn);

        var reason = failed["detail"]!["errorMessage"]!.GetValue<string>();
        Assert.Equal("failure", routed["action"]!.GetValue<string>());
        Assert.Equal("FAILED", done["status"]!.GetValue<string>());
        Assert.Equal("Automation.RotationFailed", done["error"]!.GetValue<string>());
        Assert.Contains(reason, done["cause"]!.GetValue<string>(), StringComparison.Ordinal);
        harness.AssertNoSecretValueLeaked();
    }

    [Fact] // events are best effort and may be delivered twice
    public async Task RotationEventRouter_SameEventTwice_SecondIgnored()
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4));
        var (clusterId, secretArn) = (harness.ClusterId("c"), harness.SecretArn("c"));
        var machine = SecretRotationWorkflow.Create(harness, clusterId, secretArn);
        var executionArn = SecretRotationWorkflow.ExecutionArn(machine, "run-1");
        harness.PutLease(clusterId, executionArn);
        await SecretRotationWorkflow.StartAsync(harness, machine, "run-1");
        harness.Aws.Clock.Advance(harness.Aws.Options.Durations.Rotation);
        var succeeded = RotationEvents.Last(harness, "RotationSucceeded");

        var first = await harness.InvokeAsync("RotationEventRouter", succeeded);
        await harness.Aws.StepFunctions.Engine.WhenIdleAsync();
        var second = await harness.InvokeAsync("RotationEventRouter", succeeded);
        var done = await SecretRotationWorkflow.RunToEndAsync(harness, executionArn);

        Assert.Equal("success", first["action"]!.GetValue<string>());
        Assert.Equal("ignored", second["action"]!.GetValue<string>());
        Assert.Contains("no longer waiting", second["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("SUCCEEDED", done["status"]!.GetValue<string>());
        Assert.Equal(2, harness.Aws.Calls.Of("states", "SendTaskSuccess").Count);
    }

    [Fact]
    public async Task RotationEventRouter_SecretNotAPcsClusterSecret_IgnoredWithoutReadingTheLease()
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c"));

        var routed = await harness.InvokeAsync("RotationEventRouter",
            RotationEvents.For("arn:aws:secretsmanager:us-east-1:111122223333:secret:app/db-password-AbCdEf", "RotationSucceeded"));

        Assert.Equal("ignored", routed["action"]!.GetValue<string>());
        Assert.Contains("not a PCS cluster secret", routed["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(harness.Aws.Calls.Of("dynamodb", "GetItem"));
        Assert.Empty(harness.Aws.Calls.Of("states"));
    }

    [Theory]
    [InlineData("aws.secretsmanager", "RotationStarted")]
    [InlineData("aws.secretsmanager", "RotateSecret")]
    [InlineData("aws.pcs", "RotationSucceeded")]
    public async Task RotationEventRouter_NotARotationResult_Ignored(string source, string eventName)
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c"));

        var routed = await harness.InvokeAsync("RotationEventRouter", RotationEvents.For(harness.SecretArn("c"), eventName, source: source));

        Assert.Equal("ignored", routed["action"]!.GetValue<string>());
        Assert.Empty(harness.Aws.Calls.Of("dynamodb", "GetItem"));
    }

    [Fact]
    public async Task RotationEventRouter_NoLease_Ignored()
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c"));

        var routed = await harness.InvokeAsync("RotationEventRouter", RotationEvents.For(harness.SecretArn("c"), "RotationSucceeded"));

        Assert.Equal("ignored", routed["action"]!.GetValue<string>());
        Assert.Contains("has no lease", routed["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(harness.Aws.Calls.Of("dynamodb", "GetItem"));
        Assert.Empty(harness.Aws.Calls.Of("states"));
    }

    [Fact]
    public async Task RotationEventRouter_LeaseWithoutToken_Ignored()
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c"));
        harness.PutLease(harness.ClusterId("c"), Owner);

        var routed = await harness.InvokeAsync("RotationEventRouter", RotationEvents.For(harness.SecretArn("c"), "RotationFailed", "nodes up"));

        Assert.Equal("ignored", routed["action"]!.GetValue<string>());
        Assert.Contains("no task token", routed["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(harness.Aws.Calls.Of("states"));
    }

    [Fact]
    public async Task RotationEventRouter_LeaseOfAnotherWorkflow_Ignored()
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c"));
        var clusterId = harness.ClusterId("c");
        harness.PutLease(clusterId, Owner, "token-1", workflow: "ami-rollout");

        var routed = await harness.InvokeAsync("RotationEventRouter", RotationEvents.For(harness.SecretArn("c"), "RotationSucceeded"));

        Assert.Equal("ignored", routed["action"]!.GetValue<string>());
        Assert.Contains("not a rotation", routed["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(harness.Aws.Calls.Of("states"));
    }

    [Fact]
    public async Task RotationEventRouter_TokenUnknownToStepFunctions_IgnoredWithALogLine()
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c"));
        harness.PutLease(harness.ClusterId("c"), Owner, "token-of-a-step-long-gone");

        var routed = await harness.InvokeAsync("RotationEventRouter", RotationEvents.For(harness.SecretArn("c"), "RotationSucceeded"));

        Assert.Equal("ignored", routed["action"]!.GetValue<string>());
        Assert.Single(harness.Aws.Calls.Of("states", "SendTaskSuccess"));
        Assert.Contains(harness.Transcript, line => line.Contains("SendTaskSuccess for cluster", StringComparison.Ordinal) && line.Contains("ignored", StringComparison.Ordinal));
    }

    [Fact] // an event may name the secret by name rather than ARN: the cluster id is read from either
    public async Task RotationEventRouter_SecretIdIsTheName_ClusterFoundAndLeaseRead()
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c"));
        var clusterId = harness.ClusterId("c");
        harness.PutLease(clusterId, Owner);

        var routed = await harness.InvokeAsync("RotationEventRouter", RotationEvents.For($"pcs!slurm-secret-{clusterId}", "RotationSucceeded"));

        Assert.Equal("ignored", routed["action"]!.GetValue<string>());
        Assert.Contains("no task token", routed["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(harness.Aws.Calls.Of("dynamodb", "GetItem"));
    }

    [Fact]
    public async Task RotationEventRouter_MalformedEvent_IgnoredNotThrown()
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c"));
        var noSecret = RotationEvents.For(harness.SecretArn("c"), "RotationSucceeded");
        noSecret["detail"]!["additionalEventData"] = new JsonObject();

        var routed = await harness.InvokeAsync("RotationEventRouter", noSecret);

        Assert.Equal("ignored", routed["action"]!.GetValue<string>());
        Assert.Contains("SecretId", routed["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

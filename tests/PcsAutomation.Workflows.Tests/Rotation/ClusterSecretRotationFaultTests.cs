using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Faults;
using PcsAutomation.LocalAws.Lambda;
using PcsAutomation.LocalAws.World;
using PcsAutomation.States.Runtime;
using PcsAutomation.Workflows.Tests.Support;

namespace PcsAutomation.Workflows.Tests.Rotation;

/// <summary>The rotation when AWS or the functions misbehave: capacity always comes back, the key never shows.</summary>
public class ClusterSecretRotationFaultTests
{
    [Fact]
    public async Task Rotation_InstanceStillRunningWhenTheKeyChanges_SecretUnchangedCapacityRestoredFailureNotified()
    {
        // Fault: an instance of the cluster comes up (someone launched it by hand) right after RotateSecret.
        DeployedStack? current = null;
        var wrap = new Dictionary<string, Func<FunctionCall, FunctionCall>>(StringComparer.Ordinal)
        {
            ["RotateClusterSecretFunction"] = inner => async (payload, token) =>
            {
                var response = await inner(payload, token);
                StrayInstance(payload);
                return response;
            },
        };
        void StrayInstance(string payload)
        {
            var clusterId = JsonNode.Parse(payload)!["clusterId"]!.GetValue<string>();
            lock (current!.Aws.State.Gate)
            {
                current.Aws.State.Instances["i-0feedfacefeedface"] = new Ec2Instance
                {
                    InstanceId = "i-0feedfacefeedface",
                    InstanceType = "c6i.xlarge",
                    ImageId = "ami-0123456789abcdef0",
                    LaunchTime = current.Aws.Clock.GetUtcNow(),
                    Tags = { [PcsTags.ClusterId] = clusterId, ["Name"] = "stray" },
                };
            }
        }
        await using var workflow = current = await DeployedStack.StartAsync(DeployedStack.ManagedCluster("demo", 2), wrap);
        var clusterId = workflow.ClusterId("demo");
        var scalingBefore = workflow.Scaling("demo");
        var (versionBefore, _, _) = workflow.SecretState("demo");

        var execution = await workflow.RotateAsync("demo");

        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        Assert.Equal("Automation.RotationFailed", execution.Error);
        Assert.Contains("not stopped", execution.Cause, StringComparison.Ordinal);
        Assert.Equal(versionBefore, workflow.SecretState("demo").CurrentVersion);
        Assert.Equal(versionBefore, workflow.ClusterSecretVersion("demo"));
        AssertCapacityBack(workflow, scalingBefore);
        Assert.Empty(workflow.Commands());
        Assert.Null(workflow.Lease(clusterId));
        Assert.Equal(["PCS Cluster Secret Rotation Started", "PCS Cluster Secret Rotation Failed"], workflow.NotificationTypes);
        var failure = workflow.NotificationEvents[1]["detail"]!["failure"]!;
        Assert.Equal("Automation.RotationFailed", (string?)failure["error"]);
        Assert.Contains("not stopped", (string?)failure["cause"], StringComparison.Ordinal);
        Assert.Contains(workflow.TopicMessages, m => m.Message.Contains("not stopped", StringComparison.Ordinal));
        workflow.AssertNoSecretValueAnywhere();
    }

    [Theory]
    [InlineData(0.2, 0.0)]
    [InlineData(0.0, 0.15)]
    public async Task Rotation_ThrottlingOr5xxOnEveryService_StillRotatesAndRestores(double throttleRate, double serverErrorRate)
    {
        await using var workflow = await DeployedStack.StartAsync(DeployedStack.ManagedCluster("demo", 2));
        var clusterId = workflow.ClusterId("demo");
        var scalingBefore = workflow.Scaling("demo");
        var (versionBefore, _, _) = workflow.SecretState("demo");
        var arn = workflow.Start(clusterId);
        foreach (var service in new[] { "pcs", "secretsmanager", "ec2", "ssm", "dynamodb", "states", "sns", "events" })
            workflow.Aws.Faults.Add(new FaultRule(service) { ThrottleRate = throttleRate, ServerErrorRate = serverErrorRate });

        var execution = await workflow.RunAsync(arn);
        // The faults are for the product's calls: the test's own reads below must not draw them (every other caller, the
        // schedules' functions included, moves the seeded draws, so which call gets one is not fixed).
        workflow.Aws.Faults.Clear();

        Assert.True(execution.Status == ExecutionStatus.Succeeded, $"{execution.Error}: {execution.Cause}");
        Assert.NotEqual(versionBefore, workflow.SecretState("demo").CurrentVersion);
        Assert.Equal(workflow.SecretState("demo").CurrentVersion, workflow.ClusterSecretVersion("demo"));
        AssertCapacityBack(workflow, scalingBefore);
        Assert.Null(workflow.Lease(clusterId));
        Assert.Contains(workflow.Aws.Calls.Calls, c => c.ErrorCode is not null);
        workflow.AssertNoSecretValueAnywhere();
    }

    [Theory]
    [InlineData("ScaleNodeGroupsToZeroFunction")]
    [InlineData("RotateClusterSecretFunction")]
    [InlineData("CheckClusterDrainedFunction")]
    [InlineData("RestoreNodeGroupsFunction")]
    public async Task Rotation_FunctionCrashesOnceAfterDoingItsWork_RetriedStepIsANoOp(string function)
    {
        // The runtime dies after the handler did its AWS calls but before it answered: the retry must not redo them
        // (a second scale-down must not save 0/0 as the scaling to restore).
        var crashed = 0;
        var wrap = new Dictionary<string, Func<FunctionCall, FunctionCall>>(StringComparer.Ordinal)
        {
            [function] = inner => async (payload, token) =>
            {
                var response = await inner(payload, token);
                if (Interlocked.Increment(ref crashed) == 1)
                    throw new LambdaFunctionErrorException("Runtime.ExitError", "RequestId: 1 Error: Runtime exited with error: signal: killed");
                return response;
            },
        };
        await using var workflow = await DeployedStack.StartAsync(DeployedStack.ManagedCluster("demo", 2), wrap);
        var scalingBefore = workflow.Scaling("demo");
        var (versionBefore, _, _) = workflow.SecretState("demo");

        var execution = await workflow.RotateAsync("demo");

        Assert.True(execution.Status == ExecutionStatus.Succeeded, $"{execution.Error}: {execution.Cause}");
        Assert.True(crashed >= 2, "the step ran again after the crash");
        Assert.NotEqual(versionBefore, workflow.SecretState("demo").CurrentVersion);
        Assert.Single(workflow.Aws.CloudTrail.Events, e => (string?)e["detail"]!["eventName"] == "RotationSucceeded");
        AssertCapacityBack(workflow, scalingBefore);
        Assert.Null(workflow.Lease(workflow.ClusterId("demo")));
        workflow.AssertNoSecretValueAnywhere();
    }

    [Fact]
    public async Task Rotation_EventsNeverDelivered_FallbackPollFinishesTheRotation()
    {
        await using var workflow = await DeployedStack.StartAsync(DeployedStack.ManagedCluster("demo", 2));
        var routerRule = workflow.Aws.Template!.Rules.Single(r => r.Targets.Any(t => t.Arn.EndsWith(":function:RotationEventRouterFunction", StringComparison.Ordinal)));
        workflow.Aws.Call("events", "DisableRule", new JsonObject { ["Name"] = routerRule.Name });
        var scalingBefore = workflow.Scaling("demo");
        var (versionBefore, _, _) = workflow.SecretState("demo");

        var execution = await workflow.RotateAsync("demo");

        Assert.True(execution.Status == ExecutionStatus.Succeeded, $"{execution.Error}: {execution.Cause}");
        Assert.Contains(execution.History, h => h.Type == "TaskTimedOut");
        Assert.Contains("StartRotationPolling", execution.VisitedStates);
        Assert.NotEqual(versionBefore, workflow.SecretState("demo").CurrentVersion);
        Assert.Equal(workflow.SecretState("demo").CurrentVersion, workflow.ClusterSecretVersion("demo"));
        AssertCapacityBack(workflow, scalingBefore);
        Assert.Null(workflow.Lease(workflow.ClusterId("demo")));
        workflow.AssertNoSecretValueAnywhere();
    }

    private static void AssertCapacityBack(DeployedStack workflow, IReadOnlyDictionary<string, (int Min, int Max, string Status)> before) =>
        Assert.Equal(
            before.ToDictionary(g => g.Key, g => (g.Value.Min, g.Value.Max, "ACTIVE")),
            workflow.Scaling("demo").ToDictionary(g => g.Key, g => g.Value));
}

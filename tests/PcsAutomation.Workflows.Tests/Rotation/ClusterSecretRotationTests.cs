using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.States.Runtime;
using PcsAutomation.Workflows.Tests.Support;

namespace PcsAutomation.Workflows.Tests.Rotation;

/// <summary>
/// Issue 5's checks, end to end: the deployed template in the emulator, the real state machine and handlers, the
/// virtual clock. Every test ends by scanning everything said (logs, histories, outputs, notifications) for the key.
/// </summary>
public class ClusterSecretRotationTests
{
    [Theory]
    [InlineData(0)]   // the login group alone: 1 node group
    [InlineData(2)]   // 3 node groups
    [InlineData(9)]   // 10 node groups
    public async Task Rotation_ManagedCluster_NewKeyEverywhereAndCapacityExactlyBack(int computeGroups)
    {
        await using var workflow = await DeployedStack.StartAsync(DeployedStack.ManagedCluster("demo", computeGroups));
        var clusterId = workflow.ClusterId("demo");
        var scalingBefore = workflow.Scaling("demo");
        var (versionBefore, _, _) = workflow.SecretState("demo");

        var execution = await workflow.RotateAsync("demo");

        Assert.True(execution.Status == ExecutionStatus.Succeeded, $"{execution.Error}: {execution.Cause}");
        var (versionAfter, lastRotated, pending) = workflow.SecretState("demo");
        Assert.NotEqual(versionBefore, versionAfter);
        Assert.NotNull(lastRotated);
        Assert.Empty(pending);
        Assert.Equal(versionAfter, workflow.ClusterSecretVersion("demo"));
        Assert.Equal(computeGroups + 1, scalingBefore.Count);
        Assert.Equal(
            scalingBefore.ToDictionary(g => g.Key, g => (g.Value.Min, g.Value.Max, "ACTIVE")),
            workflow.Scaling("demo").ToDictionary(g => g.Key, g => g.Value));
        var command = Assert.Single(workflow.Commands());
        Assert.Equal("AWS-RunShellScript", command.DocumentName);
        Assert.Equal([ByoLoginInstance(workflow, "demo")], command.InstanceIds);
        Assert.Null(workflow.Lease(clusterId));
        Assert.Equal([Notifications.Started, Notifications.Succeeded], workflow.NotificationTypes);
        Assert.Null(workflow.NotificationDetail(Notifications.Started)["savedScaling"]);   // nothing saved yet
        var succeeded = workflow.NotificationDetail(Notifications.Succeeded);
        Assert.Equal(clusterId, (string?)succeeded["clusterId"]);
        Assert.Equal(execution.Arn, (string?)succeeded["executionArn"]);
        Assert.Equal(versionBefore, (string?)succeeded["previousVersionId"]);
        Assert.Equal(versionAfter, (string?)succeeded["currentVersionId"]);
        Assert.Equal("SUCCEEDED", (string?)succeeded["verification"]);
        // the lease's saved scaling, verified restored: exactly the scaling before
        Assert.Equal(Notifications.MinMax(scalingBefore), Notifications.SavedScaling(succeeded));
        Assert.True((bool)succeeded["scalingRestored"]!);
        Assert.Null(succeeded["restoreCommands"]);
        Assert.Contains(workflow.TopicMessages, m => m.Message.Contains("Existing Slurm JWTs are now invalid", StringComparison.Ordinal));
        Assert.True(workflow.TopicMessages.Count == 2, $"topic {workflow.TopicArn}; messages to: {string.Join(", ", workflow.Aws.Sns.Messages.Select(m => m.TopicArn))}; {JsonNode.Parse(execution.Output!)!["notificationFailure"]?.ToJsonString()}");
        workflow.AssertNoSecretValueAnywhere();
    }

    [Fact]
    public async Task Rotation_DryRun_FullPlanAndNoMutatingCall()
    {
        await using var workflow = await DeployedStack.StartAsync(DeployedStack.ManagedCluster("demo", 2));
        await workflow.Aws.RunUntilIdleAsync(TimeSpan.FromMinutes(5));
        var before = workflow.WorldSnapshot();
        var callsBefore = workflow.MutatingCalls.Count;

        var execution = await workflow.RotateAsync("demo", dryRun: true);

        Assert.True(execution.Status == ExecutionStatus.Succeeded, $"{execution.Error}: {execution.Cause}");
        var output = JsonNode.Parse(execution.Output!)!;
        Assert.True((bool)output["dryRun"]!);
        var plan = output["plan"]!;
        Assert.Equal(3, plan["nodeGroups"]!.AsArray().Count);
        Assert.Contains(plan["nodeGroups"]!.AsArray(), g => (string?)g!["nodeGroupName"] == "compute-2" && (int)g["minInstanceCount"]! == 1 && (int)g["maxInstanceCount"]! == 1);
        Assert.NotEmpty(plan["instancesUp"]!.AsArray());
        Assert.Equal([ByoLoginInstance(workflow, "demo")], plan["loginInstances"]!.AsArray().Select(n => (string?)n));
        Assert.True((long)plan["expectedDowntimeSeconds"]! > 0);
        Assert.Equal(["states.amazonaws.com:StartExecution"], workflow.MutatingCalls.Skip(callsBefore));
        Assert.Equal(before, workflow.WorldSnapshot());
        Assert.Empty(workflow.TopicMessages);
        Assert.Empty(workflow.NotificationEvents);
        Assert.Null(workflow.Lease(workflow.ClusterId("demo")));
        workflow.AssertNoSecretValueAnywhere();
    }

    [Theory]
    [InlineData("CREATE_FAILED")]
    [InlineData("DELETE_FAILED")]
    [InlineData("RESUMING")]
    [InlineData("SUSPENDING")]
    [InlineData("SUSPENDED")]
    public async Task Rotation_ClusterInForbiddenState_RefusedNamingTheStatusAndNothingChanged(string status)
    {
        await using var workflow = await DeployedStack.StartAsync(DeployedStack.ManagedCluster("demo", 2, status));
        await workflow.Aws.RunUntilIdleAsync(TimeSpan.FromMinutes(5));
        var before = workflow.WorldSnapshot();
        var callsBefore = workflow.MutatingCalls.Count;

        var execution = await workflow.RotateAsync("demo");

        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        Assert.Equal("ClusterStateForbidsRotation", execution.Error);
        Assert.Contains(status, execution.Cause, StringComparison.Ordinal);
        Assert.Equal(before, workflow.WorldSnapshot());
        Assert.Equal(["states.amazonaws.com:StartExecution"], workflow.MutatingCalls.Skip(callsBefore));
        Assert.Null(workflow.Lease(workflow.ClusterId("demo")));
        workflow.AssertNoSecretValueAnywhere();
    }

    [Fact]
    public async Task Rotation_UnmanagedCluster_NeverTouched()
    {
        var scenario = Scenario.Cluster("theirs").WithNodeGroup("compute-1", min: 1, max: 4);
        await using var workflow = await DeployedStack.StartAsync(scenario);
        await workflow.Aws.RunUntilIdleAsync(TimeSpan.FromMinutes(5));
        var before = workflow.WorldSnapshot();
        var callsBefore = workflow.MutatingCalls.Count;

        var execution = await workflow.RotateAsync("theirs");
        var reconciled = await workflow.Aws.Lambda.InvokeAsync("RotationReconcilerFunction", ScheduledEvent(workflow));

        Assert.Equal("ClusterNotManaged", execution.Error);
        Assert.True(reconciled.Succeeded, reconciled.Error?.ErrorMessage);
        Assert.Empty(JsonNode.Parse(reconciled.Payload!)!["started"]!.AsArray());
        Assert.Equal(before, workflow.WorldSnapshot());
        Assert.Equal(["states.amazonaws.com:StartExecution"], workflow.MutatingCalls.Skip(callsBefore));
        Assert.Single(workflow.Executions);
        workflow.AssertNoSecretValueAnywhere();
    }

    [Fact]
    public async Task Reconciler_DueClusterStartedTwice_OneExecution()
    {
        var scenario = DeployedStack.ManagedCluster("demo", 1).WithTag("pcs-automation:rotation-max-age", "1h");
        await using var workflow = await DeployedStack.StartAsync(scenario);

        // the hourly schedule finds the secret older than 1h inside the window and starts the rotation
        Assert.True(await workflow.Aws.RunUntilAsync(() => workflow.Executions.Count > 0, TimeSpan.FromHours(3)), "the reconciler started nothing");
        var first = await workflow.Aws.Lambda.InvokeAsync("RotationReconcilerFunction", ScheduledEvent(workflow));
        var second = await workflow.Aws.Lambda.InvokeAsync("RotationReconcilerFunction", ScheduledEvent(workflow));

        Assert.True(first.Succeeded && second.Succeeded, first.Error?.ErrorMessage + second.Error?.ErrorMessage);
        var execution = Assert.Single(workflow.Executions);
        Assert.StartsWith($"rotate-{workflow.ClusterId("demo")}-", execution.Name, StringComparison.Ordinal);
        var done = await workflow.RunAsync(execution.Arn);
        Assert.True(done.Status == ExecutionStatus.Succeeded, $"{done.Error}: {done.Cause}");
        Assert.Single(workflow.Executions);
        workflow.AssertNoSecretValueAnywhere();
    }

    [Fact]
    public async Task Rotation_SecondStartWhileTheFirstRuns_RefusedByTheLeaseAndTheFirstUnharmed()
    {
        await using var workflow = await DeployedStack.StartAsync(DeployedStack.ManagedCluster("demo", 1));
        var clusterId = workflow.ClusterId("demo");
        var scalingBefore = workflow.Scaling("demo");

        var first = workflow.Start(clusterId, name: "first");
        Assert.True(await workflow.Aws.RunUntilAsync(() => workflow.Lease(clusterId) is not null, TimeSpan.FromMinutes(10)));
        var second = await workflow.RunAsync(workflow.Start(clusterId, name: "second"));
        var done = await workflow.RunAsync(first);

        Assert.Equal("LeaseHeld", second.Error);
        Assert.True(done.Status == ExecutionStatus.Succeeded, $"{done.Error}: {done.Cause}");
        Assert.Equal(scalingBefore.ToDictionary(g => g.Key, g => (g.Value.Min, g.Value.Max)), workflow.Scaling("demo").ToDictionary(g => g.Key, g => (g.Value.Min, g.Value.Max)));
        Assert.Null(workflow.Lease(clusterId));
        workflow.AssertNoSecretValueAnywhere();
    }

    internal static string ByoLoginInstance(DeployedStack workflow, string clusterName)
    {
        lock (workflow.Aws.State.Gate)
        {
            return workflow.Aws.State.Instances.Values
                .Single(i => i.Tags.GetValueOrDefault("pcs-automation:byo-login-for") == clusterName).InstanceId;
        }
    }

    private static string ScheduledEvent(DeployedStack workflow) => new JsonObject
    {
        ["version"] = "0",
        ["id"] = "11111111-2222-3333-4444-555555555555",
        ["detail-type"] = "Scheduled Event",
        ["source"] = "aws.events",
        ["account"] = workflow.Aws.Options.AccountId,
        ["time"] = workflow.Aws.Clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ["region"] = workflow.Aws.Options.Region,
        ["resources"] = new JsonArray(),
        ["detail"] = new JsonObject(),
    }.ToJsonString();
}

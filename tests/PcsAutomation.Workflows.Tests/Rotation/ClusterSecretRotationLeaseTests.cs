using System.Globalization;
using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Lambda;
using PcsAutomation.States.Runtime;
using PcsAutomation.Workflows.Tests.Support;

namespace PcsAutomation.Workflows.Tests.Rotation;

/// <summary>
/// The lease as the one record of the real scaling (issue 9): a rotation that dies after its scale-down leaves the groups
/// at 0/0, and only the lease knows what they were. DynamoDB's TTL sweep must not take that record away before a later
/// workflow restores it, and every notification shows the lease's scaling.
/// </summary>
public class ClusterSecretRotationLeaseTests
{
    public enum Death
    {
        /// <summary>Someone stops the execution while it waits for the drain: no state after it runs, the lease stays taken.</summary>
        StoppedAfterScaleDown,

        /// <summary>The restore function crashes on every attempt: "needs operator", the lease released with the scaling kept.</summary>
        RestoreKeepsCrashing,
    }

    [Theory]
    [InlineData(Death.StoppedAfterScaleDown)]
    [InlineData(Death.RestoreKeepsCrashing)]
    public async Task Rotation_DiesAfterScaleDownThenTheLeaseExpiresAndIsSwept_NextRotationRestoresTheOriginalScaling(Death death)
    {
        var restoreBroken = death == Death.RestoreKeepsCrashing;
        var wrap = new Dictionary<string, Func<FunctionCall, FunctionCall>>(StringComparer.Ordinal)
        {
            ["RestoreNodeGroupsFunction"] = inner => (payload, token) => Volatile.Read(ref restoreBroken)
                ? throw new LambdaFunctionErrorException("Runtime.ExitError", "RequestId: 1 Error: Runtime exited with error: signal: killed")
                : inner(payload, token),
        };
        await using var workflow = await DeployedStack.StartAsync(DeployedStack.ManagedCluster("demo", 2), wrap);
        var clusterId = workflow.ClusterId("demo");
        var original = Notifications.MinMax(workflow.Scaling("demo"));
        var (versionBefore, _, _) = workflow.SecretState("demo");

        // First rotation: scaled down, then dead before any restore.
        var first = workflow.Start(clusterId, name: "first");
        if (death == Death.StoppedAfterScaleDown)
        {
            Assert.True(await workflow.Aws.RunUntilAsync(() => workflow.Execution(first).VisitedStates.Contains("CheckClusterDrained"), TimeSpan.FromHours(1)));
            workflow.Stop(first);
        }
        var dead = await workflow.RunAsync(first);
        Assert.All(workflow.Scaling("demo").Values, g => Assert.Equal((0, 0), (g.Min, g.Max)));

        // The lease expires; DynamoDB's TTL process runs on the virtual clock well past its deletion delay.
        var deadLease = workflow.Lease(clusterId);
        Assert.True(deadLease?["savedScaling"] is not null, "the dead run's lease holds no saved scaling");
        var canary = PutExpiredCanary(workflow);
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse((string)deadLease["expiresAt"]!["N"]!, CultureInfo.InvariantCulture));
        var swept = expiresAt + workflow.Aws.DynamoDb.TimeToLiveDeletionDelay + TimeSpan.FromHours(2);
        Assert.True(await workflow.Aws.RunUntilAsync(() => workflow.Aws.Clock.GetUtcNow() >= swept, TimeSpan.FromDays(4)));
        var leaseAfterSweep = workflow.Lease(clusterId);
        var canaryAfterSweep = workflow.Lease(canary);

        // Second rotation: takes the expired lease over and restores what the first one saved.
        Volatile.Write(ref restoreBroken, false);
        var second = await workflow.RunAsync(workflow.Start(clusterId, name: "second"));

        Assert.True(second.Status == ExecutionStatus.Succeeded, $"{second.Error}: {second.Cause}");
        Assert.Equal(original, Notifications.MinMax(workflow.Scaling("demo")));
        Assert.All(workflow.Scaling("demo").Values, g => Assert.Equal("ACTIVE", g.Status));
        Assert.Null(canaryAfterSweep);                       // the sweep ran on this table: an expired item went
        Assert.NotNull(leaseAfterSweep);                     // ... but not the only record of the real scaling
        Assert.Equal(original, Notifications.Scaling(JsonNode.Parse((string)leaseAfterSweep["savedScaling"]!["S"]!)!.AsArray()));
        Assert.NotEqual(ExecutionStatus.Succeeded, dead.Status);
        var lease = JsonNode.Parse(second.Output!)!["lease"]!;
        Assert.Equal(dead.Arn, (string?)lease["takenOverFrom"]);
        Assert.True((bool)lease["inheritedScaling"]!);
        // The notification speaks from the lease, not from the plan (read under the lease: every group at 0/0).
        var planned = Notifications.Scaling(JsonNode.Parse(second.Output!)!["plan"]!["nodeGroups"]!.AsArray());
        Assert.All(planned.Values, g => Assert.Equal((0, 0), g));
        var succeeded = workflow.NotificationDetail(Notifications.Succeeded);
        Assert.Equal(second.Arn, (string?)succeeded["executionArn"]);
        Assert.Equal(original, Notifications.SavedScaling(succeeded));
        Assert.True((bool)succeeded["scalingRestored"]!);
        Assert.NotEqual(versionBefore, workflow.SecretState("demo").CurrentVersion);
        Assert.Null(workflow.Lease(clusterId));
        workflow.AssertNoSecretValueAnywhere();
    }

    [Fact]
    public async Task Rotation_RestoreKeepsCrashing_NeedsOperatorNotificationCarriesTheLeaseScalingAndRestoreCommands()
    {
        var wrap = new Dictionary<string, Func<FunctionCall, FunctionCall>>(StringComparer.Ordinal)
        {
            ["RestoreNodeGroupsFunction"] = _ => (_, _) =>
                throw new LambdaFunctionErrorException("Runtime.ExitError", "RequestId: 1 Error: Runtime exited with error: signal: killed"),
        };
        await using var workflow = await DeployedStack.StartAsync(DeployedStack.ManagedCluster("demo", 2), wrap);
        var clusterId = workflow.ClusterId("demo");
        var original = Notifications.MinMax(workflow.Scaling("demo"));
        Dictionary<string, string> ids;
        lock (workflow.Aws.State.Gate)
            ids = workflow.Aws.State.FindCluster("demo")!.NodeGroups.Values.ToDictionary(g => g.Name, g => g.Id, StringComparer.Ordinal);

        var execution = await workflow.RotateAsync("demo");

        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        Assert.Contains("PrepareNotificationNeedsOperator", execution.VisitedStates);
        Assert.Contains("NotifyNeedsOperator", execution.VisitedStates);
        Assert.Equal([Notifications.Started, Notifications.NeedsOperator], workflow.NotificationTypes);
        Assert.Null(workflow.NotificationDetail(Notifications.Started)["savedScaling"]);   // nothing saved before the scale-down
        var detail = workflow.NotificationDetail(Notifications.NeedsOperator);
        Assert.Equal(original, Notifications.SavedScaling(detail));
        Assert.False((bool)detail["scalingRestored"]!);
        Assert.Equal("Runtime.ExitError", (string?)detail["failure"]!["error"]);
        var commands = detail["restoreCommands"]!.AsArray().Select(c => (string)c!).ToList();
        var expected = original.Select(g =>
            $"aws pcs update-compute-node-group --cluster-identifier {clusterId} --compute-node-group-identifier {ids[g.Key]} " +
            $"--scaling-configuration minInstanceCount={g.Value.Min},maxInstanceCount={g.Value.Max}").ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), commands.Order(StringComparer.Ordinal));
        var message = Assert.Single(workflow.TopicMessages, m => m.Message.Contains("could not be restored", StringComparison.Ordinal));
        Assert.All(expected, command => Assert.Contains(command, message.Message, StringComparison.Ordinal));
        // The lease keeps the scaling for whoever comes next (an operator, or the next workflow).
        var lease = workflow.Lease(clusterId)!;
        Assert.Equal(original, Notifications.Scaling(JsonNode.Parse((string)lease["savedScaling"]!["S"]!)!.AsArray()));
        Assert.Null(lease["deleteAfter"]);
        workflow.AssertNoSecretValueAnywhere();
    }

    /// <summary>An item in the lease table whose TTL attribute (as the table declares it) expired an hour ago.</summary>
    private static string PutExpiredCanary(DeployedStack workflow)
    {
        var ttl = workflow.Aws.Call("dynamodb", "DescribeTimeToLive", new JsonObject { ["TableName"] = workflow.LeaseTable });
        var attribute = (string)ttl["TimeToLiveDescription"]!["AttributeName"]!;
        var expired = (workflow.Aws.Clock.GetUtcNow() - TimeSpan.FromHours(1)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        const string key = "ttl-canary";
        workflow.Aws.Call("dynamodb", "PutItem", new JsonObject
        {
            ["TableName"] = workflow.LeaseTable,
            ["Item"] = new JsonObject { ["clusterId"] = new JsonObject { ["S"] = key }, [attribute] = new JsonObject { ["N"] = expired } },
        });
        Assert.NotNull(workflow.Lease(key));
        return key;
    }
}

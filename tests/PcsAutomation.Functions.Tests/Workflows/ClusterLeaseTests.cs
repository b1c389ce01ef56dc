using System.Globalization;
using Amazon.DynamoDBv2.Model;
using PcsAutomation.Functions.Tests.Support;
using PcsAutomation.Functions.Workflows;

namespace PcsAutomation.Functions.Tests.Workflows;

public class ClusterLeaseTests
{
    private const string Run1 = HandlerHarness.ExecutionArn;
    private const string Run2 = HandlerHarness.OtherExecutionArn;
    private const string Rotation = "cluster-secret-rotation";

    [Fact]
    public async Task AcquireClusterLease_FreeCluster_WritesTheContractItem()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        var now = h.Aws.Clock.GetUtcNow();

        var result = await AcquireAsync(h, clusterId, Run1);

        Assert.True(result.Acquired);
        Assert.Null(result.TakenOverFrom);
        Assert.False(result.InheritedScaling);
        var expires = now.AddSeconds(14400).ToUnixTimeSeconds();
        Assert.Equal(expires, result.ExpiresAt.ToUnixTimeSeconds());
        var item = await Item(h, clusterId);
        Assert.Equal((Run1, Rotation, Text(expires)), (item["owner"].S, item["workflow"].S, item["expiresAt"].N));
        Assert.Equal(now, DateTimeOffset.Parse(item["acquiredAt"].S, CultureInfo.InvariantCulture));
        // Nothing saved yet: the item may expire a day after the lease (TTL attribute, template.yaml).
        Assert.Equal(Text(expires + (long)TimeSpan.FromDays(1).TotalSeconds), item["deleteAfter"].N);
    }

    [Fact]
    public async Task AcquireClusterLease_HeldByAnotherExecution_IsLeaseHeldNamingTheHolderAndWorkflow()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        await AcquireAsync(h, clusterId, Run1);
        h.Aws.Clock.Advance(TimeSpan.FromHours(3));

        var e = await Assert.ThrowsAsync<LeaseHeld>(() => AcquireAsync(h, clusterId, Run2));

        Assert.Contains(Run1, e.Message, StringComparison.Ordinal);
        Assert.Contains(Rotation, e.Message, StringComparison.Ordinal);
        Assert.Equal(Run1, (await Item(h, clusterId))["owner"].S);
    }

    [Fact]
    public async Task AcquireClusterLease_UnknownWorkflow_IsInvalidInputNamingTheKnownOnes()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());

        var e = await Assert.ThrowsAsync<InvalidWorkflowInput>(() => h.InvokeAsync<AcquireClusterLeaseResult>(
            "AcquireClusterLease", new { clusterId = h.ClusterId(), executionArn = Run1, workflow = "ami-magic" }));

        Assert.StartsWith("workflow 'ami-magic'", e.Message, StringComparison.Ordinal);
        Assert.Contains(Rotation, e.Message, StringComparison.Ordinal);
        Assert.Null(await ItemOrNull(h, h.ClusterId()));
    }

    [Fact]
    public async Task AcquireClusterLease_ExpiredLease_IsTakenOverInheritingSavedScaling()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        await AcquireAsync(h, clusterId, Run1);
        await ScaleDownAsync(h, clusterId, Run1);
        var saved = (await Item(h, clusterId))["savedScaling"].S;
        h.Aws.Clock.Advance(TimeSpan.FromSeconds(14401));

        var result = await AcquireAsync(h, clusterId, Run2);

        Assert.True(result.Acquired);
        Assert.Equal(Run1, result.TakenOverFrom);
        Assert.True(result.InheritedScaling);
        var item = await Item(h, clusterId);
        Assert.Equal(Run2, item["owner"].S);
        Assert.Equal(saved, item["savedScaling"].S);
        Assert.False(item.ContainsKey("deleteAfter"));
        // The groups are at 0/0 now: the new owner's scale-down must keep the original scaling, not save 0/0.
        await ScaleDownAsync(h, clusterId, Run2);
        Assert.Equal(saved, (await Item(h, clusterId))["savedScaling"].S);
        Assert.Contains(h.Transcript, l => l.Contains("Took over the lease", StringComparison.Ordinal) && l.Contains(Run1, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AcquireClusterLease_SameOwnerAgain_IsIdempotentAndKeepsSavedScaling()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        await AcquireAsync(h, clusterId, Run1);
        await ScaleDownAsync(h, clusterId, Run1);
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(10));

        var again = await AcquireAsync(h, clusterId, Run1);

        Assert.True(again.Acquired);
        var item = await Item(h, clusterId);
        Assert.Equal(Run1, item["owner"].S);
        Assert.True(item.ContainsKey("savedScaling"));
        Assert.False(item.ContainsKey("deleteAfter"));
        Assert.Equal(h.Aws.Clock.GetUtcNow().AddSeconds(14400).ToUnixTimeSeconds(), again.ExpiresAt.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task AcquireClusterLease_LeaseSecondsFromEnvironment_SetsExpiry()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster(), new Dictionary<string, string> { ["PCS_AUTOMATION_LEASE_SECONDS"] = "600" });

        var result = await AcquireAsync(h, h.ClusterId(), Run1);

        Assert.Equal(h.Aws.Clock.GetUtcNow().AddSeconds(600).ToUnixTimeSeconds(), result.ExpiresAt.ToUnixTimeSeconds());
    }

    // The defect: the TTL attribute was the lease expiry, so DynamoDB could delete an expired lease and with it the only
    // record of the real scaling of groups a dead run left at 0/0. Now the item holds no TTL while the scaling is unrestored.
    [Fact]
    public async Task ScaleNodeGroupsToZero_SavesScaling_RemovesTheTtlUntilARestoreIsVerified()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        await AcquireAsync(h, clusterId, Run1);

        await ScaleDownAsync(h, clusterId, Run1);

        var item = await Item(h, clusterId);
        Assert.True(item.ContainsKey("savedScaling"));
        Assert.False(item.ContainsKey("deleteAfter"));
        Assert.False(item.ContainsKey("restoredAt"));
    }

    [Fact]
    public async Task CheckNodeGroupsRestored_Restored_RecordsItAndLetsTheItemExpire()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        await AcquireAsync(h, clusterId, Run1);
        await ScaleDownAsync(h, clusterId, Run1);
        await h.Aws.RunUntilAsync(() => h.NodeGroup("compute-b").Status == "ACTIVE", TimeSpan.FromHours(1));
        await h.InvokeAsync<RestoreNodeGroupsResult>("RestoreNodeGroups", new { clusterId, executionArn = Run1 });
        await h.Aws.RunUntilAsync(() => h.NodeGroup("compute-b") == (2, 2, "ACTIVE"), TimeSpan.FromHours(1));

        var check = await h.InvokeAsync<CheckNodeGroupsRestoredResult>("CheckNodeGroupsRestored", new { clusterId, executionArn = Run1 });

        Assert.True(check.Restored);
        var item = await Item(h, clusterId);
        Assert.Equal(h.Aws.Clock.GetUtcNow(), DateTimeOffset.Parse(item["restoredAt"].S, CultureInfo.InvariantCulture));
        Assert.True(item.ContainsKey("deleteAfter"));
    }

    [Fact]
    public async Task ReleaseClusterLease_Twice_IsReleasedBothTimes()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        await AcquireAsync(h, clusterId, Run1);

        var first = await h.InvokeAsync<ReleaseClusterLeaseResult>("ReleaseClusterLease", new { clusterId, executionArn = Run1 });
        var second = await h.InvokeAsync<ReleaseClusterLeaseResult>("ReleaseClusterLease", new { clusterId, executionArn = Run1 });

        Assert.Equal(new ReleaseClusterLeaseResult(true, false), first);
        Assert.Equal(new ReleaseClusterLeaseResult(true, false), second);
        Assert.Null(await ItemOrNull(h, clusterId));
        // Free again: another execution can take it.
        Assert.True((await AcquireAsync(h, clusterId, Run2)).Acquired);
    }

    [Fact]
    public async Task ReleaseClusterLease_RestoreNeverVerified_KeepsTheScalingForTheNextWorkflow()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        await AcquireAsync(h, clusterId, Run1);
        await ScaleDownAsync(h, clusterId, Run1);
        var saved = (await Item(h, clusterId))["savedScaling"].S;

        var release = await h.InvokeAsync<ReleaseClusterLeaseResult>("ReleaseClusterLease", new { clusterId, executionArn = Run1 });

        Assert.Equal(new ReleaseClusterLeaseResult(true, true), release);
        var kept = await Item(h, clusterId);
        Assert.Equal(saved, kept["savedScaling"].S);
        Assert.False(kept.ContainsKey("deleteAfter"));
        // Free at once (no waiting for the lease to expire), and the next workflow inherits the scaling.
        var next = await AcquireAsync(h, clusterId, Run2);
        Assert.Equal((Run1, true), (next.TakenOverFrom, next.InheritedScaling));
        Assert.Equal(saved, (await Item(h, clusterId))["savedScaling"].S);
    }

    [Fact]
    public async Task ReleaseClusterLease_HeldByAnother_LeavesItAlone()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        await AcquireAsync(h, clusterId, Run2);

        var result = await h.InvokeAsync<ReleaseClusterLeaseResult>("ReleaseClusterLease", new { clusterId, executionArn = Run1 });

        Assert.False(result.Released);
        Assert.Equal(Run2, (await Item(h, clusterId))["owner"].S);
    }

    [Fact]
    public async Task ScaleNodeGroupsToZero_LeaseOfAnotherExecution_IsLeaseLost()
    {
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        await AcquireAsync(h, clusterId, Run2);

        var e = await Assert.ThrowsAsync<LeaseLost>(() => ScaleDownAsync(h, clusterId, Run1));

        Assert.Contains(Run2, e.Message, StringComparison.Ordinal);
        Assert.Equal((0, 8, "ACTIVE"), h.NodeGroup("compute-a"));
    }

    internal static Task<AcquireClusterLeaseResult> AcquireAsync(HandlerHarness h, string clusterId, string executionArn) =>
        h.InvokeAsync<AcquireClusterLeaseResult>("AcquireClusterLease", new { clusterId, executionArn, workflow = Rotation });

    internal static Task<ScaleNodeGroupsToZeroResult> ScaleDownAsync(HandlerHarness h, string clusterId, string executionArn) =>
        h.InvokeAsync<ScaleNodeGroupsToZeroResult>("ScaleNodeGroupsToZero", new { clusterId, executionArn });

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<Dictionary<string, AttributeValue>> Item(HandlerHarness h, string clusterId) =>
        await ItemOrNull(h, clusterId) ?? throw new Xunit.Sdk.XunitException($"no lease item for {clusterId}");

    private static async Task<Dictionary<string, AttributeValue>?> ItemOrNull(HandlerHarness h, string clusterId)
    {
        var response = await h.DynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = HandlerHarness.LeaseTable,
            Key = new() { ["clusterId"] = new AttributeValue { S = clusterId } },
            ConsistentRead = true,
        });
        return response.Item is { Count: > 0 } item ? item : null;
    }
}

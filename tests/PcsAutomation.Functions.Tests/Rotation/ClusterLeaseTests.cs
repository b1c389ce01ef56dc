using Amazon.DynamoDBv2.Model;
using PcsAutomation.Functions.Rotation;

namespace PcsAutomation.Functions.Tests.Rotation;

public class ClusterLeaseTests
{
    private const string Run1 = RotationHarness.ExecutionArn;
    private const string Run2 = RotationHarness.OtherExecutionArn;

    [Fact]
    public async Task AcquireClusterLease_FreeCluster_WritesTheContractItem()
    {
        await using var h = await RotationHarness.StartAsync(RotationHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        var now = h.Aws.Clock.GetUtcNow();

        var result = await h.InvokeAsync<AcquireClusterLeaseResult>("AcquireClusterLease", new { clusterId, executionArn = Run1 });

        Assert.True(result.Acquired);
        Assert.Equal(now.AddSeconds(14400).ToUnixTimeSeconds(), result.ExpiresAt.ToUnixTimeSeconds());
        var item = await Item(h, clusterId);
        Assert.Equal((Run1, "cluster-secret-rotation", now.AddSeconds(14400).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (item["owner"].S, item["workflow"].S, item["expiresAt"].N));
        Assert.Equal(now, DateTimeOffset.Parse(item["acquiredAt"].S, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AcquireClusterLease_HeldByAnotherExecution_IsLeaseHeldNamingTheHolder()
    {
        await using var h = await RotationHarness.StartAsync(RotationHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        await h.InvokeAsync<AcquireClusterLeaseResult>("AcquireClusterLease", new { clusterId, executionArn = Run1 });
        h.Aws.Clock.Advance(TimeSpan.FromHours(3));

        var e = await Assert.ThrowsAsync<LeaseHeld>(() => h.InvokeAsync<AcquireClusterLeaseResult>("AcquireClusterLease", new { clusterId, executionArn = Run2 }));

        Assert.Contains(Run1, e.Message, StringComparison.Ordinal);
        Assert.Equal(Run1, (await Item(h, clusterId))["owner"].S);
    }

    [Fact]
    public async Task AcquireClusterLease_ExpiredLease_IsTakenOverKeepingSavedScaling()
    {
        await using var h = await RotationHarness.StartAsync(RotationHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        await h.InvokeAsync<AcquireClusterLeaseResult>("AcquireClusterLease", new { clusterId, executionArn = Run1 });
        var first = await h.InvokeAsync<ScaleNodeGroupsToZeroResult>("ScaleNodeGroupsToZero", new { clusterId, executionArn = Run1 });
        h.Aws.Clock.Advance(TimeSpan.FromSeconds(14401));

        var result = await h.InvokeAsync<AcquireClusterLeaseResult>("AcquireClusterLease", new { clusterId, executionArn = Run2 });

        Assert.True(result.Acquired);
        var item = await Item(h, clusterId);
        Assert.Equal(Run2, item["owner"].S);
        // The groups are at 0/0 now: the new owner's scale-down must keep the original scaling, not save 0/0.
        var second = await h.InvokeAsync<ScaleNodeGroupsToZeroResult>("ScaleNodeGroupsToZero", new { clusterId, executionArn = Run2 });
        Assert.Equal(first.SavedScaling, second.SavedScaling);
        Assert.Contains(h.LogLines, l => l.Contains("expired lease", StringComparison.Ordinal) && l.Contains(Run1, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AcquireClusterLease_SameOwnerAgain_IsIdempotentAndKeepsSavedScaling()
    {
        await using var h = await RotationHarness.StartAsync(RotationHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        await h.InvokeAsync<AcquireClusterLeaseResult>("AcquireClusterLease", new { clusterId, executionArn = Run1 });
        await h.InvokeAsync<ScaleNodeGroupsToZeroResult>("ScaleNodeGroupsToZero", new { clusterId, executionArn = Run1 });
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(10));

        var again = await h.InvokeAsync<AcquireClusterLeaseResult>("AcquireClusterLease", new { clusterId, executionArn = Run1 });

        Assert.True(again.Acquired);
        var item = await Item(h, clusterId);
        Assert.Equal(Run1, item["owner"].S);
        Assert.True(item.ContainsKey("savedScaling"));
        Assert.Equal(h.Aws.Clock.GetUtcNow().AddSeconds(14400).ToUnixTimeSeconds(), again.ExpiresAt.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task AcquireClusterLease_LeaseSecondsFromEnvironment_SetsExpiry()
    {
        await using var h = await RotationHarness.StartAsync(RotationHarness.ManagedCluster(), new() { ["PCS_AUTOMATION_LEASE_SECONDS"] = "600" });

        var result = await h.InvokeAsync<AcquireClusterLeaseResult>("AcquireClusterLease", new { clusterId = h.ClusterId(), executionArn = Run1 });

        Assert.Equal(h.Aws.Clock.GetUtcNow().AddSeconds(600).ToUnixTimeSeconds(), result.ExpiresAt.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task AcquireClusterLease_ClusterIdNotThePlans_IsInvalidInput()
    {
        await using var h = await RotationHarness.StartAsync(RotationHarness.ManagedCluster());
        var plan = await h.InvokeAsync<Domain.Rotation.RotationPlan>("PlanRotation", new { clusterId = "demo", executionArn = Run1 });

        var e = await Assert.ThrowsAsync<InvalidRotationInput>(
            () => h.InvokeAsync<AcquireClusterLeaseResult>("AcquireClusterLease", new { clusterId = "demo", executionArn = Run1, plan }));

        Assert.Contains("clusterId", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcquireClusterLease_WithPlan_RecordsTheSecretArn()
    {
        await using var h = await RotationHarness.StartAsync(RotationHarness.ManagedCluster());
        var plan = await h.InvokeAsync<Domain.Rotation.RotationPlan>("PlanRotation", new { clusterId = "demo", executionArn = Run1 });

        await h.InvokeAsync<AcquireClusterLeaseResult>("AcquireClusterLease", new { clusterId = plan.ClusterId, executionArn = Run1, plan });

        Assert.Equal(plan.SecretArn, (await Item(h, plan.ClusterId))["secretArn"].S);
    }

    [Fact]
    public async Task ReleaseClusterLease_Twice_IsReleasedBothTimes()
    {
        await using var h = await RotationHarness.StartAsync(RotationHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        await h.InvokeAsync<AcquireClusterLeaseResult>("AcquireClusterLease", new { clusterId, executionArn = Run1 });

        var first = await h.InvokeAsync<ReleaseClusterLeaseResult>("ReleaseClusterLease", new { clusterId, executionArn = Run1 });
        var second = await h.InvokeAsync<ReleaseClusterLeaseResult>("ReleaseClusterLease", new { clusterId, executionArn = Run1 });

        Assert.True(first.Released);
        Assert.True(second.Released);
        Assert.Null(await ItemOrNull(h, clusterId));
        // Free again: another execution can take it.
        Assert.True((await h.InvokeAsync<AcquireClusterLeaseResult>("AcquireClusterLease", new { clusterId, executionArn = Run2 })).Acquired);
    }

    [Fact]
    public async Task ReleaseClusterLease_HeldByAnother_LeavesItAlone()
    {
        await using var h = await RotationHarness.StartAsync(RotationHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        await h.InvokeAsync<AcquireClusterLeaseResult>("AcquireClusterLease", new { clusterId, executionArn = Run2 });

        var result = await h.InvokeAsync<ReleaseClusterLeaseResult>("ReleaseClusterLease", new { clusterId, executionArn = Run1 });

        Assert.False(result.Released);
        Assert.Equal(Run2, (await Item(h, clusterId))["owner"].S);
    }

    [Fact]
    public async Task ScaleNodeGroupsToZero_LeaseOfAnotherExecution_IsLeaseLost()
    {
        await using var h = await RotationHarness.StartAsync(RotationHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        await h.InvokeAsync<AcquireClusterLeaseResult>("AcquireClusterLease", new { clusterId, executionArn = Run2 });

        var e = await Assert.ThrowsAsync<LeaseLost>(
            () => h.InvokeAsync<ScaleNodeGroupsToZeroResult>("ScaleNodeGroupsToZero", new { clusterId, executionArn = Run1 }));

        Assert.Contains(Run2, e.Message, StringComparison.Ordinal);
        Assert.Equal((0, 8, "ACTIVE"), h.NodeGroup("compute-a"));
    }

    private static async Task<Dictionary<string, AttributeValue>> Item(RotationHarness h, string clusterId) =>
        await ItemOrNull(h, clusterId) ?? throw new Xunit.Sdk.XunitException($"no lease item for {clusterId}");

    private static async Task<Dictionary<string, AttributeValue>?> ItemOrNull(RotationHarness h, string clusterId)
    {
        var response = await h.DynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = RotationHarness.LeaseTable,
            Key = new() { ["clusterId"] = new AttributeValue { S = clusterId } },
            ConsistentRead = true,
        });
        return response.Item is { Count: > 0 } item ? item : null;
    }
}

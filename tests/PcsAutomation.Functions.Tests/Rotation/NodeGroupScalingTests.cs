using System.Text.Json;
using PcsAutomation.Domain.Rotation;
using PcsAutomation.Functions.Rotation;
using PcsConflict = PcsAutomation.Aws.PCS.Model.ConflictException;

namespace PcsAutomation.Functions.Tests.Rotation;

/// <summary>ScaleNodeGroupsToZero, CheckClusterDrained, RestoreNodeGroups and CheckNodeGroupsRestored against the emulator.</summary>
public class NodeGroupScalingTests
{
    private const string Run1 = RotationHarness.ExecutionArn;
    private static readonly string[] ComputeGroups = ["compute-a", "compute-b", "compute-c"];

    [Fact]
    public async Task ScaleNodeGroupsToZero_ThreeGroups_SavesExactMinAndMax()
    {
        await using var h = await LeasedAsync(RotationHarness.ManagedCluster().WithNodeGroup("idle", min: 0, max: 0));
        var clusterId = h.ClusterId();

        var result = await h.InvokeAsync<ScaleNodeGroupsToZeroResult>("ScaleNodeGroupsToZero", new { clusterId, executionArn = Run1 });

        Assert.Equal(
            [("compute-a", 0, 8), ("compute-b", 2, 2), ("compute-c", 0, 4), ("idle", 0, 0)],
            result.SavedScaling.Select(s => (s.NodeGroupName, s.MinInstanceCount, s.MaxInstanceCount)).OrderBy(s => s.NodeGroupName, StringComparer.Ordinal));
        Assert.Equal(ComputeGroups.Select(n => h.NodeGroupId(n)).Order(StringComparer.Ordinal), result.Updated.Order(StringComparer.Ordinal));
        Assert.All(ComputeGroups, n => Assert.Equal((0, 0, "UPDATING"), h.NodeGroup(n)));
        Assert.Equal((0, 0, "ACTIVE"), h.NodeGroup("idle"));
        var saved = JsonSerializer.Deserialize<List<NodeGroupScaling>>(await SavedScalingJsonAsync(h, clusterId), RotationHarness.Json);
        Assert.Equal(result.SavedScaling, saved);
    }

    [Fact]
    public async Task ScaleNodeGroupsToZero_Rerun_KeepsTheOriginalScaling()
    {
        await using var h = await LeasedAsync(RotationHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        var first = await h.InvokeAsync<ScaleNodeGroupsToZeroResult>("ScaleNodeGroupsToZero", new { clusterId, executionArn = Run1 });
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(5));

        var second = await h.InvokeAsync<ScaleNodeGroupsToZeroResult>("ScaleNodeGroupsToZero", new { clusterId, executionArn = Run1 });

        Assert.Equal(first.SavedScaling, second.SavedScaling);
        Assert.Contains(second.SavedScaling, s => s.MaxInstanceCount == 8);
        Assert.Empty(second.Updated);
    }

    [Fact]
    public async Task ScaleNodeGroupsToZero_GroupUpdating_SurfacesPcsConflictAfterSaving()
    {
        var scenario = RotationHarness.ManagedCluster().WithNodeGroup("busy", min: 0, max: 3, status: "UPDATING");
        await using var h = await LeasedAsync(scenario);
        var clusterId = h.ClusterId();

        await Assert.ThrowsAsync<PcsConflict>(() => h.InvokeAsync<ScaleNodeGroupsToZeroResult>("ScaleNodeGroupsToZero", new { clusterId, executionArn = Run1 }));

        var saved = JsonSerializer.Deserialize<List<NodeGroupScaling>>(await SavedScalingJsonAsync(h, clusterId), RotationHarness.Json)!;
        Assert.Contains(saved, s => s is { NodeGroupName: "busy", MinInstanceCount: 0, MaxInstanceCount: 3 });
    }

    [Fact]
    public async Task ScaleNodeGroupsToZero_UsesDeterministicClientTokens()
    {
        await using var h = await LeasedAsync(RotationHarness.ManagedCluster());
        var clusterId = h.ClusterId();

        await h.InvokeAsync<ScaleNodeGroupsToZeroResult>("ScaleNodeGroupsToZero", new { clusterId, executionArn = Run1 });

        var tokens = h.Aws.CloudTrail.Events
            .Select(e => e["detail"]!)
            .Where(d => d["eventName"]?.GetValue<string>() == "UpdateComputeNodeGroup")
            .Select(d => d["requestParameters"]?["clientToken"]?.GetValue<string>())
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            ComputeGroups.Select(n => ClientTokens.For(Run1, "scale-to-zero", h.NodeGroupId(n))).Order(StringComparer.Ordinal),
            tokens);
    }

    [Fact]
    public async Task CheckClusterDrained_RightAfterScaleDown_IsNotDrainedThenDrained()
    {
        await using var h = await LeasedAsync(RotationHarness.ManagedCluster());
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(5)); // compute-b's static instances are running
        var clusterId = h.ClusterId();
        await h.InvokeAsync<ScaleNodeGroupsToZeroResult>("ScaleNodeGroupsToZero", new { clusterId, executionArn = Run1 });

        var busy = await h.InvokeAsync<CheckClusterDrainedResult>("CheckClusterDrained", new { clusterId });
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(10));
        var done = await h.InvokeAsync<CheckClusterDrainedResult>("CheckClusterDrained", new { clusterId, attempt = busy.Attempt });

        Assert.False(busy.Drained);
        Assert.Equal(3, busy.NodeGroupsNotActive.Count);
        Assert.Equal(2, busy.InstancesStillUp.Count);
        Assert.Equal((1, 15), (busy.Attempt, busy.WaitSeconds));
        Assert.True(done.Drained);
        Assert.Empty(done.NodeGroupsNotActive);
        Assert.Empty(done.InstancesStillUp);
        Assert.Equal((2, 30), (done.Attempt, done.WaitSeconds));
    }

    [Fact]
    public async Task CheckClusterDrained_LaterAttempts_WaitTwoMinutes()
    {
        await using var h = await RotationHarness.StartAsync(RotationHarness.ManagedCluster());

        var result = await h.InvokeAsync<CheckClusterDrainedResult>("CheckClusterDrained", new { clusterId = h.ClusterId(), attempt = 7 });

        Assert.Equal((8, 120), (result.Attempt, result.WaitSeconds));
    }

    [Fact]
    public async Task RestoreNodeGroups_AfterDrain_SetsExactlyTheSavedScaling()
    {
        await using var h = await LeasedAsync(RotationHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        var scaled = await h.InvokeAsync<ScaleNodeGroupsToZeroResult>("ScaleNodeGroupsToZero", new { clusterId, executionArn = Run1 });
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(10));

        var restore = await h.InvokeAsync<RestoreNodeGroupsResult>("RestoreNodeGroups", new { clusterId, executionArn = Run1, savedScaling = scaled.SavedScaling });
        var pending = await h.InvokeAsync<CheckNodeGroupsRestoredResult>("CheckNodeGroupsRestored", new { clusterId, savedScaling = restore.SavedScaling });
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(5));
        var restored = await h.InvokeAsync<CheckNodeGroupsRestoredResult>("CheckNodeGroupsRestored", new { clusterId, savedScaling = restore.SavedScaling, attempt = 1 });

        Assert.Equal(3, restore.Updated.Count);
        Assert.Empty(restore.Pending);
        Assert.Equal(scaled.SavedScaling, restore.SavedScaling);
        Assert.Equal([(0, 8, "ACTIVE"), (2, 2, "ACTIVE"), (0, 4, "ACTIVE")], ComputeGroups.Select(n => h.NodeGroup(n)));
        Assert.False(pending.Restored);
        Assert.Equal(3, pending.NodeGroupsPending.Count);
        Assert.True(restored.Restored);
        Assert.Equal((2, 30), (restored.Attempt, restored.WaitSeconds));
    }

    [Fact]
    public async Task RestoreNodeGroups_NoSavedScalingInInput_UsesTheLeases()
    {
        await using var h = await LeasedAsync(RotationHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        var scaled = await h.InvokeAsync<ScaleNodeGroupsToZeroResult>("ScaleNodeGroupsToZero", new { clusterId, executionArn = Run1 });
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(10));

        var restore = await h.InvokeAsync<RestoreNodeGroupsResult>("RestoreNodeGroups", new { clusterId, executionArn = Run1 });

        Assert.Equal(scaled.SavedScaling, restore.SavedScaling);
        Assert.Equal((0, 8, "UPDATING"), h.NodeGroup("compute-a"));
    }

    [Fact]
    public async Task RestoreNodeGroups_LeaseHoldsSavedScaling_WinsOverTheInput()
    {
        await using var h = await LeasedAsync(RotationHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        var scaled = await h.InvokeAsync<ScaleNodeGroupsToZeroResult>("ScaleNodeGroupsToZero", new { clusterId, executionArn = Run1 });
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(10));
        // What a plan made now would show: every group at 0/0.
        var zeros = scaled.SavedScaling.Select(s => s with { MinInstanceCount = 0, MaxInstanceCount = 0 }).ToList();

        var restore = await h.InvokeAsync<RestoreNodeGroupsResult>("RestoreNodeGroups", new { clusterId, executionArn = Run1, savedScaling = zeros });

        Assert.Equal(scaled.SavedScaling, restore.SavedScaling);
        Assert.Equal([(0, 8, "UPDATING"), (2, 2, "UPDATING"), (0, 4, "UPDATING")], ComputeGroups.Select(n => h.NodeGroup(n)));
    }

    [Fact]
    public async Task RestoreNodeGroups_GroupsStillUpdating_ReportsThemPending()
    {
        await using var h = await LeasedAsync(RotationHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        var scaled = await h.InvokeAsync<ScaleNodeGroupsToZeroResult>("ScaleNodeGroupsToZero", new { clusterId, executionArn = Run1 });

        var restore = await h.InvokeAsync<RestoreNodeGroupsResult>("RestoreNodeGroups", new { clusterId, executionArn = Run1, savedScaling = scaled.SavedScaling });
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(10));
        var retry = await h.InvokeAsync<RestoreNodeGroupsResult>("RestoreNodeGroups", new { clusterId, executionArn = Run1, savedScaling = scaled.SavedScaling });

        Assert.Empty(restore.Updated);
        Assert.Equal(scaled.Updated.Order(StringComparer.Ordinal), restore.Pending.Order(StringComparer.Ordinal));
        Assert.Equal(3, retry.Updated.Count);
        Assert.Empty(retry.Pending);
    }

    [Fact]
    public async Task RestoreNodeGroups_NothingScaledDown_IsANoOp()
    {
        await using var h = await LeasedAsync(RotationHarness.ManagedCluster());
        var clusterId = h.ClusterId();

        var restore = await h.InvokeAsync<RestoreNodeGroupsResult>("RestoreNodeGroups", new { clusterId, executionArn = Run1 });
        var check = await h.InvokeAsync<CheckNodeGroupsRestoredResult>("CheckNodeGroupsRestored", new { clusterId, savedScaling = restore.SavedScaling });

        Assert.Equal((0, 0, 0), (restore.Updated.Count, restore.Pending.Count, restore.SavedScaling.Count));
        Assert.True(check.Restored);
        Assert.Equal((0, 8, "ACTIVE"), h.NodeGroup("compute-a"));
    }

    [Fact]
    public async Task RestoreNodeGroups_SavedGroupDeleted_RestoresOthersThenNodeGroupNotFound()
    {
        await using var h = await LeasedAsync(RotationHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        var scaled = await h.InvokeAsync<ScaleNodeGroupsToZeroResult>("ScaleNodeGroupsToZero", new { clusterId, executionArn = Run1 });
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(10));
        var gone = h.NodeGroupId("compute-c");
        lock (h.Aws.State.Gate)
            h.Aws.State.Clusters[clusterId].NodeGroups.Remove(gone);

        var e = await Assert.ThrowsAsync<NodeGroupNotFound>(
            () => h.InvokeAsync<RestoreNodeGroupsResult>("RestoreNodeGroups", new { clusterId, executionArn = Run1, savedScaling = scaled.SavedScaling }));

        Assert.Contains(gone, e.Message, StringComparison.Ordinal);
        Assert.Equal((0, 8, "UPDATING"), h.NodeGroup("compute-a"));
        Assert.Equal((2, 2, "UPDATING"), h.NodeGroup("compute-b"));
    }

    private static async Task<RotationHarness> LeasedAsync(LocalAws.Scenarios.Scenario scenario)
    {
        var h = await RotationHarness.StartAsync(scenario);
        await h.InvokeAsync<AcquireClusterLeaseResult>("AcquireClusterLease", new { clusterId = h.ClusterId(), executionArn = Run1 });
        return h;
    }

    private static async Task<string> SavedScalingJsonAsync(RotationHarness h, string clusterId)
    {
        var response = await h.DynamoDb.GetItemAsync(new Amazon.DynamoDBv2.Model.GetItemRequest
        {
            TableName = RotationHarness.LeaseTable,
            Key = new() { ["clusterId"] = new Amazon.DynamoDBv2.Model.AttributeValue { S = clusterId } },
            ConsistentRead = true,
        });
        return response.Item["savedScaling"].S;
    }
}

using System.Text.Json;
using PcsAutomation.Domain.NodeGroups;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Tests.Support;
using PcsAutomation.Functions.Workflows;
using PcsConflict = PcsAutomation.Aws.PCS.Model.ConflictException;

namespace PcsAutomation.Functions.Tests.Workflows;

/// <summary>ScaleNodeGroupsToZero, CheckClusterDrained, RestoreNodeGroups and CheckNodeGroupsRestored against the emulator.</summary>
public class NodeGroupScalingTests
{
    private const string Run1 = HandlerHarness.ExecutionArn;
    private static readonly string[] ComputeGroups = ["compute-a", "compute-b", "compute-c"];

    [Fact]
    public async Task ScaleNodeGroupsToZero_ThreeGroups_SavesExactMinAndMax()
    {
        await using var h = await LeasedAsync(HandlerHarness.ManagedCluster().WithNodeGroup("idle", min: 0, max: 0));
        var clusterId = h.ClusterId();

        var result = await ScaleDownAsync(h, clusterId);

        var saved = SavedScaling(h, clusterId);
        Assert.Equal(
            [("compute-a", 0, 8), ("compute-b", 2, 2), ("compute-c", 0, 4), ("idle", 0, 0)],
            saved.Select(s => (s.NodeGroupName, s.MinInstanceCount, s.MaxInstanceCount)).OrderBy(s => s.NodeGroupName, StringComparer.Ordinal));
        Assert.Equal(4, result.SavedNodeGroups);
        Assert.Equal(ComputeGroups.Select(n => h.NodeGroupId(n)).Order(StringComparer.Ordinal), result.Updated.Order(StringComparer.Ordinal));
        Assert.All(ComputeGroups, n => Assert.Equal((0, 0, "UPDATING"), h.NodeGroup(n)));
        Assert.Equal((0, 0, "ACTIVE"), h.NodeGroup("idle"));
    }

    [Fact]
    public async Task ScaleNodeGroupsToZero_Rerun_KeepsTheOriginalScaling()
    {
        await using var h = await LeasedAsync(HandlerHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        await ScaleDownAsync(h, clusterId);
        var first = SavedScaling(h, clusterId);
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(5));

        var second = await ScaleDownAsync(h, clusterId);

        Assert.Equal(first, SavedScaling(h, clusterId));
        Assert.Contains(first, s => s.MaxInstanceCount == 8);
        Assert.Empty(second.Updated);
    }

    [Fact]
    public async Task ScaleNodeGroupsToZero_GroupUpdating_SurfacesPcsConflictAfterSaving()
    {
        var scenario = HandlerHarness.ManagedCluster().WithNodeGroup("busy", min: 0, max: 3, status: "UPDATING");
        await using var h = await LeasedAsync(scenario);
        var clusterId = h.ClusterId();

        await Assert.ThrowsAsync<PcsConflict>(() => ScaleDownAsync(h, clusterId));

        Assert.Contains(SavedScaling(h, clusterId), s => s is { NodeGroupName: "busy", MinInstanceCount: 0, MaxInstanceCount: 3 });
    }

    [Fact]
    public async Task ScaleNodeGroupsToZero_UsesDeterministicClientTokens()
    {
        await using var h = await LeasedAsync(HandlerHarness.ManagedCluster());
        var clusterId = h.ClusterId();

        await ScaleDownAsync(h, clusterId);

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
        await using var h = await LeasedAsync(HandlerHarness.ManagedCluster());
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(5)); // compute-b's static instances are running
        var clusterId = h.ClusterId();
        await ScaleDownAsync(h, clusterId);

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
        await using var h = await HandlerHarness.StartAsync(HandlerHarness.ManagedCluster());

        var result = await h.InvokeAsync<CheckClusterDrainedResult>("CheckClusterDrained", new { clusterId = h.ClusterId(), attempt = 7 });

        Assert.Equal((8, 120), (result.Attempt, result.WaitSeconds));
    }

    [Fact]
    public async Task RestoreNodeGroups_AfterDrain_SetsExactlyTheLeasesSavedScaling()
    {
        await using var h = await LeasedAsync(HandlerHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        await ScaleDownAsync(h, clusterId);
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(10));

        var restore = await h.InvokeAsync<RestoreNodeGroupsResult>("RestoreNodeGroups", new { clusterId, executionArn = Run1 });
        var pending = await h.InvokeAsync<CheckNodeGroupsRestoredResult>("CheckNodeGroupsRestored", new { clusterId, executionArn = Run1 });
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(5));
        var restored = await h.InvokeAsync<CheckNodeGroupsRestoredResult>("CheckNodeGroupsRestored", new { clusterId, executionArn = Run1, attempt = 1 });

        Assert.Equal(3, restore.Updated.Count);
        Assert.Empty(restore.Pending);
        Assert.Equal([(0, 8, "ACTIVE"), (2, 2, "ACTIVE"), (0, 4, "ACTIVE")], ComputeGroups.Select(n => h.NodeGroup(n)));
        Assert.False(pending.Restored);
        Assert.Equal(3, pending.NodeGroupsPending.Count);
        Assert.True(restored.Restored);
        Assert.Empty(restored.NodeGroupsMissing);
        Assert.Equal((2, 30), (restored.Attempt, restored.WaitSeconds));
    }

    [Fact]
    public async Task RestoreNodeGroups_InheritedScaling_RestoresWhatTheDeadRunSaved()
    {
        await using var h = await LeasedAsync(HandlerHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        await ScaleDownAsync(h, clusterId);
        h.Aws.Clock.Advance(TimeSpan.FromHours(5)); // run-1 died: its lease expired with the groups at 0/0
        await ClusterLeaseTests.AcquireAsync(h, clusterId, HandlerHarness.OtherExecutionArn);

        var restore = await h.InvokeAsync<RestoreNodeGroupsResult>("RestoreNodeGroups", new { clusterId, executionArn = HandlerHarness.OtherExecutionArn });

        Assert.Equal(3, restore.Updated.Count);
        Assert.Equal([(0, 8, "UPDATING"), (2, 2, "UPDATING"), (0, 4, "UPDATING")], ComputeGroups.Select(n => h.NodeGroup(n)));
    }

    [Fact]
    public async Task RestoreNodeGroups_LeaseHeldByAnotherExecution_RestoresNothing()
    {
        await using var h = await LeasedAsync(HandlerHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        await ScaleDownAsync(h, clusterId);
        h.Aws.Clock.Advance(TimeSpan.FromHours(5));
        await ClusterLeaseTests.AcquireAsync(h, clusterId, HandlerHarness.OtherExecutionArn);

        var restore = await h.InvokeAsync<RestoreNodeGroupsResult>("RestoreNodeGroups", new { clusterId, executionArn = Run1 });

        Assert.Empty(restore.Updated);
        Assert.Equal((0, 0, "ACTIVE"), h.NodeGroup("compute-a"));
        Assert.Contains(h.Transcript, l => l.Contains(HandlerHarness.OtherExecutionArn, StringComparison.Ordinal) && l.Contains("nothing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RestoreNodeGroups_GroupsStillUpdating_ReportsThemPending()
    {
        await using var h = await LeasedAsync(HandlerHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        var scaled = await ScaleDownAsync(h, clusterId);

        var restore = await h.InvokeAsync<RestoreNodeGroupsResult>("RestoreNodeGroups", new { clusterId, executionArn = Run1 });
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(10));
        var retry = await h.InvokeAsync<RestoreNodeGroupsResult>("RestoreNodeGroups", new { clusterId, executionArn = Run1 });

        Assert.Empty(restore.Updated);
        Assert.Equal(scaled.Updated.Order(StringComparer.Ordinal), restore.Pending.Order(StringComparer.Ordinal));
        Assert.Equal(3, retry.Updated.Count);
        Assert.Empty(retry.Pending);
    }

    [Fact]
    public async Task RestoreNodeGroups_NothingScaledDown_IsANoOp()
    {
        await using var h = await LeasedAsync(HandlerHarness.ManagedCluster());
        var clusterId = h.ClusterId();

        var restore = await h.InvokeAsync<RestoreNodeGroupsResult>("RestoreNodeGroups", new { clusterId, executionArn = Run1 });
        var check = await h.InvokeAsync<CheckNodeGroupsRestoredResult>("CheckNodeGroupsRestored", new { clusterId, executionArn = Run1 });

        Assert.Equal((0, 0), (restore.Updated.Count, restore.Pending.Count));
        Assert.True(check.Restored);
        Assert.Equal((0, 8, "ACTIVE"), h.NodeGroup("compute-a"));
    }

    // A deleted group cannot be restored by anyone: it is reported, and must not hold the restore (and, through the
    // lease, every later workflow) back.
    [Fact]
    public async Task RestoreNodeGroups_SavedGroupDeleted_RestoresOthersAndReportsItMissing()
    {
        await using var h = await LeasedAsync(HandlerHarness.ManagedCluster());
        var clusterId = h.ClusterId();
        await ScaleDownAsync(h, clusterId);
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(10));
        var gone = h.NodeGroupId("compute-c");
        lock (h.Aws.State.Gate)
            h.Aws.State.Clusters[clusterId].NodeGroups.Remove(gone);

        var restore = await h.InvokeAsync<RestoreNodeGroupsResult>("RestoreNodeGroups", new { clusterId, executionArn = Run1 });
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(10));
        var check = await h.InvokeAsync<CheckNodeGroupsRestoredResult>("CheckNodeGroupsRestored", new { clusterId, executionArn = Run1 });

        Assert.Equal(2, restore.Updated.Count);
        Assert.Equal((0, 8, "ACTIVE"), h.NodeGroup("compute-a"));
        Assert.Equal((2, 2, "ACTIVE"), h.NodeGroup("compute-b"));
        Assert.True(check.Restored);
        Assert.Equal([gone], check.NodeGroupsMissing);
        Assert.Contains(h.Transcript, l => l.Contains(gone, StringComparison.Ordinal) && l.Contains("cannot be restored", StringComparison.Ordinal));
    }

    private static async Task<HandlerHarness> LeasedAsync(LocalAws.Scenarios.Scenario scenario)
    {
        var h = await HandlerHarness.StartAsync(scenario);
        await ClusterLeaseTests.AcquireAsync(h, h.ClusterId(), Run1);
        return h;
    }

    private static Task<ScaleNodeGroupsToZeroResult> ScaleDownAsync(HandlerHarness h, string clusterId) =>
        ClusterLeaseTests.ScaleDownAsync(h, clusterId, Run1);

    private static List<NodeGroupScaling> SavedScaling(HandlerHarness h, string clusterId) =>
        JsonSerializer.Deserialize<List<NodeGroupScaling>>(h.Lease(clusterId)!["savedScaling"], HandlerHarness.Json)!;
}

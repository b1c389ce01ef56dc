using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.NodeGroups;
using PcsAutomation.Functions.CapacityBlocks;
using PcsAutomation.Functions.Tests.Support;
using PcsAutomation.Functions.Workflows;
using static PcsAutomation.Functions.Tests.CapacityBlocks.Expiry;

namespace PcsAutomation.Functions.Tests.CapacityBlocks;

/// <summary>The expiry's mutating steps under the lease: records first and kept, queues read-change-write, the lease wait.</summary>
public class ExpiryStepsTests
{
    [Fact]
    public async Task ParkNodeGroups_RerunWithTheZeroItSetItself_KeepsTheFirstSavedScaling()
    {
        await using var h = await StartAsync();
        var work = await WorkAsync(h, ExpiringC);
        await h.InvokeAsync<ParkNodeGroupsResult>("ParkNodeGroups", new { clusterId = h.ClusterId("capacity"), executionArn = Run1, parked = work.Parked, nodeGroupIds = work.ParkNodeGroupIds });
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(5));
        var replanned = work.Parked[0] with { SavedScaling = work.Parked[0].SavedScaling with { MinInstanceCount = 0, MaxInstanceCount = 0 } };

        var again = await h.InvokeAsync<ParkNodeGroupsResult>("ParkNodeGroups", new { clusterId = h.ClusterId("capacity"), executionArn = Run1, parked = new[] { replanned }, nodeGroupIds = work.ParkNodeGroupIds });

        Assert.Empty(again.Updated); // already at 0/0
        Assert.Equal((0, 0, "ACTIVE"), h.NodeGroup("gpu-c", "capacity"));
        var plan = await PlanAsync(h, ExpiringC, nodeGroupIds: [h.NodeGroupId("gpu-c", "capacity")]);
        var record = Assert.Single(Assert.Single(plan.Expiry!.Clusters).Parked);
        Assert.Equal(new NodeGroupScaling(h.NodeGroupId("gpu-c", "capacity"), "gpu-c", 0, 2), record.SavedScaling); // the first save wins
    }

    [Fact]
    public async Task ParkNodeGroups_WithoutTheLease_LeaseLostAndNothingChanged()
    {
        await using var h = await StartAsync();
        var work = await WorkAsync(h, ExpiringC);

        await Assert.ThrowsAsync<LeaseLost>(() => h.InvokeAsync<ParkNodeGroupsResult>("ParkNodeGroups",
            new { clusterId = h.ClusterId("capacity"), executionArn = HandlerHarness.OtherExecutionArn, parked = work.Parked, nodeGroupIds = work.ParkNodeGroupIds }));

        Assert.Equal((0, 2, "ACTIVE"), h.NodeGroup("gpu-c", "capacity"));
    }

    [Fact]
    public async Task UpdateExpiryQueue_GroupAttachedSinceThePlan_StaysAndARetryWritesNothing()
    {
        await using var h = await StartAsync();
        var work = await WorkAsync(h, ExpiringC);
        var edit = Assert.Single(work.QueueEdits);
        SetQueue(h, "gpu-c", "gpu-c", "cpu", "gpu-b-fallback"); // an operator attached a group after the plan

        var first = await h.InvokeAsync<UpdateExpiryQueueResult>("UpdateExpiryQueue", new { clusterId = h.ClusterId("capacity"), executionArn = Run1, edit });
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(2));
        var retry = await h.InvokeAsync<UpdateExpiryQueueResult>("UpdateExpiryQueue", new { clusterId = h.ClusterId("capacity"), executionArn = Run1, edit });

        Assert.True(first.Updated);
        Assert.False(retry.Updated);
        Assert.Equal(["cpu", "gpu-b-fallback"], Queue(h, "gpu-c"));
    }

    [Fact]
    public async Task UpdateExpiryQueue_EditWouldEmptyTheQueueNow_RefusedAndNothingWritten()
    {
        await using var h = await StartAsync();
        var work = await WorkAsync(h, ExpiringC);
        SetQueue(h, "gpu-c", "gpu-c"); // cpu was detached by someone since the plan

        var e = await Assert.ThrowsAsync<CapacityBlockChangeFailed>(() =>
            h.InvokeAsync<UpdateExpiryQueueResult>("UpdateExpiryQueue", new { clusterId = h.ClusterId("capacity"), executionArn = Run1, edit = work.QueueEdits[0] }));

        Assert.Contains("without a node group", e.Message, StringComparison.Ordinal);
        Assert.Equal(["gpu-c"], Queue(h, "gpu-c"));
    }

    [Fact]
    public async Task ExpiryLeaseWait_HolderPastTheLatestStart_ExpiryLeaseNotFreeNamingIt()
    {
        await using var h = await StartAsync();
        var plan = await PlanAsync(h, ExpiringC);
        h.PutLease(h.ClusterId("capacity"), HandlerHarness.OtherExecutionArn, expiresIn: TimeSpan.FromHours(8));
        h.Aws.Clock.Advance(plan.Timing!.LatestStart - h.Aws.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));

        var e = await Assert.ThrowsAsync<ExpiryLeaseNotFree>(() => h.InvokeAsync<ExpiryLeaseWaitResult>("ExpiryLeaseWait",
            new { clusterId = h.ClusterId("capacity"), reservationId = ExpiringC, mode = "expire", timing = plan.Timing, attempt = 3 }));

        Assert.Contains(HandlerHarness.OtherExecutionArn, e.Message, StringComparison.Ordinal);
        Assert.Contains("cluster-secret-rotation", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiryLeaseWait_HolderBeforeTheLatestStart_WaitsTheRetryInterval()
    {
        await using var h = await StartAsync();
        var plan = await PlanAsync(h, ExpiringC);
        h.PutLease(h.ClusterId("capacity"), HandlerHarness.OtherExecutionArn);

        var wait = await h.InvokeAsync<ExpiryLeaseWaitResult>("ExpiryLeaseWait",
            new { clusterId = h.ClusterId("capacity"), reservationId = ExpiringC, mode = "expire", timing = plan.Timing, attempt = 0 });

        Assert.Equal((120, 1), (wait.WaitSeconds, wait.Attempt));
    }

    private static void SetQueue(HandlerHarness h, string queue, params string[] groups)
    {
        lock (h.Aws.State.Gate)
        {
            var cluster = h.Aws.State.FindCluster("capacity")!;
            cluster.Queues.Values.Single(q => q.Name == queue).ComputeNodeGroupIds = [.. groups.Select(g => cluster.FindNodeGroup(g)!.Id)];
        }
    }
}

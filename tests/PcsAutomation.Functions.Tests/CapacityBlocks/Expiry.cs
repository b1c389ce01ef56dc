using System.Globalization;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.CapacityBlocks;
using PcsAutomation.Functions.Tests.Support;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.Functions.Tests.CapacityBlocks;

/// <summary>
/// The expiry's steps on the emulator's <c>capacity</c> scenario (tools/PcsAutomation.LocalAws README): gpu-a on
/// <see cref="ExpiringA"/> (successor block tagged), gpu-b (fallback), gpu-c on <see cref="ExpiringC"/> (no policy,
/// queue gpu-c = [gpu-c, cpu]), gpu-d (its queue's only group), shared-a and shared-b on one block.
/// </summary>
internal static class Expiry
{
    public const string ExpiringA = "cr-0a000000000000001";
    public const string ExpiringC = "cr-0c000000000000001";
    public const string Shared = "cr-0e000000000000001";
    public const string Run1 = HandlerHarness.ExecutionArn;

    public static async Task<HandlerHarness> StartAsync(ScenarioDefinition? scenario = null, IReadOnlyDictionary<string, string>? variables = null)
    {
        var h = await HandlerHarness.StartAsync(scenario ?? ScenarioFile.Load("capacity"), variables);
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(5));
        return h;
    }

    public static DateTimeOffset EndOf(HandlerHarness h, string reservationId)
    {
        lock (h.Aws.State.Gate) return h.Aws.State.CapacityBlocks[reservationId].EndDate;
    }

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>PlanCapacityBlockExpiry as the state machine calls it; <paramref name="clusterId"/> asks for one cluster's work.</summary>
    public static Task<CapacityBlockExpiryPlan> PlanAsync(
        HandlerHarness h, string reservationId, string mode = "expire", string? endDate = null, IReadOnlyList<string>? nodeGroupIds = null, string? clusterId = null) =>
        h.InvokeAsync<CapacityBlockExpiryPlan>("PlanCapacityBlockExpiry",
            new { reservationId, endDate = endDate ?? Iso(EndOf(h, reservationId)), mode, trigger = "test", dryRun = false, nodeGroupIds, clusterId });

    public static Task<AcquireClusterLeaseResult> AcquireAsync(HandlerHarness h, string cluster = "capacity", string executionArn = Run1) =>
        h.InvokeAsync<AcquireClusterLeaseResult>("AcquireClusterLease", new { clusterId = h.ClusterId(cluster), executionArn, workflow = WorkflowKind.CapacityBlockExpiry.Name });

    /// <summary>The first plan, then the cluster's work under its lease (taken), as the state machine gets them.</summary>
    public static async Task<ClusterWork> WorkAsync(HandlerHarness h, string reservationId, string cluster = "capacity")
    {
        var plan = await PlanAsync(h, reservationId);
        await AcquireAsync(h, cluster);
        return (await PlanAsync(h, reservationId, nodeGroupIds: plan.NodeGroupIds, clusterId: h.ClusterId(cluster))).Cluster!;
    }

    /// <summary>A queue's node group names, in PCS's order.</summary>
    public static IReadOnlyList<string> Queue(HandlerHarness h, string queue, string cluster = "capacity")
    {
        lock (h.Aws.State.Gate)
        {
            var c = h.Aws.State.FindCluster(cluster)!;
            return [.. c.Queues.Values.Single(q => q.Name == queue).ComputeNodeGroupIds.Select(id => c.NodeGroups[id].Name)];
        }
    }
}

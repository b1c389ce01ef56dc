using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.NodeGroups;
using PcsAutomation.Domain.Rotation;
using PcsAutomation.Functions.Hosting;

namespace PcsAutomation.Functions.CapacityBlocks;

/// <summary>
/// Whether a rotation must wait for a Capacity Block expiry (<see cref="LeasePriority.Deferral"/>): one lease per cluster,
/// and an expiry cannot wait for it while a rotation can. Reads the cluster's usage of Capacity Blocks
/// (<see cref="CapacityFactsReader"/>: its groups, their launch template versions, the reservations EC2 lists now) and
/// takes the rotation's expected duration from <see cref="DowntimeEstimate"/> on the same read (its node groups and the
/// instances up), the figure the rotation's plan shows.
/// </summary>
internal sealed class RotationDeferral(CapacityFactsReader reader, CapacityBlockExpiryOptions options, TimeProvider time)
{
    public static RotationDeferral Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new RotationDeferral(CapacityFactsReader.Create(services), CapacityBlockSettings.FromEnvironment(services.GetVariable), services.Time);
    }

    /// <summary>Why the rotation of <paramref name="clusterId"/> must not start now, or null.</summary>
    public async Task<string?> ReasonAsync(string clusterId, CancellationToken cancellationToken)
    {
        var facts = await reader.ReadAsync([clusterId], cancellationToken).ConfigureAwait(false);
        var groups = facts.Clusters.Where(c => c.ClusterId == clusterId).SelectMany(c => c.NodeGroups).Count();
        var up = facts.Instances.Count(i => i.ClusterIdTag == clusterId && InstanceStates.IsUp(i.State));
        return LeasePriority.Deferral(time.GetUtcNow(), DowntimeEstimate.For(groups, up), BlocksOf(facts.Usage(), clusterId), options, "the rotation");
    }

    /// <summary>The Capacity Blocks the CAPACITY_BLOCK groups of <paramref name="clusterId"/> use, as EC2 lists them.</summary>
    public static IReadOnlyList<CapacityReservationFacts> BlocksOf(CapacityUsage usage, string clusterId)
    {
        ArgumentNullException.ThrowIfNull(usage);
        return [.. usage.Blocks
            .Where(b => b.Groups.Any(g => g.ClusterId == clusterId && g.Kind == UsageKinds.CapacityBlock))
            .Select(b => b.Reservation)
            .OfType<CapacityReservationFacts>()];
    }
}

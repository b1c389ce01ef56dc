using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.Configuration;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;

namespace PcsAutomation.Functions.CapacityBlocks;

/// <summary>An expiry plan and what it was made from (null plan: EC2 no longer lists the block, or it has no end date).</summary>
internal sealed record ExpiryReading(CapacityFacts Facts, CapacityReservationFacts? Block, IReadOnlyList<ParkedNodeGroup> Parked, ExpiryPlan? Plan);

/// <summary>A restore decision and what it was made from (null decision: EC2 no longer lists the block).</summary>
internal sealed record RestoreReading(CapacityFacts Facts, CapacityReservationFacts? Block, IReadOnlyList<ParkedNodeGroup> Parked, ParkedRestorePlan? Restore);

/// <summary>
/// The expiry's planning as AWS makes it: reads the facts (<see cref="CapacityFactsReader"/>) and the parked records
/// (the lease table), then the domain decides: <see cref="ExpiryPlanner"/> for an expiry, <see cref="ParkedRestore"/>
/// for a restore. One planning for the first plan, the re-read at action time, each cluster's plan under its lease and
/// the report (and for the CLI's plan). Read-only. Also the managed check: nothing without the managed tag is touched.
/// </summary>
internal sealed class CapacityExpiryPlanning(CapacityFactsReader reader, ClusterLeaseTable leases, AutomationDefaults defaults, CapacityBlockExpiryOptions options, TimeProvider time)
{
    public static CapacityExpiryPlanning Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new CapacityExpiryPlanning(
            CapacityFactsReader.Create(services), ClusterLeaseTable.Create(services), AutomationDefaults.FromEnvironment(services.GetVariable),
            CapacityBlockSettings.FromEnvironment(services.GetVariable), services.Time);
    }

    public CapacityFactsReader Reader => reader;

    public CapacityBlockExpiryOptions Options => options;

    public TimeProvider Time => time;

    /// <summary>The expiry plan of <paramref name="reservationId"/>; <paramref name="nodeGroupIds"/> are the first plan's groups (null: the groups using it now).</summary>
    public async Task<ExpiryReading> ExpireAsync(string reservationId, IReadOnlyList<string>? nodeGroupIds, CancellationToken cancellation)
    {
        var facts = await reader.ReadAsync(cancellation).ConfigureAwait(false);
        var parked = await leases.ListParkedAsync(cancellation).ConfigureAwait(false);
        return new ExpiryReading(facts, facts.Reservation(reservationId), parked, CapacityExpiryPlans.Expire(facts, reservationId, nodeGroupIds, parked, time.GetUtcNow(), options));
    }

    /// <summary>The restore of the groups parked for (or waiting for) <paramref name="reservationId"/>; only the clusters holding parked groups are read.</summary>
    public async Task<RestoreReading> RestoreAsync(string reservationId, CancellationToken cancellation)
    {
        var parked = await leases.ListParkedAsync(cancellation).ConfigureAwait(false);
        var facts = await reader.ReadAsync([.. parked.Select(p => p.ClusterId).Distinct(StringComparer.Ordinal)], cancellation).ConfigureAwait(false);
        var block = facts.Reservation(reservationId);
        var restore = block is null ? null : ParkedRestore.Decide(block, parked, facts.Clusters, facts.Templates);
        return new RestoreReading(facts, block, parked, restore);
    }

    /// <summary>Null when the workflow may act on the cluster; else why not (not managed, or an invalid pcs-automation tag, named).</summary>
    public string? Unmanaged(CapacityFacts facts, string clusterId) => CapacityExpiryPlans.Unmanaged(facts, clusterId, defaults);

    /// <summary>Deletes the parked records a restore is done with.</summary>
    public Task ForgetAsync(ParkedNodeGroup record, CancellationToken cancellation) => leases.ForgetParkedAsync(record, cancellation);
}

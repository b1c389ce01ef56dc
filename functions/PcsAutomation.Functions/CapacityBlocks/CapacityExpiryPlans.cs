using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.Configuration;

namespace PcsAutomation.Functions.CapacityBlocks;

/// <summary>
/// The expiry's planning over what was read, pure: the one assembly of <see cref="ExpiryPlanner"/>'s input and the
/// managed check, shared by the workflow's steps (<see cref="CapacityExpiryPlanning"/>) and the operator CLI
/// (<c>capacity-blocks list</c> and <c>plan</c>), so both plan the same way from the same reads.
/// </summary>
public static class CapacityExpiryPlans
{
    /// <summary>
    /// The plan of <paramref name="reservationId"/> at <paramref name="now"/>; null when EC2 does not list it or it has no
    /// end date. <paramref name="nodeGroupIds"/>: the first plan's groups (null: the groups using it now);
    /// <paramref name="parked"/>: the records earlier runs stored (they win over what is read).
    /// </summary>
    public static ExpiryPlan? Expire(
        CapacityFacts facts, string reservationId, IReadOnlyList<string>? nodeGroupIds, IReadOnlyList<ParkedNodeGroup> parked, DateTimeOffset now, CapacityBlockExpiryOptions options)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var block = facts.Reservation(reservationId);
        return block?.EndDate is null
            ? null
            : ExpiryPlanner.Plan(new ExpiryPlanInput(block, facts.Clusters, facts.Templates, facts.Reservations, facts.Instances, nodeGroupIds, parked, now, options));
    }

    /// <summary>Null when the workflow may act on the cluster; else why not (not managed, or an invalid pcs-automation tag, named).</summary>
    public static string? Unmanaged(CapacityFacts facts, string clusterId, AutomationDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(defaults);
        try
        {
            return ClusterTagConfiguration.Parse(facts.TagsOf(clusterId), defaults).IsManaged
                ? null
                : $"not tagged {defaults.ManagedTagKey}=true: the automation does not touch it";
        }
        catch (TagConfigurationException e)
        {
            return $"invalid tag {e.TagKey}: {e.Message}";
        }
    }
}

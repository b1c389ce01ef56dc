using PcsAutomation.Domain.CapacityBlocks;

namespace PcsAutomation.Cli.CapacityBlocks;

/// <summary>Everything the expiry reads about an account and Region, as domain records: what discovery and the planner take.</summary>
public sealed record CapacityFacts(
    IReadOnlyList<CapacityReservationFacts> Reservations,
    IReadOnlyList<CapacityClusterFacts> Clusters,
    IReadOnlyList<LaunchTemplateTarget> Templates,
    IReadOnlyList<ReservationInstance> Instances)
{
    public CapacityUsage Discover() => CapacityBlockDiscovery.Discover(Clusters, Templates, Reservations, Instances);

    /// <summary>The planner's input for <paramref name="block"/> on a first plan (no group list, no parked record yet).</summary>
    public ExpiryPlanInput PlanInput(CapacityReservationFacts block, DateTimeOffset now, CapacityBlockExpiryOptions options) =>
        new(block, Clusters, Templates, Reservations, Instances, null, [], now, options);
}

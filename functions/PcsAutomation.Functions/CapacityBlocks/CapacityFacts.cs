using PcsAutomation.Domain.CapacityBlocks;

namespace PcsAutomation.Functions.CapacityBlocks;

/// <summary>
/// What <see cref="CapacityFactsReader"/> read, as the domain takes it (<c>CapacityBlockDiscovery.Discover</c>,
/// <c>ExpiryPlanner.Plan</c>, <c>ParkedRestore.Decide</c>, <c>ExpiryReconciler.Decide</c>): the account's Capacity
/// Reservations, the clusters' compute node groups and queues, the launch template versions the Capacity Block groups
/// name, and the instances PCS tagged. <see cref="ClusterTags"/> holds each cluster's tags, by cluster id, for the
/// managed check (nothing without the managed tag is ever touched).
/// </summary>
public sealed record CapacityFacts(
    IReadOnlyList<CapacityReservationFacts> Reservations,
    IReadOnlyList<CapacityClusterFacts> Clusters,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ClusterTags,
    IReadOnlyList<LaunchTemplateTarget> Templates,
    IReadOnlyList<ReservationInstance> Instances)
{
    /// <summary>The usage map of these facts (pure).</summary>
    public CapacityUsage Usage() => CapacityBlockDiscovery.Discover(Clusters, Templates, Reservations, Instances);

    /// <summary>The reservation <paramref name="reservationId"/>, or null when EC2 did not list it.</summary>
    public CapacityReservationFacts? Reservation(string reservationId) => Reservations.FirstOrDefault(r => r.ReservationId == reservationId);

    /// <summary>The tags of cluster <paramref name="clusterId"/> (empty when unknown).</summary>
    public IReadOnlyDictionary<string, string> TagsOf(string clusterId) =>
        ClusterTags.TryGetValue(clusterId, out var tags) ? tags : new Dictionary<string, string>(StringComparer.Ordinal);
}

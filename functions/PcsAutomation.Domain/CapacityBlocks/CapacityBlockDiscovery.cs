using PcsAutomation.Domain.NodeGroups;

namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>
/// Which compute node groups use which reservation, from what the handlers read (pure mapping). A group uses a block
/// when its <c>purchaseOption</c> is CAPACITY_BLOCK (guide L3458) and its launch template version's
/// <c>CapacityReservationSpecification</c> targets it (guide L3437-3439, L3458-3464), or when its running instances
/// (tags <c>aws:pcs:cluster-id</c>, <c>aws:pcs:compute-node-group-id</c>: guide L3532-3536) run in it. Groups with
/// purchaseOption INTERRUPTIBLE_CAPACITY_RESERVATION (botocore model) are discovered the same way, kind interruptible.
/// Every broken constraint is a finding (<see cref="BlockConstraints"/>), never an exception.
/// </summary>
public static class CapacityBlockDiscovery
{
    public static CapacityUsage Discover(
        IReadOnlyList<CapacityClusterFacts> clusters,
        IReadOnlyList<LaunchTemplateTarget> templates,
        IReadOnlyList<CapacityReservationFacts> reservations,
        IReadOnlyList<ReservationInstance> instances)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(reservations);
        ArgumentNullException.ThrowIfNull(instances);

        var findings = new List<CapacityFinding>();
        var notes = new List<CapacityFinding>();
        var uses = new List<GroupUse>();
        foreach (var cluster in clusters)
        {
            foreach (var group in cluster.NodeGroups)
                uses.AddRange(UsesOf(cluster, group, templates, instances, findings, notes));
        }

        var byId = new Dictionary<string, CapacityReservationFacts>(StringComparer.Ordinal);
        foreach (var reservation in reservations)
            byId[reservation.ReservationId] = reservation;
        var blocks = uses
            .Where(u => u.ReservationId is not null)
            .GroupBy(u => u.ReservationId!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new BlockUse(g.Key, byId.GetValueOrDefault(g.Key), g.ToList()))
            .ToList();
        var groupsById = clusters.SelectMany(c => c.NodeGroups).GroupBy(g => g.NodeGroupId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var block in blocks)
            findings.AddRange(BlockConstraints.Check(block, groupsById));
        return new CapacityUsage(blocks, uses, findings, notes);
    }

    private static List<GroupUse> UsesOf(
        CapacityClusterFacts cluster, CapacityNodeGroupFacts group, IReadOnlyList<LaunchTemplateTarget> templates,
        IReadOnlyList<ReservationInstance> instances, List<CapacityFinding> findings, List<CapacityFinding> notes)
    {
        var kind = group.PurchaseOption switch
        {
            PurchaseOptions.CapacityBlock => UsageKinds.CapacityBlock,
            PurchaseOptions.InterruptibleCapacityReservation => UsageKinds.Interruptible,
            _ => null,
        };
        if (kind is null)
            return [];

        var template = templates.FirstOrDefault(t => t.Targets(group));
        var sources = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (template?.CapacityReservationId is { Length: > 0 } targeted)
            sources[targeted] = [UsageSources.LaunchTemplate];
        // guide L3532-3536: PCS tags every instance with its cluster and group ids; the group id alone is unique.
        foreach (var instance in instances.Where(i => i.NodeGroupIdTag == group.NodeGroupId && InstanceStates.IsUp(i.State) && !string.IsNullOrEmpty(i.CapacityReservationId)))
        {
            var seen = sources.TryGetValue(instance.CapacityReservationId!, out var list) ? list : sources[instance.CapacityReservationId!] = [];
            if (!seen.Contains(UsageSources.InstanceTags))
                seen.Add(UsageSources.InstanceTags);
        }

        TemplateFindings(cluster, group, kind, template, findings);
        if (sources.Count > 1)
        {
            findings.Add(new(FindingCodes.SeveralBlocks, "guide L3414, L3494-3496",
                $"node group {group.Describe()} of cluster {cluster.ClusterName} is on {sources.Count} reservations ({string.Join(", ", sources.Select(s => $"{s.Key} from {string.Join(" and ", s.Value)}"))}): a group uses one Capacity Block at a time",
                cluster.ClusterId, group.NodeGroupId));
        }
        if (kind == UsageKinds.Interruptible)
        {
            notes.Add(new(FindingCodes.Interruptible, "../shared/reference/botocore/pcs.service-2.json PurchaseOption",
                $"node group {group.Describe()} of cluster {cluster.ClusterName} runs on an interruptible Capacity Reservation ({(sources.Count == 0 ? "none named" : string.Join(", ", sources.Keys))}): reported, the expiry workflow does not act on it",
                cluster.ClusterId, group.NodeGroupId, sources.Keys.FirstOrDefault()));
        }

        GroupUse Use(string? id, IReadOnlyList<string> from) =>
            new(cluster.ClusterId, cluster.ClusterName, group.NodeGroupId, group.NodeGroupName, kind, id, from, group.MinInstanceCount, group.MaxInstanceCount);
        return sources.Count == 0 ? [Use(null, [])] : sources.Select(s => Use(s.Key, s.Value)).ToList();
    }

    private static void TemplateFindings(CapacityClusterFacts cluster, CapacityNodeGroupFacts group, string kind, LaunchTemplateTarget? template, List<CapacityFinding> findings)
    {
        var where = $"node group {group.Describe()} of cluster {cluster.ClusterName}: launch template {group.LaunchTemplateId} version {group.LaunchTemplateVersion}";
        if (template?.CapacityReservationResourceGroupArn is { Length: > 0 } arn)
        {
            findings.Add(new(FindingCodes.ReservationGroup, "guide L3415, L3494-3496",
                $"{where} targets the Capacity Reservation resource group {arn}: PCS supports one Capacity Block per group, not a reservation group",
                cluster.ClusterId, group.NodeGroupId));
            return;
        }
        if (kind != UsageKinds.CapacityBlock)
            return;
        if (template is null)
        {
            findings.Add(new(FindingCodes.NoReservationTarget, "guide L3437-3439",
                $"{where} could not be read: the group's block is known only from its instances", cluster.ClusterId, group.NodeGroupId));
            return;
        }
        if (string.IsNullOrEmpty(template.CapacityReservationId))
        {
            findings.Add(new(FindingCodes.NoReservationTarget, "guide L3437-3439",
                $"{where} names no CapacityReservationId: a CAPACITY_BLOCK group needs one", cluster.ClusterId, group.NodeGroupId));
        }
        if (!string.Equals(template.MarketType, LaunchTemplateTarget.CapacityBlockMarketType, StringComparison.Ordinal))
        {
            findings.Add(new(FindingCodes.MarketType, "guide L3437",
                $"{where} has InstanceMarketOptions.MarketType '{template.MarketType ?? "(none)"}', not capacity-block",
                cluster.ClusterId, group.NodeGroupId, template.CapacityReservationId));
        }
    }
}

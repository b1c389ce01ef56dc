using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.NodeGroups;

namespace PcsAutomation.Functions.CapacityBlocks;

/// <summary>
/// One cluster's part of the domain's plan as the state machine runs it (<see cref="ClusterWork"/>), and the facts its
/// notifications show. Plain mapping of the plan: which groups have a template switch or a scale-down left, the queue
/// edits with the groups named, the findings that concern the cluster. Also the check before the cluster's first
/// change: every launch template version a switch starts from still exists.
/// </summary>
internal static class ClusterWorks
{
    /// <summary>The expiry's work on <paramref name="clusterId"/> (nothing when the plan has no part for it).</summary>
    public static ClusterWork Expire(ExpiryPlan plan, CapacityFacts facts, string clusterId)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(facts);
        var cluster = facts.Clusters.FirstOrDefault(c => c.ClusterId == clusterId);
        var part = plan.Clusters.FirstOrDefault(c => c.ClusterId == clusterId);
        var groups = part?.Groups ?? [];
        var edits = part?.QueueEdits ?? [];
        var switches = groups.Where(g => g.Remaining.Contains(ExpirySteps.UpdateNodeGroupLaunchTemplate)).Select(g => g.NodeGroupId).ToList();
        var parks = groups.Where(g => g.Remaining.Contains(ExpirySteps.ScaleToZero)).Select(g => g.NodeGroupId).ToList();
        return new ClusterWork(
            clusterId, cluster?.ClusterName ?? part?.ClusterName ?? clusterId, CapacityBlockNotifications.ExpireMode,
            groups, [], edits, part?.Parked ?? [], switches, parks, switches.Count > 0, edits.Count > 0, parks.Count > 0,
            Facts(plan, CapacityBlockNotifications.ExpireMode, clusterId, cluster, groups, [], edits, null, null, part?.IsComplete() ?? true));
    }

    /// <summary>The restore's work on <paramref name="clusterId"/>: its groups with something left, and the queue edits.</summary>
    public static ClusterWork Restore(ParkedRestorePlan restore, CapacityReservationFacts block, CapacityFacts facts, string clusterId)
    {
        ArgumentNullException.ThrowIfNull(restore);
        ArgumentNullException.ThrowIfNull(facts);
        var cluster = facts.Clusters.FirstOrDefault(c => c.ClusterId == clusterId);
        var groups = restore.Groups.Where(g => g.ClusterId == clusterId).ToList();
        var edits = restore.QueueEdits.Where(e => e.ClusterId == clusterId).ToList();
        var changed = groups.Where(g => g.Remaining.Any(s => s != ExpirySteps.UpdateQueues)).Select(g => g.NodeGroupId).ToList();
        var findings = restore.Findings.Where(f => f.ClusterId is null || f.ClusterId == clusterId).ToList();
        return new ClusterWork(
            clusterId, cluster?.ClusterName ?? clusterId, CapacityBlockNotifications.RestoreMode,
            [], groups, edits, [], changed, [], changed.Count > 0, edits.Count > 0, false,
            new CapacityBlockNotificationFacts(
                CapacityBlockNotifications.RestoreMode, block.ReservationId, block.EndDate, null, null, null, groups, QueueFacts(cluster, edits, null), findings,
                null, null, groups.All(g => g.Remaining.Count == 0)));
    }

    /// <summary>
    /// The expiry's notification facts for one cluster: the block's times, the groups' actions, the queues (named; done
    /// when <paramref name="queuesNow"/> shows the planned list), the findings about the cluster or the whole block.
    /// </summary>
    public static CapacityBlockNotificationFacts Facts(
        ExpiryPlan plan, string mode, string clusterId, CapacityClusterFacts? cluster, IReadOnlyList<GroupExpiryAction> groups, IReadOnlyList<GroupRestore> restores,
        IReadOnlyList<QueueEdit> edits, IReadOnlyList<QueueFacts>? queuesNow, IReadOnlyList<NodeGroupScaling>? parked, bool complete)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var findings = plan.Findings.Where(f => f.ClusterId is null || f.ClusterId == clusterId).ToList();
        return new CapacityBlockNotificationFacts(
            mode, plan.ReservationId, plan.Timing.EndDate, plan.Timing.TerminationAt, plan.Timing.Deadline, groups, restores.Count == 0 ? null : restores,
            QueueFacts(cluster, edits, queuesNow), findings, parked, null, complete);
    }

    /// <summary>Each edit by name; done when the queue read now lists the planned groups (unknown when not read).</summary>
    public static IReadOnlyList<QueueChangeFact> QueueFacts(CapacityClusterFacts? cluster, IReadOnlyList<QueueEdit> edits, IReadOnlyList<QueueFacts>? queuesNow)
    {
        ArgumentNullException.ThrowIfNull(edits);
        string Name(string id) => cluster?.NodeGroups.FirstOrDefault(g => g.NodeGroupId == id)?.NodeGroupName ?? id;
        return [.. edits.Select(e => new QueueChangeFact(e.QueueId, e.QueueName, [.. e.Before.Select(Name)], [.. e.After.Select(Name)],
            queuesNow?.FirstOrDefault(q => q.QueueId == e.QueueId) is { } now && now.NodeGroupIds.SequenceEqual(e.After, StringComparer.Ordinal)))];
    }

    /// <summary>
    /// Before the cluster's first change: each launch template version a switch starts from must still exist (the reader
    /// reads every CAPACITY_BLOCK group's version; one it could not find is missing). Throws
    /// <see cref="LaunchTemplateMissing"/> naming each, so nothing is changed half way.
    /// </summary>
    public static void RequireTemplates(IEnumerable<(string NodeGroupName, string NodeGroupId, LaunchTemplateSwitch Switch)> switches, CapacityFacts facts, string clusterId)
    {
        ArgumentNullException.ThrowIfNull(switches);
        ArgumentNullException.ThrowIfNull(facts);
        var missing = switches
            .Where(s => !facts.Templates.Any(t => t.LaunchTemplateId == s.Switch.LaunchTemplateId && t.LaunchTemplateVersion == s.Switch.FromVersion))
            .Select(s => $"node group {s.NodeGroupName} ({s.NodeGroupId}): launch template {s.Switch.LaunchTemplateId} version {s.Switch.FromVersion}")
            .ToList();
        if (missing.Count > 0)
            throw new LaunchTemplateMissing(
                $"Cluster {clusterId}: {string.Join("; ", missing)} no longer exists (deleted?), so the move to block {string.Join(", ", switches.Select(s => s.Switch.ToReservationId).Distinct(StringComparer.Ordinal))} " +
                "cannot be made. Nothing was changed on this cluster: recreate the template or set the group's successor by hand (docs/runbooks/capacity-block-expiry.md).");
    }
}

using PcsAutomation.Domain.NodeGroups;
using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>Why parked groups come back (<see cref="ParkedRestore"/>).</summary>
public static class RestoreTriggers
{
    /// <summary>The block a group was parked for now ends later: an extension was paid (guide L3472-3476).</summary>
    public const string Extension = "extension";

    /// <summary>The successor named when the group was parked (a payment-pending successor-block tag) is usable now.</summary>
    public const string Successor = "successor";

    /// <summary>The group's launch template now names this block (an operator pointed it there).</summary>
    public const string Retargeted = "retargeted";
}

/// <summary>
/// One parked group put back: a new template version when it must move onto the block first, then its saved scaling,
/// then its queues. <paramref name="ParkedBy"/>: the expiry execution that parked it, whose Slurm drains of the group's
/// nodes the restore resumes once the nodes are back (a drain may outlive the nodes' absence).
/// </summary>
public sealed record GroupRestore(
    string ClusterId,
    string NodeGroupId,
    string NodeGroupName,
    string Trigger,
    NodeGroupScaling SavedScaling,
    LaunchTemplateSwitch? LaunchTemplate,
    IReadOnlyList<string> Remaining,
    string? ParkedBy = null);

/// <summary>
/// The restore decision for one reservation: the groups to put back, the queue edits (complete lists, only those that
/// change), the records to forget once done (restored, or whose group no longer exists) and the findings.
/// </summary>
public sealed record ParkedRestorePlan(
    string ReservationId,
    IReadOnlyList<GroupRestore> Groups,
    IReadOnlyList<QueueEdit> QueueEdits,
    IReadOnlyList<ParkedNodeGroup> Forget,
    IReadOnlyList<CapacityFinding> Findings)
{
    public bool IsEmpty() => Groups.Count == 0 && Forget.Count == 0;
}

/// <summary>
/// Puts back the groups the expiry parked once a block can carry them again: on <c>Delivered</c> for their successor
/// or for the block their template now names, or when the block they were parked for was extended (a paid extension
/// moves the end date, guide L3472-3476). The block must be scheduled or active (L3416) with room for the saved max
/// (L3459), of the group's instance type (L3464) and in one of its subnets' zones (L3460). Each group gets back exactly
/// its saved min/max (L2433) and its queues: the group put in its place by the expiry is replaced by it again (exact
/// restore) unless another group still parked relies on it there; a queue deleted since is reported.
/// </summary>
public static class ParkedRestore
{
    public static ParkedRestorePlan Decide(
        CapacityReservationFacts reservation, IReadOnlyList<ParkedNodeGroup> parked, IReadOnlyList<CapacityClusterFacts> clusters, IReadOnlyList<LaunchTemplateTarget> templates)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentNullException.ThrowIfNull(parked);
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(templates);
        var id = reservation.ReservationId;
        var restores = new List<(ParkedNodeGroup Record, GroupRestore Restore, CapacityClusterFacts Cluster)>();
        var forget = new List<ParkedNodeGroup>();
        var findings = new List<CapacityFinding>();
        foreach (var record in parked)
        {
            var cluster = clusters.FirstOrDefault(c => c.ClusterId == record.ClusterId);
            var group = cluster?.NodeGroups.FirstOrDefault(g => g.NodeGroupId == record.NodeGroupId);
            var current = group is null ? null : templates.FirstOrDefault(t => t.Targets(group))?.CapacityReservationId;
            var trigger = Trigger(record, reservation, current);
            if (trigger is null)
                continue;
            if (group is null)
            {
                findings.Add(Blocked(record, id, "no longer exists: its saved scaling cannot be restored; the record is dropped"));
                forget.Add(record);
                continue;
            }
            if (Problem(record, group, reservation, current, trigger) is { } problem)
            {
                findings.Add(Blocked(record, id, problem));
                continue;
            }
            var remaining = new List<string>();
            var move = current == id ? null : new LaunchTemplateSwitch(group.LaunchTemplateId, group.LaunchTemplateVersion, current, id);
            if (move is not null)
                remaining.AddRange([ExpirySteps.CreateLaunchTemplateVersion, ExpirySteps.UpdateNodeGroupLaunchTemplate]);
            if (!group.Scaling().SameCountsAs(record.SavedScaling))
                remaining.Add(ExpirySteps.RestoreScaling);
            restores.Add((record, new GroupRestore(record.ClusterId, record.NodeGroupId, record.NodeGroupName, trigger, record.SavedScaling, move, remaining,
                ExecutionNames.ForCapacityBlock(WorkflowKind.CapacityBlockExpiry, record.ReservationId, record.BlockEndDate)), cluster!));
        }

        var edits = QueueRestores(restores, parked, findings, id);
        var groups = restores.Select(r => edits.Touched.Contains(r.Record.NodeGroupId) ? r.Restore with { Remaining = [.. r.Restore.Remaining, ExpirySteps.UpdateQueues] } : r.Restore).ToList();
        forget.AddRange(restores.Select(r => r.Record));
        return new ParkedRestorePlan(id, groups, edits.Edits, forget, findings);
    }

    private static string? Trigger(ParkedNodeGroup record, CapacityReservationFacts reservation, string? current)
    {
        var id = reservation.ReservationId;
        if (record.ReservationId == id)
            return reservation.EndDate > record.BlockEndDate ? RestoreTriggers.Extension : null;
        if (record.SuccessorReservationId == id)
            return RestoreTriggers.Successor;
        return current == id ? RestoreTriggers.Retargeted : null;
    }

    private static string? Problem(ParkedNodeGroup record, CapacityNodeGroupFacts group, CapacityReservationFacts block, string? current, string trigger)
    {
        if (!block.IsCapacityBlock() || !block.IsUsable())
            return $"block {block.ReservationId} is {block.State} ({block.ReservationType}), not a scheduled or active Capacity Block (guide L3416)";
        if (trigger == RestoreTriggers.Extension && current != block.ReservationId)
            return $"its launch template now names {current ?? "no reservation"}, not the extended block {block.ReservationId}: left parked";
        if (record.SavedScaling.MaxInstanceCount > block.TotalInstanceCount)
            return $"its saved max {record.SavedScaling.MaxInstanceCount} is above the {block.TotalInstanceCount} instances of block {block.ReservationId} (guide L3459): left parked";
        if (!group.InstanceTypes.All(t => t == block.InstanceType))
            return $"it launches {string.Join(", ", group.InstanceTypes)}, block {block.ReservationId} holds {block.InstanceType} (guide L3464): left parked";
        if (!group.SubnetAvailabilityZones.Contains(block.AvailabilityZone, StringComparer.Ordinal))
            return $"block {block.ReservationId} is in {block.AvailabilityZone}, not in its subnets' zones (guide L3460): left parked";
        return null;
    }

    private static (IReadOnlyList<QueueEdit> Edits, HashSet<string> Touched) QueueRestores(
        List<(ParkedNodeGroup Record, GroupRestore Restore, CapacityClusterFacts Cluster)> restores, IReadOnlyList<ParkedNodeGroup> parked,
        List<CapacityFinding> findings, string reservationId)
    {
        var restoredIds = restores.Select(r => r.Record.NodeGroupId).ToHashSet(StringComparer.Ordinal);
        var lists = new Dictionary<string, (QueueFacts Queue, IReadOnlyList<string> List)>(StringComparer.Ordinal);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (record, _, cluster) in restores)
        {
            foreach (var membership in record.Queues.OrderBy(m => m.Position))
            {
                var queue = cluster.Queues.FirstOrDefault(q => q.QueueId == membership.QueueId);
                if (queue is null)
                {
                    findings.Add(Blocked(record, reservationId, $"queue {membership.QueueName} ({membership.QueueId}) no longer exists: not re-attached there") with { QueueId = membership.QueueId });
                    continue;
                }
                var list = lists.TryGetValue(queue.QueueId, out var seen) ? seen.List : queue.NodeGroupIds;
                // The group the expiry put in its place goes again, unless a group still parked relies on it in this queue.
                var stillNeeded = parked.Any(p => !restoredIds.Contains(p.NodeGroupId) && p.Queues.Any(q => q.QueueId == queue.QueueId && q.AttachedNodeGroupId == membership.AttachedNodeGroupId));
                var after = membership.AttachedNodeGroupId is { } attached && !stillNeeded && list.Contains(attached, StringComparer.Ordinal)
                    ? QueueEdits.Replace(list, attached, record.NodeGroupId)
                    : QueueEdits.AttachAt(list, record.NodeGroupId, membership.Position);
                if (!after.SequenceEqual(list, StringComparer.Ordinal))
                    touched.Add(record.NodeGroupId);
                lists[queue.QueueId] = (queue, after);
            }
        }
        var edits = lists.Values
            .Select(v => new QueueEdit(v.Queue.ClusterId, v.Queue.QueueId, v.Queue.QueueName, v.Queue.NodeGroupIds, v.List))
            .Where(e => e.Changes())
            .OrderBy(e => e.QueueName, StringComparer.Ordinal)
            .ToList();
        return (edits, touched);
    }

    private static CapacityFinding Blocked(ParkedNodeGroup record, string reservationId, string problem) =>
        new(FindingCodes.RestoreBlocked, "guide L2433", $"parked node group {record.NodeGroupName} ({record.NodeGroupId}) {problem}", record.ClusterId, record.NodeGroupId, reservationId);
}

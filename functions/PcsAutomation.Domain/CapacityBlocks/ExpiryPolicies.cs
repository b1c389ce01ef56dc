using PcsAutomation.Domain.Configuration;

namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>
/// The policy of one group, first usable wins: what the operator asked for a successor
/// (<c>pcs-automation:successor-block</c>, a reservation id; then <c>pcs-automation:successor-node-group</c>), else a
/// successor block found by <see cref="SuccessorBlockSearch"/> (only when no successor-block tag is set: an explicit
/// block is never swapped for a guessed one), else the failover <c>pcs-automation:fallback-node-group</c>, else wind
/// down. Every tag present is validated; an unusable one is a <see cref="FindingCodes.PolicyTag"/> problem naming the
/// tag, the group and the value, and the next policy applies.
/// </summary>
public static class ExpiryPolicies
{
    /// <summary>The policy, with the instances already promised on each reservation computed from <paramref name="usage"/> (this group excluded).</summary>
    public static ExpiryPolicy Decide(
        CapacityNodeGroupFacts group, CapacityClusterFacts cluster, CapacityReservationFacts expiring, IReadOnlyList<CapacityReservationFacts> reservations, CapacityUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        ArgumentNullException.ThrowIfNull(group);
        return Decide(group, cluster, expiring, reservations, usage, Committed(usage, group.NodeGroupId));
    }

    /// <param name="committed">Instances already promised per reservation id (other users' maxima and moves planned so far), this group excluded.</param>
    public static ExpiryPolicy Decide(
        CapacityNodeGroupFacts group, CapacityClusterFacts cluster, CapacityReservationFacts expiring,
        IReadOnlyList<CapacityReservationFacts> reservations, CapacityUsage usage, IReadOnlyDictionary<string, int> committed)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(expiring);
        ArgumentNullException.ThrowIfNull(reservations);
        ArgumentNullException.ThrowIfNull(usage);
        ArgumentNullException.ThrowIfNull(committed);
        var problems = new List<CapacityFinding>();
        var notes = new List<CapacityFinding>();

        // Every tag present is checked, used or not: a broken fallback is reported before the day it is needed.
        var blockTagged = group.Tags.TryGetValue(TagKeys.SuccessorBlock, out var blockTag);
        var (block, isPending) = blockTagged ? CheckSuccessorBlock(group, expiring, reservations, committed, blockTag!, problems) : (null, false);
        var pending = isPending ? blockTag : null;
        var successor = Replacement(group, cluster, expiring, reservations, usage, TagKeys.SuccessorNodeGroup, problems);
        var fallback = Replacement(group, cluster, expiring, reservations, usage, TagKeys.FallbackNodeGroup, problems);

        if (block is not null)
        {
            notes.AddRange(SuccessorNotes(group, expiring, block, committed));
            return new(ExpiryActions.SuccessorBlock, $"tag {TagKeys.SuccessorBlock}: moves to block {block.Describe()}", block.ReservationId, null, null, null, problems, notes);
        }
        if (successor is { } next)
        {
            notes.AddRange(next.Notes);
            return new(ExpiryActions.SuccessorNodeGroup, $"tag {TagKeys.SuccessorNodeGroup}: node group {next.Group.Describe()} takes its place in its queues", null, next.Group.NodeGroupId, next.Group.NodeGroupName, pending, problems, notes);
        }

        // An explicit successor-block tag is never swapped for a block found here, even when it cannot be followed.
        if (!blockTagged)
        {
            var (found, gap) = SuccessorBlockSearch.Find(group, expiring, reservations, committed);
            if (gap is not null)
                problems.Add(gap);
            if (found is not null)
            {
                notes.AddRange(SuccessorNotes(group, expiring, found, committed));
                return new(ExpiryActions.SuccessorBlock, $"successor found: block {found.Describe()} (same instance type and Availability Zone, room for max {group.MaxInstanceCount})", found.ReservationId, null, null, null, problems, notes);
            }
        }

        if (fallback is { } failover)
        {
            notes.AddRange(failover.Notes);
            return new(ExpiryActions.Failover, $"tag {TagKeys.FallbackNodeGroup}: node group {failover.Group.Describe()} takes its place in its queues", null, failover.Group.NodeGroupId, failover.Group.NodeGroupName, pending, problems, notes);
        }

        var why = problems.Count > 0 ? "no usable successor or fallback (see findings)" : "no successor block, successor node group or fallback node group";
        return new(ExpiryActions.WindDown, $"{why}: scaled to 0 and detached before EC2 terminates its instances", null, null, null, pending, problems, notes);
    }

    /// <summary>Instances promised per reservation: the maxima of the groups using it, <paramref name="excludedNodeGroupId"/> excluded.</summary>
    public static Dictionary<string, int> Committed(CapacityUsage usage, string? excludedNodeGroupId)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var committed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var use in usage.Groups.Where(u => u.ReservationId is not null && u.NodeGroupId != excludedNodeGroupId))
            committed[use.ReservationId!] = committed.GetValueOrDefault(use.ReservationId!) + use.MaxInstanceCount;
        return committed;
    }

    private static (CapacityReservationFacts? Block, bool Pending) CheckSuccessorBlock(
        CapacityNodeGroupFacts group, CapacityReservationFacts expiring, IReadOnlyList<CapacityReservationFacts> reservations,
        IReadOnlyDictionary<string, int> committed, string value, List<CapacityFinding> problems)
    {
        string? problem = null;
        var block = reservations.FirstOrDefault(r => r.ReservationId == value);
        if (!ReservationIds.IsValid(value))
            problem = $"is not a Capacity Reservation id: {ReservationIds.Expected}";
        else if (value == expiring.ReservationId)
            problem = "names the expiring block itself";
        else if (block is null)
            problem = "is not among this account's Capacity Reservations in this Region";
        else if (!block.IsCapacityBlock())
            problem = $"has reservation type '{block.ReservationType}', not capacity-block";
        else if (block.State == CapacityReservationStates.PaymentPending)
        {
            problems.Add(Problem(group, TagKeys.SuccessorBlock, value, "is payment-pending, not scheduled or active yet (L3468-3470): the group is wound down and restored onto it once it is delivered", "guide L3416, L3468-3470", expiring));
            return (null, true);
        }
        else if (!block.IsUsable())
            problem = $"is {block.State}, not scheduled or active (L3416)";
        else if (!group.InstanceTypes.All(t => t == block.InstanceType))
            problem = $"holds {block.InstanceType}, not the group's {string.Join(", ", group.InstanceTypes)}: a group's instance type cannot change, use {TagKeys.SuccessorNodeGroup} with a group of that type (L3464)";
        else if (!group.SubnetAvailabilityZones.Contains(block.AvailabilityZone, StringComparer.Ordinal))
            problem = $"is in {block.AvailabilityZone}, not among the group's subnets' zones {string.Join(", ", group.SubnetAvailabilityZones)} (L3460)";
        else if (block.TotalInstanceCount < group.MaxInstanceCount)
            problem = $"holds {block.TotalInstanceCount} instances, fewer than the group's max {group.MaxInstanceCount} (L3459)";
        else if (block.EndDate is not { } end || end <= expiring.EndDate)
            problem = $"ends at {(block.EndDate is { } e ? Times.Format(e) : "no date")}, not after the expiring block ({(expiring.EndDate is { } x ? Times.Format(x) : "no date")})";
        if (problem is not null)
        {
            problems.Add(Problem(group, TagKeys.SuccessorBlock, value, problem, "guide L3413-3416, L3457-3464", expiring));
            return (null, false);
        }
        return (block, false);
    }

    private static IEnumerable<CapacityFinding> SuccessorNotes(CapacityNodeGroupFacts group, CapacityReservationFacts expiring, CapacityReservationFacts block, IReadOnlyDictionary<string, int> committed)
    {
        if (block.StartDate is { } start && expiring.EndDate is { } end && start > end)
            yield return new(FindingCodes.SuccessorGap, "guide L3519",
                $"block {block.ReservationId} starts at {Times.Format(start)}, {Times.Format(start - end)} after block {expiring.ReservationId} ends: node group {group.Describe()} has no capacity in between",
                group.ClusterId, group.NodeGroupId, block.ReservationId);
        if (block.State == CapacityReservationStates.Scheduled)
            yield return new(FindingCodes.ScheduledMaint, "guide L3514-3529",
                $"block {block.ReservationId} is scheduled: until it starts, Slurm holds node group {group.NodeGroupName}'s nodes in the maint reservation {group.NodeGroupName}-scheduled; not a fault",
                group.ClusterId, group.NodeGroupId, block.ReservationId);
        var promised = committed.GetValueOrDefault(block.ReservationId) + group.MaxInstanceCount;
        if (promised > block.TotalInstanceCount)
            yield return new(FindingCodes.CapacityExceeded, "guide L3532-3558",
                $"block {block.ReservationId} holds {block.TotalInstanceCount} instances and {promised} are promised with node group {group.Describe()}: launches may fail with ReservationCapacityExceeded",
                group.ClusterId, group.NodeGroupId, block.ReservationId);
    }

    /// <summary>The group a successor-node-group or fallback tag names when usable, with the notes about its block; null when the tag is absent or unusable.</summary>
    private static (CapacityNodeGroupFacts Group, IReadOnlyList<CapacityFinding> Notes)? Replacement(
        CapacityNodeGroupFacts group, CapacityClusterFacts cluster, CapacityReservationFacts expiring, IReadOnlyList<CapacityReservationFacts> reservations,
        CapacityUsage usage, string tag, List<CapacityFinding> problems)
    {
        if (!group.Tags.TryGetValue(tag, out var value))
            return null;
        var other = string.IsNullOrWhiteSpace(value) ? null : cluster.FindGroup(value);
        var otherBlock = other is null ? null : usage.Groups.FirstOrDefault(u => u.NodeGroupId == other.NodeGroupId && u.ReservationId is not null)?.ReservationId;
        var reservation = otherBlock is null ? null : reservations.FirstOrDefault(r => r.ReservationId == otherBlock);
        string? problem = null;
        if (other is null)
            problem = $"names no node group of cluster {cluster.ClusterName} (it has {string.Join(", ", cluster.NodeGroups.Select(g => g.NodeGroupName))})";
        else if (other.NodeGroupId == group.NodeGroupId)
            problem = "names the group itself";
        else if (otherBlock == expiring.ReservationId)
            problem = $"names {other.Describe()}, which is on the same expiring block {expiring.ReservationId}";
        else if (other.Status != "ACTIVE")
            problem = $"names {other.Describe()}, which is {other.Status}, not ACTIVE";
        else if (reservation is not null && reservation.IsCapacityBlock() && !reservation.IsUsable())
            problem = $"names {other.Describe()}, whose block {reservation.ReservationId} is {reservation.State} (L3416)";
        else if (reservation?.EndDate is { } otherEnd && expiring.EndDate is { } end && otherEnd <= end)
            problem = $"names {other.Describe()}, whose block {reservation.ReservationId} ends at {Times.Format(otherEnd)}, no later than the expiring one";
        if (problem is not null)
        {
            problems.Add(Problem(group, tag, value, problem, "guide L3486-3488", expiring));
            return null;
        }
        var notes = reservation is not null && reservation.IsCapacityBlock()
            ? SuccessorNotes(other!, expiring, reservation, new Dictionary<string, int>()).Where(n => n.Code != FindingCodes.CapacityExceeded).ToList()
            : [];
        return (other!, notes);
    }

    private static CapacityFinding Problem(CapacityNodeGroupFacts group, string tag, string value, string problem, string source, CapacityReservationFacts expiring) =>
        new(FindingCodes.PolicyTag, source, $"node group {group.Describe()}: tag {tag}='{ReservationIds.Clip(value)}' {problem}", group.ClusterId, group.NodeGroupId, expiring.ReservationId);
}

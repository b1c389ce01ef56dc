namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>
/// Looks for a successor block when a group has no <c>pcs-automation:successor-block</c> tag: a Capacity Block
/// (<c>capacity-block</c>), <c>scheduled</c> or <c>active</c> (guide L3416, L3457), of the expiring block's instance
/// type (a group's type cannot change, L3464) and Availability Zone (L3460), ending after the expiring block, with
/// room for the group's max once the maxima of its other users (and of the moves planned so far) are counted
/// (L3459, L3490-3492), and starting no later than the expiring block's end. Among those, the one ending last, then
/// the smaller id. A candidate that starts later leaves a gap without capacity: it is not chosen, a finding names it.
/// </summary>
public static class SuccessorBlockSearch
{
    /// <param name="committed">Instances already promised per reservation id (the other users' maxima and the planned moves), this group excluded.</param>
    public static (CapacityReservationFacts? Successor, CapacityFinding? Gap) Find(
        CapacityNodeGroupFacts group, CapacityReservationFacts expiring, IReadOnlyList<CapacityReservationFacts> reservations, IReadOnlyDictionary<string, int> committed)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(expiring);
        ArgumentNullException.ThrowIfNull(reservations);
        ArgumentNullException.ThrowIfNull(committed);
        var end = expiring.EndDate ?? DateTimeOffset.MaxValue;
        var fitting = reservations
            .Where(r => r.ReservationId != expiring.ReservationId && r.IsCapacityBlock() && r.IsUsable())
            .Where(r => r.InstanceType == expiring.InstanceType && r.AvailabilityZone == expiring.AvailabilityZone)
            .Where(r => r.EndDate is { } e && e > end)
            .Where(r => r.TotalInstanceCount - committed.GetValueOrDefault(r.ReservationId) >= group.MaxInstanceCount)
            .ToList();
        var successor = fitting
            .Where(r => (r.StartDate ?? DateTimeOffset.MinValue) <= end)
            .OrderByDescending(r => r.EndDate)
            .ThenBy(r => r.ReservationId, StringComparer.Ordinal)
            .FirstOrDefault();
        if (successor is not null)
            return (successor, null);
        var later = fitting.OrderBy(r => r.StartDate).ThenBy(r => r.ReservationId, StringComparer.Ordinal).FirstOrDefault();
        if (later is null)
            return (null, null);
        return (null, new CapacityFinding(FindingCodes.SuccessorGap, "guide L3427, L3519",
            $"block {later.ReservationId} ({later.InstanceType}, {later.AvailabilityZone}) starts at {Times.Format(later.StartDate!.Value)}, {Times.Format(later.StartDate.Value - end)} after block {expiring.ReservationId} ends: not chosen automatically for node group {group.Describe()}; tag it {Configuration.TagKeys.SuccessorBlock}={later.ReservationId} to move to it (its nodes wait in a maint reservation until it starts)",
            group.ClusterId, group.NodeGroupId, expiring.ReservationId));
    }
}

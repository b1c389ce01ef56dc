using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>An expiry execution to start: its name (one per reservation and end date) and what it covers.</summary>
public sealed record ExpiryStart(string ReservationId, DateTimeOffset EndDate, string ExecutionName, IReadOnlyList<string> ClusterIds, IReadOnlyList<string> NodeGroupIds);

/// <summary>A reservation the reconciler leaves alone, and why.</summary>
public sealed record ReservationSkip(string ReservationId, string Reason);

public sealed record ExpiryReconcileDecision(IReadOnlyList<ExpiryStart> Start, IReadOnlyList<ReservationSkip> Skipped);

/// <summary>
/// The scheduled reconciler's decision, the trigger that never misses (EC2's events are best effort,
/// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/capacity-blocks-monitor.html): from every Capacity Reservation
/// (DescribeCapacityReservations), the usage map and now, start the expiry workflow for each Capacity Block in use by
/// a CAPACITY_BLOCK group and ending within the horizon. The execution name comes from the reservation id and its end
/// date, so the same block and end start once however often the schedule runs, and an extension gives a new name.
/// Skipped, with a reason: other reservation types, no end date, already expired, beyond the horizon, unused. The usage
/// map holds managed clusters only (the handlers leave the others out: nothing without the opt-in tag is touched).
/// </summary>
public static class ExpiryReconciler
{
    public static ExpiryReconcileDecision Decide(
        IReadOnlyList<CapacityReservationFacts> reservations, CapacityUsage usage, DateTimeOffset now, CapacityBlockExpiryOptions options)
    {
        ArgumentNullException.ThrowIfNull(reservations);
        ArgumentNullException.ThrowIfNull(usage);
        ArgumentNullException.ThrowIfNull(options);
        var start = new List<ExpiryStart>();
        var skipped = new List<ReservationSkip>();
        foreach (var reservation in reservations.OrderBy(r => r.ReservationId, StringComparer.Ordinal))
        {
            var id = reservation.ReservationId;
            var users = usage.GroupsOf(id).Where(u => u.Kind == UsageKinds.CapacityBlock).ToList();
            if (NotDue(reservation, now, options) is { } reason)
                skipped.Add(new(id, reason));
            else if (users.Count == 0)
                skipped.Add(new(id, "no CAPACITY_BLOCK node group uses it"));
            else
            {
                var end = reservation.EndDate!.Value;
                start.Add(new(id, end, ExecutionNames.ForCapacityBlock(WorkflowKind.CapacityBlockExpiry, id, end),
                    users.Select(u => u.ClusterId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                    users.Select(u => u.NodeGroupId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()));
            }
        }
        return new ExpiryReconcileDecision(start, skipped);
    }

    /// <summary>
    /// The reservations <see cref="Decide"/> would start if a group used them: Capacity Blocks not over, ending within
    /// the horizon, by id. Only these need the usage map (the clusters' reads); when the execution of each is known to
    /// exist already, a run can leave the clusters unread.
    /// </summary>
    public static IReadOnlyList<CapacityReservationFacts> Candidates(IReadOnlyList<CapacityReservationFacts> reservations, DateTimeOffset now, CapacityBlockExpiryOptions options)
    {
        ArgumentNullException.ThrowIfNull(reservations);
        ArgumentNullException.ThrowIfNull(options);
        return [.. reservations.Where(r => NotDue(r, now, options) is null).OrderBy(r => r.ReservationId, StringComparer.Ordinal)];
    }

    /// <summary>Why the reservation is not a block to expire now, whoever uses it; null when it is one.</summary>
    private static string? NotDue(CapacityReservationFacts reservation, DateTimeOffset now, CapacityBlockExpiryOptions options)
    {
        if (!reservation.IsCapacityBlock())
            return $"reservation type {reservation.ReservationType}, not capacity-block";
        if (reservation.EndDate is not { } end)
            return "no end date";
        if (CapacityReservationStates.IsOver(reservation.State) || end <= now)
            return $"already over ({reservation.State}, end {Times.Format(end)})";
        return end - now > options.Horizon
            ? $"ends at {Times.Format(end)}, beyond the {Times.Format(options.Horizon)} horizon: started from {Times.Format(end - options.Horizon)}"
            : null;
    }
}

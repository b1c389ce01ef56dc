using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>What the event router does with a Capacity Block event.</summary>
public static class EventActions
{
    /// <summary>Start the block's expiry execution (the reconciler's name: a duplicate start is a no-op).</summary>
    public const string CatchUp = "catch-up";

    /// <summary>Run <see cref="ParkedRestore"/> for the delivered block.</summary>
    public const string Restore = "restore";

    /// <summary>Ours and valid, but nothing to do (logged).</summary>
    public const string Ignore = "ignore";

    /// <summary>Not about a Capacity Block this account knows (logged, nothing changes).</summary>
    public const string Reject = "reject";
}

/// <param name="ExecutionName">For <see cref="EventActions.CatchUp"/>: the execution to start.</param>
/// <param name="EndDate">The end date EC2 gives now (the name's), when known.</param>
public sealed record CapacityBlockEventDecision(string Action, string Reason, string? ReservationId, string? ExecutionName, DateTimeOffset? EndDate);

/// <summary>
/// What a validated event leads to. Events only confirm or catch up, they are never the only trigger (best effort:
/// capacity-blocks-monitor.html); the decision reads EC2's answer for the reservation, not the event's dates.
/// A warning or an interruption warning starts the same execution the reconciler would (same name from the
/// reservation id and EC2's end date: a duplicate is a no-op); a delivery restores the groups parked for that block
/// or waiting for it as their successor. An unknown reservation is rejected.
/// </summary>
public static class CapacityBlockEventPolicy
{
    /// <param name="reservation">EC2's reservation named by the event (for an interruption warning: the one the instance runs in); null when EC2 knows none.</param>
    /// <param name="inUse">Whether a CAPACITY_BLOCK node group uses it (the usage map).</param>
    /// <param name="parkedForIt">Whether parked records name it (as their block or their successor).</param>
    public static CapacityBlockEventDecision Decide(CapacityBlockEvent capacityEvent, CapacityReservationFacts? reservation, bool inUse, bool parkedForIt)
    {
        ArgumentNullException.ThrowIfNull(capacityEvent);
        var named = capacityEvent.ReservationId ?? reservation?.ReservationId;
        if (reservation is null)
        {
            return new(EventActions.Reject, capacityEvent.Kind == CapacityBlockEventKinds.InterruptionWarning
                ? $"instance {capacityEvent.InstanceId} runs in no Capacity Reservation known in {capacityEvent.Region}"
                : $"unknown reservation {named}: not among this account's Capacity Reservations in {capacityEvent.Region}", named, null, null);
        }
        if (capacityEvent.ReservationId is { } id && id != reservation.ReservationId)
            throw new ArgumentException($"the event names {id} but the reservation read is {reservation.ReservationId}", nameof(reservation));
        if (!reservation.IsCapacityBlock())
        {
            return capacityEvent.Kind == CapacityBlockEventKinds.InterruptionWarning
                ? new(EventActions.Ignore, $"instance {capacityEvent.InstanceId} runs in {reservation.ReservationId}, a {reservation.ReservationType} reservation, not a Capacity Block: not this workflow's", named, null, reservation.EndDate)
                : new(EventActions.Reject, $"reservation {named} has type {reservation.ReservationType}, not capacity-block", named, null, reservation.EndDate);
        }

        var moved = capacityEvent.EndDate is { } sent && reservation.EndDate is { } now && sent != now ? $" (the event says {capacityEvent.EndDateText}; EC2 now says {Times.Format(now)})" : "";
        if (capacityEvent.Kind == CapacityBlockEventKinds.Delivered)
        {
            return parkedForIt
                ? new(EventActions.Restore, $"block {named} delivered: restore the groups parked for it{moved}", named, null, reservation.EndDate)
                : new(EventActions.Ignore, $"block {named} delivered: no group was parked for it", named, null, reservation.EndDate);
        }
        if (!inUse)
            return new(EventActions.Ignore, $"{capacityEvent.DetailType} for block {named}: no CAPACITY_BLOCK node group uses it", named, null, reservation.EndDate);
        if (reservation.EndDate is not { } end)
            return new(EventActions.Reject, $"block {named} has no end date", named, null, null);
        var name = ExecutionNames.ForCapacityBlock(WorkflowKind.CapacityBlockExpiry, reservation.ReservationId, end);
        return new(EventActions.CatchUp, $"{capacityEvent.DetailType} for block {named} ending {Times.Format(end)}{moved}: start {name} (a no-op when the reconciler already did)", named, name, end);
    }
}

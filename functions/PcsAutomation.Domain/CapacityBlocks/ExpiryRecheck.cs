using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>What the workflow does after re-reading the reservation at action time (<see cref="ExpiryRecheck"/>).</summary>
public static class RecheckOutcomes
{
    /// <summary>Plan again and act.</summary>
    public const string Act = "act";

    /// <summary>The end moved later (a paid extension): this run stops; the run for the new end date (another name) takes over.</summary>
    public const string Superseded = "superseded";

    /// <summary>Nothing to do: the block is gone, or everything is already applied.</summary>
    public const string NothingDue = "nothing-due";
}

/// <param name="NewEndDate">The end date read now when it differs from the planned one.</param>
/// <param name="NewExecutionName">For <see cref="RecheckOutcomes.Superseded"/>: the execution of the new end date (the reconciler starts it; starting it here too is harmless, the name makes it one).</param>
public sealed record ExpiryRecheckDecision(string Outcome, string Reason, DateTimeOffset? NewEndDate, string? NewExecutionName);

/// <summary>
/// The re-read rule at action time. An extension moves <c>EndDate</c> only once paid; a failed payment keeps the old
/// date and the block stays active until then (guide L3472-3476). So: the reservation gone → nothing due; its end
/// later than planned → superseded (the run for the new end, named by <see cref="ExecutionNames.ForCapacityBlock"/>,
/// acts then; groups this run already parked are restored by <see cref="ParkedRestore"/>); every action already
/// applied (<paramref name="nothingLeft"/>, the plan's <see cref="ExpiryPlan.IsComplete"/>) → nothing due, expired or
/// not; otherwise act, also after the end when groups still point at the block (a queue must not keep an expired group).
/// </summary>
public static class ExpiryRecheck
{
    public static ExpiryRecheckDecision Decide(string reservationId, DateTimeOffset plannedEndDate, CapacityReservationFacts? current, bool nothingLeft, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(reservationId);
        if (current is null)
            return new(RecheckOutcomes.NothingDue, $"reservation {reservationId} is no longer listed by EC2: nothing to act on", null, null);
        if (current.EndDate is not { } end)
            return new(RecheckOutcomes.NothingDue, $"reservation {reservationId} has no end date any more: it does not expire", null, null);
        if (end > plannedEndDate)
        {
            var name = ExecutionNames.ForCapacityBlock(WorkflowKind.CapacityBlockExpiry, reservationId, end);
            return new(RecheckOutcomes.Superseded,
                $"block {reservationId} now ends at {Times.Format(end)}, not {Times.Format(plannedEndDate)}: the extension is paid (guide L3472-3476); execution {name} handles the new end",
                end, name);
        }
        if (nothingLeft)
        {
            var state = CapacityReservationStates.IsOver(current.State) || now >= end ? $"{current.State}, ended {Times.Format(end)}" : current.State;
            return new(RecheckOutcomes.NothingDue, $"block {reservationId} ({state}): every action is already applied", null, null);
        }
        var reason = end < plannedEndDate
            ? $"block {reservationId} now ends at {Times.Format(end)}, earlier than planned ({Times.Format(plannedEndDate)}): act now on the new date"
            : $"block {reservationId} still ends at {Times.Format(end)} ({current.State}): act";
        return new(RecheckOutcomes.Act, reason, end == plannedEndDate ? null : end, null);
    }
}

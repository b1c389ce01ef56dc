namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>What an expiry does when another workflow holds the cluster's lease.</summary>
/// <param name="Retry">True: wait <see cref="WaitFor"/> and ask again; false: fail loudly, an operator is needed.</param>
public sealed record LeaseWaitDecision(bool Retry, TimeSpan WaitFor, string Reason);

/// <summary>
/// The rule between an expiry and the other workflows, under one lease per cluster. A rotation (or a roll-out) can
/// wait, an expiry cannot: EC2 terminates the block's instances at its time whatever runs. So a workflow that can wait
/// yields: it does not start when an expiry action of a block the cluster uses starts within the workflow's expected
/// duration plus a margin (<see cref="Deferral"/>). A running one is never pre-empted: it may have scaled groups to 0 or
/// rotated the secret halfway, and stopping it would leave that undone; its run is bounded (the rotation's longest is
/// about 3 hours, inside the 4-hour lease) and the deferral keeps one from starting that close. An expiry that finds
/// the lease held retries until its latest start, then fails loudly: an operator must decide (<see cref="ExpiryWait"/>).
/// </summary>
public static class LeasePriority
{
    /// <summary>
    /// Why a workflow that can wait must not start now, or null. A block counts while it has not ended; its action
    /// starts at end − <see cref="CapacityBlockExpiryOptions.Lead"/> (the raised lead of a large plan is covered by the margin).
    /// </summary>
    /// <param name="blocksOfCluster">The Capacity Blocks the cluster's groups use (the usage map).</param>
    public static string? Deferral(
        DateTimeOffset now, TimeSpan expectedDuration, IReadOnlyList<CapacityReservationFacts> blocksOfCluster, CapacityBlockExpiryOptions options, string workflowName = "the workflow")
    {
        ArgumentNullException.ThrowIfNull(blocksOfCluster);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(expectedDuration, TimeSpan.Zero);
        var until = now + expectedDuration + options.RotationMargin;
        var due = blocksOfCluster
            .Where(b => b.IsCapacityBlock() && b.EndDate is { } end && end > now && !CapacityReservationStates.IsOver(b.State))
            .Select(b => (Block: b, Action: b.EndDate!.Value - options.Lead))
            .Where(b => b.Action <= until)
            .OrderBy(b => b.Action)
            .FirstOrDefault();
        if (due.Block is null)
            return null;
        var when = due.Action <= now ? $"is due now (since {Times.Format(due.Action)})" : $"starts at {Times.Format(due.Action)}";
        return $"Capacity Block {due.Block.ReservationId} ends at {Times.Format(due.Block.EndDate!.Value)}; its expiry {when}, within {workflowName}'s expected {Times.Format(expectedDuration)} plus a {Times.Format(options.RotationMargin)} margin: {workflowName} waits (an expiry cannot)";
    }

    /// <summary>The expiry's answer to a lease held by <paramref name="holderExecution"/> (workflow <paramref name="holderWorkflow"/>).</summary>
    public static LeaseWaitDecision ExpiryWait(DateTimeOffset now, ExpiryTiming timing, string holderExecution, string holderWorkflow, CapacityBlockExpiryOptions options)
    {
        ArgumentNullException.ThrowIfNull(timing);
        ArgumentNullException.ThrowIfNull(options);
        var left = timing.LatestStart - now;
        if (left > TimeSpan.Zero)
        {
            var wait = left < options.LeaseRetryInterval ? left : options.LeaseRetryInterval;
            return new(true, wait, $"lease held by {holderWorkflow} execution {holderExecution}; asking again in {Times.Format(wait)} (latest start {Times.Format(timing.LatestStart)})");
        }
        return new(false, TimeSpan.Zero,
            $"lease still held by {holderWorkflow} execution {holderExecution} at the latest start {Times.Format(timing.LatestStart)}: the expiry cannot finish by {Times.Format(timing.Deadline)} (EC2 terminates from {Times.Format(timing.TerminationAt)}); needs an operator: stop that execution or act by hand (a running workflow is never pre-empted)");
    }
}

namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>What the reconciler does when a restore's execution name is taken: leave it, try the next attempt, or give up.</summary>
public enum RestoreAttemptVerdict
{
    /// <summary>The attempt runs or succeeded: nothing to start.</summary>
    Started,

    /// <summary>The attempt ended without success and the groups are still parked: start the next attempt.</summary>
    TryNext,

    /// <summary>The last allowed attempt ended without success: an operator must look (the groups stay parked).</summary>
    NeedsOperator,
}

/// <summary>
/// Retries of a restore. A restore waits for the cluster's lease for an hour at most (ExpiryLeaseWait), so a long rotation
/// or an AWS error can fail it; its name is then taken for good (a name is used once per state machine,
/// https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html), and without another name the
/// parked groups would stay at zero. The reconciler, every 15 minutes, starts the next attempt while the groups are still
/// due back, up to <see cref="Max"/> attempts; a succeeded attempt is left alone (what it did not restore, it reported).
/// </summary>
public static class RestoreAttempts
{
    /// <summary>Five attempts of up to an hour of lease wait each, 15 minutes apart at least: most of a working day's afternoon.</summary>
    public const int Max = 5;

    /// <param name="attempt">The attempt whose name is taken, from 1.</param>
    /// <param name="status">Its Step Functions status (RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE).</param>
    public static RestoreAttemptVerdict Decide(int attempt, string status)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        ArgumentNullException.ThrowIfNull(status);
        if (status is not ("FAILED" or "TIMED_OUT" or "ABORTED"))
            return RestoreAttemptVerdict.Started; // RUNNING, SUCCEEDED, or PENDING_REDRIVE (an operator redrives it)
        return attempt < Max ? RestoreAttemptVerdict.TryNext : RestoreAttemptVerdict.NeedsOperator;
    }
}

using PcsAutomation.Domain.CapacityBlocks;

namespace PcsAutomation.Domain.JobProtection;

/// <summary>
/// When a workflow needs the nodes free of jobs: from <see cref="Start"/> (the wait for running jobs begins there) to
/// <see cref="End"/> (the reservation's end). The wait never goes past <see cref="WaitCap"/> when there is one, whatever
/// the timeout: <see cref="WaitCapReason"/> says why.
/// </summary>
public sealed record JobProtectionWindow(DateTimeOffset Start, DateTimeOffset End, DateTimeOffset? WaitCap = null, string? WaitCapReason = null)
{
    /// <summary>A rotation's reservation outlasts its expected duration by this much: that duration is a rough guess (DowntimeEstimate) that leaves out the waits' worst cases.</summary>
    public static readonly TimeSpan DefaultRotationMargin = TimeSpan.FromMinutes(30);

    /// <summary>The wait's end: start + timeout, or the cap when it comes first.</summary>
    public DateTimeOffset WaitDeadline(TimeSpan timeout) => WaitCap is { } cap && cap < Start + timeout ? cap : Start + timeout;

    /// <summary>
    /// A rotation in the window opening at <paramref name="windowOpensAt"/>: held from the opening (or from
    /// <paramref name="now"/>, for a rotation on demand or one announced late) to the expected end of the rotation plus
    /// <paramref name="margin"/> (default <see cref="DefaultRotationMargin"/>). The expected duration is the plan's
    /// (DowntimeEstimate); the wait is added to it, since the rotation starts only after the wait.
    /// </summary>
    public static JobProtectionWindow ForRotation(DateTimeOffset now, DateTimeOffset windowOpensAt, TimeSpan expectedDuration, TimeSpan waitTimeout, TimeSpan? margin = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(expectedDuration, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(waitTimeout, TimeSpan.Zero);
        var extra = margin ?? DefaultRotationMargin;
        ArgumentOutOfRangeException.ThrowIfLessThan(extra, TimeSpan.Zero);
        var start = windowOpensAt > now ? windowOpensAt : now;
        return new(start, start + waitTimeout + expectedDuration + extra);
    }

    /// <summary>
    /// A Capacity Block's expiry (<paramref name="timing"/>): held from its action time (when the expiry parks the groups,
    /// ending their jobs, guide L2668, L3480; or from <paramref name="now"/> when later) to the block's end (EC2 terminates
    /// its instances from <see cref="ExpiryTiming.TerminationAt"/>, capacity-blocks-using.html); the wait stops at the
    /// latest start, so the actions still end 15 minutes before termination. Null when the block has ended: nothing to hold.
    /// </summary>
    public static JobProtectionWindow? ForCapacityBlock(ExpiryTiming timing, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(timing);
        var start = timing.ActionStartsAt > now ? timing.ActionStartsAt : now;
        return start >= timing.EndDate
            ? null
            : new(start, timing.EndDate, timing.LatestStart, $"the expiry's latest start {Times.Format(timing.LatestStart)}, so its actions end 15 minutes before EC2 terminates the instances at {Times.Format(timing.TerminationAt)}");
    }

    /// <summary>
    /// An AMI roll-out's group starting its update at <paramref name="start"/>: its drain lasts until the roll-out's
    /// verification bound (<paramref name="verificationBound"/>, 2 hours by default), after which the group is judged anyway.
    /// </summary>
    public static JobProtectionWindow ForRollout(DateTimeOffset start, TimeSpan verificationBound)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(verificationBound, TimeSpan.Zero);
        return new(start, start + verificationBound, start + verificationBound, $"the roll-out's verification bound ({Times.Format(verificationBound)})");
    }
}

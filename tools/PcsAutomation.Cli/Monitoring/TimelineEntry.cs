namespace PcsAutomation.Cli.Monitoring;

/// <summary>What one line of the live view says.</summary>
public enum TimelineKind
{
    ExecutionStarted,
    Entered,
    Exited,
    Failed,
    ExecutionSucceeded,
    ExecutionFailed,

    /// <summary>The execution prepared a notification (<see cref="TimelineEntry.State"/> is its event, <see cref="TimelineEntry.Detail"/> its subject).</summary>
    Notified,
}

/// <summary>
/// One line of the live view, from one execution history event: when (the event's own timestamp, so an emulator run
/// shows virtual time), how long after the execution started, what happened and to which state.
/// </summary>
/// <param name="InState">For <see cref="TimelineKind.Exited"/>: time between entering and leaving the state.</param>
/// <param name="Detail">For failures: "error: cause" (the cause shortened); never input or output data.</param>
public sealed record TimelineEntry(
    DateTimeOffset At,
    TimeSpan Elapsed,
    TimelineKind Kind,
    string State,
    TimeSpan? InState = null,
    string? Detail = null);

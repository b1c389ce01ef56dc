using PcsAutomation.Aws.StepFunctions.Model;

namespace PcsAutomation.Cli.Monitoring;

/// <summary>
/// Turns execution history events into timeline lines, keeping what it needs between polls (start time, which state is
/// running and since when). Pure: no I/O and no clock, the times are the events' own.
/// </summary>
public sealed class Timeline
{
    // The longest cause shown on a line: a handler's cause is one sentence, a Lambda error JSON may be longer.
    private const int MaxCauseLength = 240;

    private readonly Dictionary<string, DateTimeOffset> enteredAt = new(StringComparer.Ordinal);

    // The state each event belongs to, through previousEventId (TaskScheduled → StateEntered, TaskFailed → TaskStarted...):
    // inside a Parallel state the last state entered is not always the one that failed.
    private readonly Dictionary<long, string> stateOf = [];
    private DateTimeOffset? started;
    private string current = "";

    /// <summary>The id of the newest event seen: the next poll only needs events after it.</summary>
    public long LastEventId { get; private set; }

    /// <summary>The lines for <paramref name="events"/> (oldest first); events already seen are skipped.</summary>
    public IReadOnlyList<TimelineEntry> Add(IEnumerable<HistoryEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var lines = new List<TimelineEntry>();
        foreach (var e in events.OrderBy(e => e.Id))
        {
            if (e.Id <= LastEventId) continue;
            LastEventId = e.Id;
            if (ToEntry(e) is { } line) lines.Add(line);
        }

        return lines;
    }

    /// <summary>The line of a notification the execution prepared (after its state's exit line).</summary>
    public TimelineEntry Notified(PreparedNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        started ??= notification.At;
        return new TimelineEntry(notification.At, notification.At - started.Value, TimelineKind.Notified, notification.Event,
            Detail: notification.Subject ?? "(no subject)");
    }

    private TimelineEntry? ToEntry(HistoryEvent e)
    {
        var type = e.Type.Value;
        started ??= e.Timestamp;
        var elapsed = e.Timestamp - started.Value;
        if (type == "ExecutionStarted")
            return new TimelineEntry(e.Timestamp, elapsed, TimelineKind.ExecutionStarted, "");
        var state = e.StateEnteredEventDetails?.Name
            ?? (e.PreviousEventId is { } previous && stateOf.TryGetValue(previous, out var owner) ? owner : current);
        stateOf[e.Id] = state;
        if (e.StateEnteredEventDetails is { } entered)
        {
            current = entered.Name;
            enteredAt[entered.Name] = e.Timestamp;
            return new TimelineEntry(e.Timestamp, elapsed, TimelineKind.Entered, entered.Name);
        }

        if (e.StateExitedEventDetails is { } exited)
        {
            TimeSpan? inState = enteredAt.Remove(exited.Name, out var since) ? e.Timestamp - since : null;
            return new TimelineEntry(e.Timestamp, elapsed, TimelineKind.Exited, exited.Name, inState);
        }

        if (type == "ExecutionSucceeded")
            return new TimelineEntry(e.Timestamp, elapsed, TimelineKind.ExecutionSucceeded, "");
        if (ExecutionEnd(e) is { } end)
            return new TimelineEntry(e.Timestamp, elapsed, TimelineKind.ExecutionFailed, "", Detail: Describe(end.Error, end.Cause));
        if (Failure(e) is { } failure)
            return new TimelineEntry(e.Timestamp, elapsed, TimelineKind.Failed, state, Detail: Describe(failure.Error, failure.Cause));
        return null;
    }

    private static (string? Error, string? Cause)? ExecutionEnd(HistoryEvent e) => e.Type.Value switch
    {
        "ExecutionFailed" => (e.ExecutionFailedEventDetails?.Error, e.ExecutionFailedEventDetails?.Cause),
        "ExecutionTimedOut" => (e.ExecutionTimedOutEventDetails?.Error ?? "States.Timeout", e.ExecutionTimedOutEventDetails?.Cause),
        "ExecutionAborted" => (e.ExecutionAbortedEventDetails?.Error ?? "Aborted", e.ExecutionAbortedEventDetails?.Cause),
        _ => null,
    };

    /// <summary>A task, Lambda or evaluation failure inside the running state (a Retry or Catch may still handle it).</summary>
    private static (string? Error, string? Cause)? Failure(HistoryEvent e) =>
        e.TaskFailedEventDetails is { } task ? (task.Error, task.Cause)
        : e.TaskTimedOutEventDetails is { } taskTimeout ? (taskTimeout.Error ?? "States.Timeout", taskTimeout.Cause)
        : e.TaskStartFailedEventDetails is { } start ? (start.Error, start.Cause)
        : e.TaskSubmitFailedEventDetails is { } submit ? (submit.Error, submit.Cause)
        : e.LambdaFunctionFailedEventDetails is { } lambda ? (lambda.Error, lambda.Cause)
        : e.LambdaFunctionTimedOutEventDetails is { } lambdaTimeout ? (lambdaTimeout.Error ?? "States.Timeout", lambdaTimeout.Cause)
        : e.LambdaFunctionStartFailedEventDetails is { } lambdaStart ? (lambdaStart.Error, lambdaStart.Cause)
        : e.LambdaFunctionScheduleFailedEventDetails is { } lambdaSchedule ? (lambdaSchedule.Error, lambdaSchedule.Cause)
        : e.EvaluationFailedEventDetails is { } evaluation ? (evaluation.Error, evaluation.Cause)
        : null;

    /// <summary>"error: cause", the cause shortened to one line (a Lambda cause is its error JSON: the message is kept).</summary>
    public static string Describe(string? error, string? cause)
    {
        var message = CauseText.Message(cause);
        var text = string.IsNullOrWhiteSpace(message) ? error ?? "failed" : $"{error ?? "failed"}: {message}";
        text = text.ReplaceLineEndings(" ");
        return text.Length <= MaxCauseLength ? text : string.Concat(text.AsSpan(0, MaxCauseLength - 1), "…");
    }
}

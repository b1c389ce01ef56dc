using PcsAutomation.Aws.StepFunctions.Model;

namespace PcsAutomation.Cli.Monitoring;

/// <summary>
/// The grouped live view's decisions: turns history events (with the full timeline's lines for them) into one line per
/// finished step, and the steps still running. A wait loop of the definition (<see cref="StateMachineShape"/>: check task,
/// Choice, Wait, repeated) is one step whose line counts the polls, the time and what the checks answered
/// (<see cref="CheckProgress"/>); a loop left before its Wait ever ran prints its tasks as ordinary steps. Pass and
/// Choice states print nothing, nor does the notify fragment (<c>PrepareNotification&lt;Event&gt;</c>, the
/// <c>Notify&lt;Event&gt;</c> Parallel and its branches): its "notified" line says it. Execution start and end, failures
/// and notifications keep their timeline line. Pure: no I/O and no clock, the times are the events' own.
/// </summary>
public sealed class StepGrouping(StateMachineShape shape)
{
    private static readonly HashSet<string> Silent = new(StringComparer.Ordinal) { "Pass", "Choice", "Succeed", "Fail" };

    private readonly Dictionary<long, string> stateOf = [];
    private readonly Dictionary<string, (DateTimeOffset Since, string Type)> running = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LoopRun> loops = new(StringComparer.Ordinal);
    private DateTimeOffset? started;
    private DateTimeOffset latest;

    /// <summary>The steps running now, oldest first, as of the newest event seen.</summary>
    public IReadOnlyList<StepLine> Active =>
    [
        .. running.Select(r => (r.Value.Since, Line: StepLine.Running(latest, Elapsed(latest), r.Key, r.Value.Type, latest - r.Value.Since)))
            .Concat(loops.Values.Select(l => (Since: l.Start, Line: l.Line(latest, Elapsed(latest), done: false))))
            .OrderBy(x => x.Since)
            .Select(x => x.Line),
    ];

    /// <summary>The finished lines <paramref name="e"/> makes; <paramref name="timeline"/> is what the full timeline prints for it.</summary>
    public IReadOnlyList<StepLine> Add(HistoryEvent e, IReadOnlyList<TimelineEntry> timeline)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(timeline);
        started ??= e.Timestamp;
        latest = e.Timestamp;
        var lines = new List<StepLine>();
        var previousOwner = e.PreviousEventId is { } previous ? stateOf.GetValueOrDefault(previous) : null;
        var own = e.StateEnteredEventDetails?.Name ?? previousOwner;
        if (own is not null) stateOf[e.Id] = own;

        if (e.Type.Value is "ExecutionSucceeded" or "ExecutionFailed" or "ExecutionTimedOut" or "ExecutionAborted")
        {
            foreach (var loop in loops.Values.OrderBy(l => l.Start).ToList()) lines.AddRange(Finish(loop));
            running.Clear();
        }
        else if (e.StateEnteredEventDetails is { } entered)
        {
            Entered(e, entered.Name, previousOwner, lines);
        }
        else if (e.StateExitedEventDetails is { } exited)
        {
            Exited(e, exited, lines);
        }

        foreach (var entry in timeline)
            if (entry.Kind is not (TimelineKind.Entered or TimelineKind.Exited))
                lines.Add(new StepLine(entry.At, entry.Elapsed, StepKind.Event, "", entry));
        return lines;
    }

    private void Entered(HistoryEvent e, string state, string? previousOwner, List<StepLine> lines)
    {
        var loop = shape.LoopOf(state);
        // A loop is left when its own branch goes on to a state outside it (another Map iteration may still be in it).
        if (previousOwner is not null)
            foreach (var open in loops.Values.Where(l => l.Loop != loop && l.Loop.States.Contains(previousOwner)).ToList())
                lines.AddRange(Finish(open));

        var type = shape.TypeOf(state) ?? TypeFromEvent(e.Type.Value);
        if (loop is not null)
        {
            if (!loops.TryGetValue(loop.WaitState, out var run)) loops[loop.WaitState] = run = new LoopRun(loop, state, e.Timestamp);
            run.Entered(state, type, e.Timestamp);
        }
        else if (!Hidden(state, type))
        {
            running[state] = (e.Timestamp, type);
        }
    }

    private void Exited(HistoryEvent e, StateExitedEventDetails exited, List<StepLine> lines)
    {
        if (shape.LoopOf(exited.Name) is { } loop && loops.TryGetValue(loop.WaitState, out var run))
            run.Exited(exited, e.Timestamp);
        else if (running.Remove(exited.Name, out var step))
            lines.Add(StepLine.Done(e.Timestamp, Elapsed(e.Timestamp), exited.Name, step.Type, e.Timestamp - step.Since));
    }

    /// <summary>The loop's line, or, when its Wait never ran, a line per task it ran.</summary>
    private List<StepLine> Finish(LoopRun loop)
    {
        loops.Remove(loop.Loop.WaitState);
        if (loop.Waits > 0) return [loop.Line(loop.Last, Elapsed(loop.Last), done: true)];
        return [.. loop.Tasks.Select(t => StepLine.Done(t.At, Elapsed(t.At), t.State, "Task", t.InState))];
    }

    private bool Hidden(string state, string type)
    {
        if (Silent.Contains(type) || state.StartsWith(NotificationTracker.StatePrefix, StringComparison.Ordinal)) return true;
        for (string? s = state; s is not null; s = shape.ParentOf(s))
            if (s.StartsWith("Notify", StringComparison.Ordinal)) return true;
        return false;
    }

    private TimeSpan Elapsed(DateTimeOffset at) => at - (started ?? at);

    /// <summary>"TaskStateEntered" → "Task" (the history names the state's type when the definition is not known).</summary>
    private static string TypeFromEvent(string type) => type.EndsWith("StateEntered", StringComparison.Ordinal) ? type[..^"StateEntered".Length] : type;
}

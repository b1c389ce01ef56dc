using System.Globalization;

namespace PcsAutomation.Cli.Monitoring;

/// <summary>What a line of the grouped live view says.</summary>
public enum StepKind
{
    /// <summary>A line of the full timeline kept as it is: execution start and end, failures, notifications.</summary>
    Event,

    /// <summary>A step finished: "done     PlanRotation (3s)", or a lone Wait: "waited   WaitForActionStart (2h 30m)".</summary>
    Done,

    /// <summary>A wait loop finished: "waited   for instances to stop: 4 → 0 instances up, 5 polls, 10m 00s".</summary>
    Waited,

    /// <summary>A step still running (terminal only, updated in place): "running  ScaleNodeGroupsToZero".</summary>
    Running,

    /// <summary>A wait loop still polling (terminal only, updated in place): "waiting  for instances to stop: 3 instances up, 4 polls, 3m 45s".</summary>
    Waiting,
}

/// <summary>
/// One line of the grouped live view: when (the history's own timestamps), how long after the execution started, and
/// its text after the time columns. <paramref name="Timeline"/> is the timeline line it repeats, for <see cref="StepKind.Event"/>.
/// </summary>
public sealed record StepLine(DateTimeOffset At, TimeSpan Elapsed, StepKind Kind, string Text, TimelineEntry? Timeline = null)
{
    /// <summary>"2026-01-05 08:10:00Z  +10:00  waited   for instances to stop: …", the timeline's columns.</summary>
    public string Format() =>
        Timeline is { } entry ? TimelineFormat.Line(entry) : $"{TimelineFormat.Timestamp(At)}  +{TimelineFormat.Elapsed(Elapsed)}  {Text}";

    public static StepLine Done(DateTimeOffset at, TimeSpan elapsed, string state, string type, TimeSpan inState) =>
        new(at, elapsed, StepKind.Done, $"{(type == "Wait" ? "waited " : "done   ")}  {state} ({TimelineFormat.Duration(inState)})");

    public static StepLine Running(DateTimeOffset at, TimeSpan elapsed, string state, string type, TimeSpan inState) =>
        new(at, elapsed, StepKind.Running, $"{(type == "Wait" ? "waiting" : "running")}  {state} ({TimelineFormat.Duration(inState)})");

    /// <summary>A wait loop, finished (<paramref name="done"/>) or still polling.</summary>
    public static StepLine Loop(DateTimeOffset at, TimeSpan elapsed, bool done, string label, string progress, int polls, TimeSpan waited)
    {
        var counts = string.Create(CultureInfo.InvariantCulture, $"{polls} {(polls == 1 ? "poll" : "polls")}, {TimelineFormat.Duration(waited)}");
        var text = $"{(done ? "waited " : "waiting")}  for {label}: {(progress.Length > 0 ? progress + ", " : "")}{counts}";
        return new StepLine(at, elapsed, done ? StepKind.Waited : StepKind.Waiting, text);
    }
}

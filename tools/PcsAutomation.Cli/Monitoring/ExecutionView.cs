using PcsAutomation.Aws.StepFunctions.Model;

namespace PcsAutomation.Cli.Monitoring;

/// <summary>What <see cref="ExecutionWatcher"/> shows the history to: each new event in order, then the end of each poll.</summary>
public interface IExecutionView
{
    /// <summary>One event, with the full timeline's lines for it: its own, then the notifications it prepared.</summary>
    void Add(HistoryEvent historyEvent, IReadOnlyList<TimelineEntry> lines);

    /// <summary>A poll's events were all added (the execution's end included).</summary>
    void Flush();
}

/// <summary>The full list (<c>--verbose</c>, and what tests of the timeline read): every timeline line as it comes.</summary>
public sealed class TimelineView(Action<TimelineEntry> onLine) : IExecutionView
{
    public void Add(HistoryEvent historyEvent, IReadOnlyList<TimelineEntry> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var line in lines) onLine(line);
    }

    public void Flush()
    {
    }
}

using PcsAutomation.Cli.Monitoring;
using PcsAutomation.StateMachines.Diagrams;

namespace PcsAutomation.Cli.Report;

/// <summary>
/// Everything one run's page shows: the execution as DescribeExecution tells it, its state machine as a graph, what its
/// history says (<see cref="RunHistory"/>), the notifications it prepared, what only the emulator knows (null against
/// AWS), and the cost lines.
/// </summary>
/// <param name="Where">Where the run ran, in words: "the emulator (scenario demo, virtual clock)" or "AWS (us-east-1)".</param>
public sealed record RunReportData(
    string ExecutionArn,
    string ExecutionName,
    string StateMachineName,
    string Status,
    DateTimeOffset Start,
    DateTimeOffset? Stop,
    string? Error,
    string? Cause,
    StateGraph Graph,
    RunHistory History,
    IReadOnlyList<PreparedNotification> Notifications,
    EmulatorRecord? Emulator,
    IReadOnlyList<CostLine> Cost,
    string Where)
{
    /// <summary>The notification events that ask an operator to act (the workflows' "NeedsOperator" notice).</summary>
    public IReadOnlyList<PreparedNotification> NeedsOperator =>
        [.. Notifications.Where(n => n.Event.Equals("NeedsOperator", StringComparison.OrdinalIgnoreCase))];

    public TimeSpan Duration => (Stop ?? Start) - Start;
}

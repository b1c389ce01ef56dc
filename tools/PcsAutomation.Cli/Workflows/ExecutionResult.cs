using System.Text.Json.Nodes;
using PcsAutomation.Cli.Monitoring;

namespace PcsAutomation.Cli.Workflows;

/// <summary>How an execution ended, as DescribeExecution tells it (the pure input of every workflow's summary).</summary>
/// <param name="Notification">The detail of the last notification the execution prepared (<see cref="NotificationTracker"/>), or null.</param>
/// <param name="Plan">The newest <c>$.plan</c> a state of the execution left (<see cref="PlanTracker"/>), or null.</param>
/// <param name="Notifications">Every notification the execution prepared, oldest first (a workflow acting on several clusters notifies each); null: not followed.</param>
public sealed record ExecutionResult(
    string ExecutionArn,
    string Status,
    DateTimeOffset StartDate,
    DateTimeOffset? StopDate,
    string? Output,
    string? Error,
    string? Cause,
    JsonObject? Notification = null,
    JsonObject? Plan = null,
    IReadOnlyList<PreparedNotification>? Notifications = null)
{
    public bool Succeeded => Status == "SUCCEEDED";

    public TimeSpan Duration => (StopDate ?? StartDate) - StartDate;
}

using System.Text.Json.Nodes;

namespace PcsAutomation.States.Runtime;

/// <summary>
/// One entry of GetExecutionHistory: <see cref="Type"/> is the AWS event type (TaskStateEntered, MapIterationStarted,
/// ...) and <see cref="Details"/> the body of its <c>...EventDetails</c> member, named by <see cref="DetailsName"/>.
/// </summary>
public sealed record HistoryEvent(
    long Id,
    long PreviousEventId,
    DateTimeOffset Timestamp,
    string Type,
    string? DetailsName,
    JsonObject? Details);

/// <summary>The terminal and running statuses of DescribeExecution.</summary>
public enum ExecutionStatus
{
    Running,
    Succeeded,
    Failed,
    TimedOut,
    Aborted,
}

/// <summary>The API spelling of <see cref="ExecutionStatus"/>.</summary>
public static class ExecutionStatusNames
{
    public static string ToApiName(this ExecutionStatus status) => status switch
    {
        ExecutionStatus.Running => "RUNNING",
        ExecutionStatus.Succeeded => "SUCCEEDED",
        ExecutionStatus.Failed => "FAILED",
        ExecutionStatus.TimedOut => "TIMED_OUT",
        _ => "ABORTED",
    };
}

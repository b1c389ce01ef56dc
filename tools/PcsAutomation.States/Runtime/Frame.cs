namespace PcsAutomation.States.Runtime;

/// <summary>
/// One line of control inside an execution (the top level, a Parallel branch or a Map iteration): the last event it
/// wrote, which its next event names as <c>previousEventId</c>.
/// </summary>
internal sealed class Frame(long lastEventId)
{
    public long LastEventId { get; set; } = lastEventId;
}

/// <summary>A state being run: what <c>$$.State</c> reports and what Retry counts.</summary>
internal sealed record StateRun(Definition.State State, Frame Frame, DateTimeOffset EnteredTime)
{
    public int RetryCount { get; set; }
}

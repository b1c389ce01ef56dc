using PcsAutomation.Cli.Workflows;
using PcsAutomation.Domain.CapacityBlocks;

namespace PcsAutomation.Cli.CapacityBlocks;

/// <summary>What the expiry's summary says, from how the execution ended (pure).</summary>
public sealed record ExpirySummary(
    string ExecutionArn,
    string Status,
    TimeSpan Duration,
    DateTimeOffset? StoppedAt,
    CapacityReservationFacts Block,
    ExpiryTiming Timing,
    ExecutionFailure Failure)
{
    public bool Succeeded => Status == "SUCCEEDED";

    public static ExpirySummary From(ExecutionResult result, CapacityReservationFacts block)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(block);
        var output = WorkflowJson.Parse(result.Output);
        return new ExpirySummary(result.ExecutionArn, result.Status, result.Duration, result.StopDate, block,
            ExpiryTiming.For(block, ExpiryTiming.DefaultLead, ExpiryDurations.Overhead), ExecutionFailure.From(result, output));
    }
}

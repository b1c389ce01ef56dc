using PcsAutomation.Cli.Workflows;
using Spectre.Console.Rendering;

namespace PcsAutomation.Cli.CapacityBlocks;

/// <summary>The expiry's final table (<see cref="SummaryTable"/> with the expiry's rows).</summary>
public static class ExpirySummaryRenderer
{
    public static IRenderable Render(ExpirySummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var table = new SummaryTable("Capacity Block expiry summary", summary.ExecutionArn, summary.Status, summary.Duration, null, null);
        table.Row("block", summary.Block.Describe());
        table.Row("EC2 terminates from", CapacityText.Timestamp(summary.Timing.TerminationAt));
        if (summary.StoppedAt is { } stopped)
            table.Row("ended", $"{CapacityText.Timestamp(stopped)} ({CapacityText.Span(summary.Timing.TerminationAt - stopped)} before termination)");
        return table.End([], summary.Failure);
    }
}

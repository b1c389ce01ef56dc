using PcsAutomation.Cli.Workflows;
using Spectre.Console.Rendering;

namespace PcsAutomation.Cli.CapacityBlocks;

/// <summary>
/// The expiry's final table (<see cref="SummaryTable"/>): the block, EC2's termination time and the deadline 15 minutes
/// before it, then one row per cluster: when its work ended and how long before termination, each group's action and
/// whether it is done, the queues, the scaling parked, what needs an operator; the clusters left alone; the outcome of a
/// run that had nothing to do; the error.
/// </summary>
public static class ExpirySummaryRenderer
{
    public static IRenderable Render(ExpirySummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var table = new SummaryTable("Capacity Block expiry summary", summary.ExecutionArn, summary.Status, summary.Duration, null, null);
        var timing = summary.Timing;
        table.Row("block", summary.Block.Describe());
        table.Row("EC2 terminates from", $"{CapacityText.Timestamp(timing.TerminationAt)} (every action due by {CapacityText.Timestamp(timing.Deadline)}, 15 minutes before)");
        if (summary.Outcome is { } outcome)
            table.Row("outcome", outcome);
        foreach (var cluster in summary.Clusters)
            table.Lines($"{cluster.ClusterName} ({cluster.ClusterId})", Lines(cluster, summary.Timing));
        table.Lines("left alone", summary.LeftAlone);
        return table.End([], summary.Failure);
    }

    private static List<string> Lines(ClusterReport cluster, Domain.CapacityBlocks.ExpiryTiming timing)
    {
        var before = timing.TerminationAt - cluster.At;
        var lines = new List<string>
        {
            $"{cluster.Event} at {CapacityText.Timestamp(cluster.At)}, " +
            (before > TimeSpan.Zero ? $"{CapacityText.Span(before)} before EC2's termination" : $"{CapacityText.Span(-before)} AFTER EC2's termination began"),
        };
        lines.AddRange(cluster.Groups);
        lines.AddRange(cluster.Queues);
        lines.AddRange(cluster.Parked.Select(p => $"parked {p}"));
        lines.AddRange(cluster.Alerts.Select(a => $"NEEDS OPERATOR: {a}"));
        if (cluster.Failure is { } failure)
            lines.Add($"failed: {failure}");
        return lines;
    }
}

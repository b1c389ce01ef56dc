using System.Globalization;
using PcsAutomation.Cli.Monitoring;
using PcsAutomation.Cli.Workflows;
using Spectre.Console.Rendering;

namespace PcsAutomation.Cli.Rotation;

/// <summary>The rotation's final table (<see cref="SummaryTable"/> with the rotation's rows).</summary>
public static class RotationSummaryRenderer
{
    public static IRenderable Render(RotationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var table = new SummaryTable(summary.DryRun ? "Rotation plan (dry run)" : "Rotation summary",
            summary.ExecutionArn, summary.Status, summary.Duration, summary.ClusterId, summary.ClusterName);
        Capacity(table, summary);
        Jobs(table, summary);
        if (summary.DryRun)
        {
            table.Row("instances to stop", SummaryTable.List(summary.InstancesToStop));
            table.Row("BYO login nodes", SummaryTable.List(summary.LoginInstances));
            if (summary.ExpectedDowntime is { } downtime) table.Row("expected downtime", TimelineFormat.Duration(downtime));
            if (summary.PreviousSecretVersionId is not null) table.Row("secret version (current)", summary.PreviousSecretVersionId);
        }
        else if (summary.Succeeded)
        {
            if (summary.NewSecretVersionId is not null) table.Row("new secret version", summary.NewSecretVersionId);
            if (summary.PreviousSecretVersionId is not null) table.Row("previous secret version", summary.PreviousSecretVersionId);
            if (summary.Verification == "ROTATED_UNCONFIRMED")
                table.Row("verification", $"[yellow]rotated, not confirmed by the cluster[/] (it reports secret version {Spectre.Console.Markup.Escape(summary.ClusterSecretVersion ?? "(none)")})", escape: false);
            else if (summary.Verification == "SUCCEEDED")
                table.Row("verification", "the cluster reports the new version");
        }

        return table.End(summary.Warnings, new ExecutionFailure(summary.Error, summary.Cause));
    }

    /// <summary>
    /// The node groups as the execution reported them: a dry run's plan; otherwise the lease's saved scaling from the
    /// last notification, restored or not (then with the commands to restore it by hand). Nothing reported, no row.
    /// </summary>
    private static void Capacity(SummaryTable table, RotationSummary summary)
    {
        if (summary.NodeGroupsUnchanged)
        {
            table.Row("node groups", "not changed (the workflow stopped before the scale-down)");
            return;
        }

        if (summary.NodeGroups.Count == 0) return;
        if (summary.DryRun)
            table.Row("node groups (saved scaling)", Groups(summary));
        else if (summary.ScalingRestored == true)
            table.Row("node groups (restored min/max)", Groups(summary));
        else
        {
            table.Row("[red]node groups NOT restored[/] (saved min/max)", Groups(summary), nameIsMarkup: true);
            table.Lines("restore by hand (one at a time)", summary.RestoreCommands);
        }
    }

    /// <summary>The job policy applied and, when it fell back to requeue, why; a dry run adds the plan's sentences.</summary>
    private static void Jobs(SummaryTable table, RotationSummary summary)
    {
        if (summary.JobPolicy is null) return;
        table.Row("running jobs (job policy)", summary.JobPolicyFallback is { } reason ? $"{summary.JobPolicy}: {reason}" : summary.JobPolicy);
        if (summary.DryRun) table.Lines("job protection plan", summary.JobLines);
    }

    private static string Groups(RotationSummary summary) => string.Join(
        Environment.NewLine,
        summary.NodeGroups.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.NodeGroupName} ({g.NodeGroupId}): min {g.MinInstanceCount}, max {g.MaxInstanceCount}")));
}

using System.Globalization;
using PcsAutomation.Cli.Monitoring;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PcsAutomation.Cli.Rotation;

/// <summary>The final table. Every value is escaped: ids and causes come from AWS, not from us.</summary>
public static class SummaryRenderer
{
    public static IRenderable Render(RotationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("").AddColumn("");
        table.ShowHeaders = false;
        table.Title = new TableTitle(summary.DryRun ? "Rotation plan (dry run)" : "Rotation summary");
        var status = summary.Succeeded ? $"[green]{summary.Status}[/]" : $"[red]{Markup.Escape(summary.Status)}[/]";
        Row(table, "status", status, escape: false);
        Row(table, "duration", TimelineFormat.Duration(summary.Duration));
        if (summary.ClusterId is not null)
            Row(table, "cluster", summary.ClusterName is null ? summary.ClusterId : $"{summary.ClusterName} ({summary.ClusterId})");
        Row(table, "execution", summary.ExecutionArn);
        Capacity(table, summary);
        if (summary.DryRun)
        {
            Row(table, "instances to stop", List(summary.InstancesToStop));
            Row(table, "BYO login nodes", List(summary.LoginInstances));
            if (summary.ExpectedDowntime is { } downtime) Row(table, "expected downtime", TimelineFormat.Duration(downtime));
            if (summary.PreviousSecretVersionId is not null) Row(table, "secret version (current)", summary.PreviousSecretVersionId);
        }
        else if (summary.Succeeded)
        {
            if (summary.NewSecretVersionId is not null) Row(table, "new secret version", summary.NewSecretVersionId);
            if (summary.PreviousSecretVersionId is not null) Row(table, "previous secret version", summary.PreviousSecretVersionId);
            if (summary.Verification == "ROTATED_UNCONFIRMED")
                Row(table, "verification", $"[yellow]rotated, not confirmed by the cluster[/] (it reports secret version {Markup.Escape(summary.ClusterSecretVersion ?? "(none)")})", escape: false);
            else if (summary.Verification == "SUCCEEDED")
                Row(table, "verification", "the cluster reports the new version");
        }

        if (summary.Warnings.Count > 0) Row(table, "warnings", string.Join(Environment.NewLine, summary.Warnings));
        if (summary.Error is not null) Row(table, "error", summary.Error);
        if (summary.Cause is not null) Row(table, "cause", summary.Cause);
        return table;
    }

    /// <summary>
    /// The node groups as the execution reported them: a dry run's plan; otherwise the lease's saved scaling from the
    /// last notification, restored or not (then with the commands to restore it by hand). Nothing reported, no row.
    /// </summary>
    private static void Capacity(Table table, RotationSummary summary)
    {
        if (summary.NodeGroupsUnchanged)
        {
            Row(table, "node groups", "not changed (the workflow stopped before the scale-down)");
            return;
        }

        if (summary.NodeGroups.Count == 0) return;
        if (summary.DryRun)
            Row(table, "node groups (saved scaling)", Groups(summary));
        else if (summary.ScalingRestored == true)
            Row(table, "node groups (restored min/max)", Groups(summary));
        else
        {
            Row(table, "[red]node groups NOT restored[/] (saved min/max)", Groups(summary), nameIsMarkup: true);
            if (summary.RestoreCommands.Count > 0)
                Row(table, "restore by hand (one at a time)", string.Join(Environment.NewLine, summary.RestoreCommands));
        }
    }

    private static string Groups(RotationSummary summary) => string.Join(
        Environment.NewLine,
        summary.NodeGroups.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.NodeGroupName} ({g.NodeGroupId}): min {g.MinInstanceCount}, max {g.MaxInstanceCount}")));

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "none" : string.Join(", ", items);

    private static void Row(Table table, string name, string value, bool escape = true, bool nameIsMarkup = false) =>
        table.AddRow(new Markup(nameIsMarkup ? name : Markup.Escape(name)), new Markup(escape ? Markup.Escape(value) : value));
}

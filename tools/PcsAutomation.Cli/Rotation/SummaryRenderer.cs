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
        if (summary.NodeGroups.Count > 0)
            Row(table, summary.DryRun ? "node groups (saved scaling)" : "node groups (restored min/max)", Groups(summary));
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
        }

        if (summary.Error is not null) Row(table, "error", summary.Error);
        if (summary.Cause is not null) Row(table, "cause", summary.Cause);
        return table;
    }

    private static string Groups(RotationSummary summary) => string.Join(
        Environment.NewLine,
        summary.NodeGroups.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.NodeGroupName} ({g.NodeGroupId}): min {g.MinInstanceCount}, max {g.MaxInstanceCount}")));

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "none" : string.Join(", ", items);

    private static void Row(Table table, string name, string value, bool escape = true) =>
        table.AddRow(new Markup(Markup.Escape(name)), new Markup(escape ? Markup.Escape(value) : value));
}

using PcsAutomation.Cli.Workflows;
using PcsAutomation.Domain.NodeGroupUpdate;
using Spectre.Console.Rendering;

namespace PcsAutomation.Cli.NodeGroupUpdate;

/// <summary>The roll-out's final table (<see cref="SummaryTable"/> with the roll-out's rows).</summary>
public static class RolloutSummaryRenderer
{
    public static IRenderable Render(RolloutSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var table = new SummaryTable(summary.DryRun ? "Roll-out plan (dry run)" : "Roll-out summary",
            summary.ExecutionArn, summary.Status, summary.Duration, summary.ClusterId, summary.ClusterName);
        if (summary.Target is not null)
            table.Row("target", summary.Source is null ? summary.Target : $"{summary.Target} ({summary.Source.Text})");
        if (summary.Canary is not null)
            table.Row("canary", summary.Canary);

        if (summary.DryRun)
            DryRun(table, summary);
        else
            Groups(table, summary);
        return table.End(summary.Warnings, summary.Failure);
    }

    private static void DryRun(SummaryTable table, RolloutSummary summary)
    {
        if (summary.Plan is not { } plan) return;
        var groups = plan.Canary is { } canary ? [canary, .. plan.Remaining] : plan.Remaining;
        table.Row("would update (old → new image)", groups.Count == 0 ? "none: every group selected is already on the target" : Lines(groups.Select(Planned)));
        table.Row("changes made", "none (dry run)");
    }

    private static void Groups(SummaryTable table, RolloutSummary summary)
    {
        if (summary.NodeGroupsUnchanged)
        {
            table.Row("node groups", "not changed (the roll-out stopped before its first update)");
            return;
        }

        if (summary.Succeeded)
        {
            table.Row("node groups updated (old → new image)", summary.Changed.Count == 0
                ? "none: every group selected was already on the target"
                : Lines(summary.Changed.Select(g => $"{g.NodeGroupName} ({g.NodeGroupId}): {g.OldImage} → {g.NewImage}")));
            if (summary.Plan is { Skipped.Count: > 0 } plan)
                table.Row("left alone", Lines(plan.Skipped.Select(s => $"{s.NodeGroupName} ({s.NodeGroupId}): {s.Reason}")));
            return;
        }

        if (summary.Changed.Count == 0) return;
        var changed = Lines(summary.Changed.Select(g => $"{g.NodeGroupName} ({g.NodeGroupId}): {g.NewImage} back to {g.OldImage} ({Settings(g.Previous)})"));
        if (summary.RolledBack == true)
        {
            table.Row("rolled back (verified)", changed);
        }
        else
        {
            table.Row(summary.RolledBack == false ? "[red]NOT rolled back[/] (saved settings)" : "changed, rollback not reported (saved settings)", changed, nameIsMarkup: true);
            table.Lines("roll back by hand (one at a time, waiting for ACTIVE)", summary.RollbackCommands);
        }
    }

    private static string Planned(PlannedGroupUpdate g) => $"{g.NodeGroupName} ({g.NodeGroupId}): {g.CurrentImageId ?? "?"} → {g.ExpectedImageId}";

    private static string Settings(NodeGroupImage previous) =>
        previous.AmiId is { } ami
            ? $"amiId {ami}, launch template {previous.LaunchTemplateId} version {previous.LaunchTemplateVersion}"
            : $"launch template {previous.LaunchTemplateId} version {previous.LaunchTemplateVersion}";

    private static string Lines(IEnumerable<string> lines) => string.Join(Environment.NewLine, lines);
}

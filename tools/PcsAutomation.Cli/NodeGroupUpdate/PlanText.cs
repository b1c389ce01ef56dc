using System.Globalization;
using PcsAutomation.Domain.NodeGroupUpdate;
using Spectre.Console;

namespace PcsAutomation.Cli.NodeGroupUpdate;

/// <summary>
/// A roll-out plan for people: the target and where it came from, why this canary, then one block per group in the
/// order the roll-out takes them (canary, then each batch): running instances, what changes from what to what, the image
/// before and after, what users see; then the groups left alone and why, and the warnings. Values come from AWS and the
/// operator: every one is escaped.
/// </summary>
public static class PlanText
{
    public static void Render(IAnsiConsole console, NodeGroupUpdatePlan plan, TargetSource? source)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(plan);
        console.MarkupLine($"[bold]Roll-out plan[/] for {Markup.Escape($"{plan.ClusterName} ({plan.ClusterId})")}, Slurm {Markup.Escape(plan.ClusterSlurmVersion)}");
        console.WriteLine($"  target: {plan.Target}{(source is null ? "" : $" ({source.Text})")}");
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  replacement: {plan.Replacement} ({Replacement(plan.Replacement)}); batch size {plan.BatchSize}"));

        if (plan.Canary is null)
        {
            console.MarkupLine("  [green]nothing to update:[/] every group selected is already on the target.");
        }
        else
        {
            console.WriteLine($"  canary {plan.Canary.NodeGroupName}: {plan.CanaryRule}");
            Groups(console, plan);
        }

        if (plan.Skipped.Count > 0)
        {
            console.WriteLine($"  skipped ({plan.Skipped.Count}):");
            foreach (var skipped in plan.Skipped)
                console.WriteLine($"    {skipped.NodeGroupName} ({skipped.NodeGroupId}): {skipped.Reason}");
        }

        if (plan.Warnings.Count > 0)
        {
            console.WriteLine($"  warnings ({plan.Warnings.Count}):");
            foreach (var warning in plan.Warnings)
                console.MarkupLine($"    [yellow]{Markup.Escape(warning)}[/]");
        }
    }

    /// <summary>"launch template lt-… version 2 → 3", "amiId ami-a → ami-b", "launch template lt-…: new version from 2 with ImageId ami-b".</summary>
    public static string Change(PlannedGroupUpdate group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.Change switch
        {
            ImageChanges.AmiId => $"amiId {group.From} → {group.To}",
            ImageChanges.NewLaunchTemplateVersion => $"launch template {group.LaunchTemplateId} version {group.From} → {group.To}",
            ImageChanges.LaunchTemplateVersion => $"launch template {group.LaunchTemplateId} version {group.From} → {group.To}",
            _ => $"{group.Change} {group.From} → {group.To}",
        };
    }

    /// <summary>One block per group, in the order the roll-out takes them: long texts (disruption) stay readable on any width.</summary>
    private static void Groups(IAnsiConsole console, NodeGroupUpdatePlan plan)
    {
        Group(console, "canary", plan.Canary!);
        var byId = plan.Remaining.ToDictionary(g => g.NodeGroupId, StringComparer.Ordinal);
        for (var i = 0; i < plan.Batches.Count; i++)
        {
            foreach (var id in plan.Batches[i])
            {
                if (byId.TryGetValue(id, out var group))
                    Group(console, string.Create(CultureInfo.InvariantCulture, $"batch {i + 1}"), group);
            }
        }
    }

    private static void Group(IAnsiConsole console, string step, PlannedGroupUpdate group)
    {
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"  [bold]{step,-9}[/] {Markup.Escape($"{group.NodeGroupName} ({group.NodeGroupId}){(group.IsLogin ? ", a login group" : "")}, {group.InstancesRunning} running")}"));
        console.WriteLine($"{Indent}change      {Change(group)}");
        console.WriteLine($"{Indent}image       {group.CurrentImageId ?? "?"} → {group.ExpectedImageId}");
        console.WriteLine($"{Indent}disruption  {group.Disruption}");
        foreach (var warning in group.Warnings)
            console.MarkupLine($"{Indent}[yellow]warning[/]     {Markup.Escape(warning)}");
    }

    private const string Indent = "            ";

    private static string Replacement(string mode) => mode == "marked"
        ? "a group is done once ACTIVE: its instances are marked, replaced when idle (guide L2667)"
        : "a group is done once every running instance reports the new image (guide L5923-5925)";
}

using System.Globalization;
using System.Text.Json.Nodes;
using PcsAutomation.Cli.Workflows;
using PcsAutomation.Domain.NodeGroupUpdate;
using Spectre.Console;

namespace PcsAutomation.Cli.NodeGroupUpdate;

/// <summary>
/// A roll-out plan for people: the target and where it came from, why this canary, then one block per group in the
/// order the roll-out takes them (canary, then each batch): running instances, what changes from what to what, the image
/// before and after, what users see; then the groups left alone and why, and the warnings (each once, with its groups). Values come from AWS and the
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
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  replacement: {plan.Replacement}: {Replacement(plan.Replacement)}"));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  batch size: {plan.BatchSize} group{(plan.BatchSize == 1 ? "" : "s")} at a time after the canary"));

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

        var warnings = Warnings(plan);
        if (warnings.Count > 0)
        {
            console.WriteLine($"  warnings ({warnings.Count}):");
            foreach (var warning in warnings)
                console.MarkupLine($"    [yellow]{Markup.Escape(warning)}[/]");
        }
    }

    /// <summary>
    /// The job protection lines of the roll-out's plan step (<c>jobs.lines</c> in the dry run's output: the policy, the
    /// fallback and why, the canary's drain and what it means for the jobs running now); nothing when absent.
    /// </summary>
    public static void Jobs(IAnsiConsole console, JsonNode? output)
    {
        ArgumentNullException.ThrowIfNull(console);
        var lines = output is null ? [] : WorkflowJson.Strings(WorkflowJson.Find(output, "jobs")?["lines"]);
        if (lines.Count == 0) return;
        console.WriteLine("  jobs:");
        foreach (var line in lines)
            console.WriteLine($"    {line}");
    }

    /// <summary>
    /// The plan's warnings, each once: the plan prefixes a group's warning with its name ("gpu: ..."), so the same
    /// warning on several groups reads "...: compute-1, gpu, login" instead of once per group.
    /// </summary>
    public static IReadOnlyList<string> Warnings(NodeGroupUpdatePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Warnings(plan.Warnings, (plan.Canary is { } canary ? [canary, .. plan.Remaining] : plan.Remaining).Select(g => g.NodeGroupName));
    }

    /// <summary><paramref name="warnings"/> each once, a group's name prefix (one of <paramref name="groupNames"/>) moved to the end.</summary>
    public static IReadOnlyList<string> Warnings(IEnumerable<string> warnings, IEnumerable<string> groupNames)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        var names = groupNames.ToList();
        var texts = new List<(string Text, List<string> Groups)>();
        foreach (var warning in warnings)
        {
            var group = names.Where(n => warning.StartsWith(n + ": ", StringComparison.Ordinal)).MaxBy(n => n.Length);
            var text = group is null ? warning : warning[(group.Length + 2)..];
            var entry = texts.FirstOrDefault(t => t.Text == text);
            if (entry.Text is null) texts.Add(entry = (text, []));
            if (group is not null) entry.Groups.Add(group);
        }

        return [.. texts.Select(t => t.Groups.Count == 0 ? t.Text : $"{t.Text} ({string.Join(", ", t.Groups)})")];
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
    }

    private const string Indent = "            ";

    private static string Replacement(string mode) => mode == "marked"
        ? "a group is done once ACTIVE, its instances marked and replaced when idle (guide L2667)"
        : "a group is done once every running instance reports the new image (guide L5923-5925)";
}

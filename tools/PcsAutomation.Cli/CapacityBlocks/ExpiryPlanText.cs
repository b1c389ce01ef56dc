using System.Globalization;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Functions.CapacityBlocks;
using Spectre.Console;

namespace PcsAutomation.Cli.CapacityBlocks;

/// <summary>
/// <c>capacity-blocks plan</c> for people: the block; its timing (EC2's warning and termination, the deadline 15 minutes
/// before, when the expiry acts and whether the lead was raised); per cluster (each under its own lease) and group the
/// action and why, the launch template switch, the steps left; the queue edits, before → after, by group name; the
/// scaling saved for each parked group; then the findings and notes. Values come from AWS and tags: all escaped.
/// </summary>
public static class ExpiryPlanText
{
    private const string Indent = "  ";

    /// <param name="names">Node group names by id (queue lists hold ids), from what was read.</param>
    /// <param name="leftAlone">The clusters of the plan the workflow does not act on (not managed), and why.</param>
    public static void Render(IAnsiConsole console, ExpiryPlan plan, IReadOnlyDictionary<string, string> names, IReadOnlyList<ClusterSkip> leftAlone)
    {
        ArgumentNullException.ThrowIfNull(leftAlone);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(names);
        var t = plan.Timing;
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[bold]Expiry plan[/] for Capacity Block {Markup.Escape($"{plan.ReservationId} ({plan.InstanceType} x {plan.TotalInstanceCount}, {plan.AvailabilityZone}, {plan.State})")}, planned at {CapacityText.Timestamp(plan.PlannedAt)}"));
        Row(console, "ends", t.EndDate, $"{Left(t.EndDate - plan.PlannedAt)}");
        Row(console, "warning", t.ExpirationWarningAt, "EC2's expiration warning event, 40 minutes before the end");
        Row(console, "termination", t.TerminationAt, $"EC2 begins terminating the block's instances, {(t.UltraServer ? "60 minutes before the end (UltraServer)" : "30 minutes before the end")}");
        Row(console, "deadline", t.Deadline, "every action done by then: 15 minutes before termination");
        Row(console, "acts at", t.ActionStartsAt, t.LeadRaised()
            ? $"lead raised from {CapacityText.Span(t.RequestedLead)} to {CapacityText.Span(t.Lead)} so the actions (up to {CapacityText.Span(t.ExpectedDuration)}) end by the deadline"
            : $"lead {CapacityText.Span(t.Lead)}; the actions take up to {CapacityText.Span(t.ExpectedDuration)}");
        Row(console, "latest start", t.LatestStart, "the last moment from which the actions still end by the deadline");

        if (plan.Clusters.Count == 0)
            console.WriteLine($"{Indent}no node group uses this block: nothing to do");
        foreach (var cluster in plan.Clusters)
            Cluster(console, cluster, names, leftAlone.FirstOrDefault(s => s.ClusterId == cluster.ClusterId)?.Reason);
        if (plan.Clusters.Count > 0 && plan.IsComplete())
            console.MarkupLine($"{Indent}[green]nothing left to do:[/] every action is already applied");

        if (plan.Findings.Count + plan.Notes.Count > 0)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Indent}findings ({plan.Findings.Count}) and notes ({plan.Notes.Count}):"));
            CapacityText.Findings(console, Indent + Indent, plan.Findings, plan.Notes);
        }
    }

    private static void Cluster(IAnsiConsole console, ClusterExpiryPlan cluster, IReadOnlyDictionary<string, string> names, string? leftAlone)
    {
        var name = Markup.Escape($"{cluster.ClusterName} ({cluster.ClusterId})");
        if (leftAlone is not null)
            console.MarkupLine($"{Indent}[bold]cluster {name}[/]: [yellow]left alone[/], {Markup.Escape(leftAlone)}; what the plan would do there:");
        else
            console.MarkupLine($"{Indent}[bold]cluster {name}[/], under its own lease, up to {CapacityText.Span(cluster.ExpectedDuration)}");
        foreach (var group in cluster.Groups)
        {
            console.WriteLine($"{Indent}{Indent}{group.NodeGroupName} ({group.NodeGroupId})  {group.Action}: {group.Reason}");
            if (group.LaunchTemplate is { } template)
                console.WriteLine($"{Indent}{Indent}{Indent}launch template {template.LaunchTemplateId}: new version from {template.FromVersion} naming {template.ToReservationId} instead of {template.FromReservationId ?? "no reservation"}");
            if (group.Remaining.Count > 0)
                console.WriteLine($"{Indent}{Indent}{Indent}steps: {string.Join(", ", group.Remaining)}");
            if (group.Done.Count > 0)
                console.WriteLine($"{Indent}{Indent}{Indent}already applied: {string.Join(", ", group.Done)}");
        }
        foreach (var edit in cluster.QueueEdits)
            console.WriteLine($"{Indent}{Indent}queue {edit.QueueName} ({edit.QueueId}): {List(edit.Before, names)} → {List(edit.After, names)}");
        foreach (var parked in cluster.Parked)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Indent}{Indent}parked {parked.NodeGroupName}: scaled to 0/0, min {parked.SavedScaling.MinInstanceCount} max {parked.SavedScaling.MaxInstanceCount} saved{(parked.SuccessorReservationId is { } next ? $", restored onto {next} once it is delivered" : ", restored if the block is extended or renewed")}"));
        }
    }

    private static void Row(IAnsiConsole console, string name, DateTimeOffset at, string why) =>
        console.WriteLine($"{Indent}{name,-13}{CapacityText.Timestamp(at)}  {why}");

    private static string Left(TimeSpan left) => left > TimeSpan.Zero ? $"{CapacityText.Span(left)} from now" : $"ended {CapacityText.Span(-left)} ago";

    /// <summary>"gpu-c, cpu" from the ids a queue lists; "(none)" for an empty list.</summary>
    public static string List(IReadOnlyList<string> ids, IReadOnlyDictionary<string, string> names)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(names);
        return ids.Count == 0 ? "(none)" : string.Join(", ", ids.Select(id => names.GetValueOrDefault(id, id)));
    }
}

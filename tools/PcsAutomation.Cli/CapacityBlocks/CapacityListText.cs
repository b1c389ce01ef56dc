using System.Globalization;
using PcsAutomation.Domain.CapacityBlocks;
using Spectre.Console;

namespace PcsAutomation.Cli.CapacityBlocks;

/// <summary>
/// <c>capacity-blocks list</c> for people: one block per reservation, soonest end first: its size, zone and state; its
/// dates, the time left, EC2's termination time and when the expiry acts; each group using it with the planned action
/// and why; its findings and notes. Then the interruptible groups and the findings tied to no listed block. Values come
/// from AWS and tags: every one is escaped.
/// </summary>
public static class CapacityListText
{
    private const string Indent = "  ";

    public static void Render(IAnsiConsole console, CapacityListing listing, string clock)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(listing);
        console.WriteLine($"Capacity Blocks at {CapacityText.Timestamp(listing.Now)} ({clock}); the expiry acts {CapacityText.Span(listing.Lead)} before a block's end, earlier when its actions need it.");
        if (listing.Blocks.Count == 0)
            console.WriteLine("No Capacity Block in this account and Region, and no node group on a reservation.");
        foreach (var block in listing.Blocks)
        {
            console.WriteLine();
            Block(console, block, listing.Now);
        }

        if (listing.Interruptible.Count > 0)
        {
            console.WriteLine();
            console.WriteLine($"Node groups on interruptible Capacity Reservations ({listing.Interruptible.Count}; reported, the expiry does not act on them):");
            foreach (var use in listing.Interruptible)
                console.WriteLine($"{Indent}{GroupName(use)}  on {use.ReservationId ?? "no reservation named"}");
        }

        if (listing.OtherFindings.Count + listing.OtherNotes.Count > 0)
        {
            console.WriteLine();
            console.WriteLine("Not tied to a listed block:");
            CapacityText.Findings(console, Indent, listing.OtherFindings, listing.OtherNotes);
        }
    }

    private static void Block(IAnsiConsole console, ListedBlock block, DateTimeOffset now)
    {
        console.MarkupLine($"[bold]{Markup.Escape(CapacityText.Header(block.ReservationId, block.Reservation))}[/]");
        if (block.Reservation is { } reservation)
            console.WriteLine($"{Indent}{CapacityText.Timestamp(reservation.StartDate)} → {CapacityText.Timestamp(reservation.EndDate)}{Left(block, now)}");
        if (block.Timing is { } timing && block.TimeLeft(now) > TimeSpan.Zero)
        {
            var termination = timing.TerminationAt > now ? $"in {CapacityText.Span(timing.TerminationAt - now)}" : "begun";
            console.WriteLine($"{Indent}EC2 terminates its instances from {CapacityText.Timestamp(timing.TerminationAt)} ({termination}){(block.Plan is not { Clusters.Count: > 0 } ? "" : $"; the expiry acts at {CapacityText.Timestamp(timing.ActionStartsAt)}{(timing.LeadRaised() ? $" (lead raised to {CapacityText.Span(timing.Lead)})" : "")}")}");
        }
        if (block.NoPlan is { } why)
            console.WriteLine($"{Indent}{why}");
        if (block.Groups.Count == 0)
            console.WriteLine($"{Indent}no node group uses it");
        foreach (var group in block.Groups)
            console.WriteLine($"{Indent}{GroupName(group.Use)}  min {Number(group.Use.MinInstanceCount)} max {Number(group.Use.MaxInstanceCount)}{Seen(group.Use)}: {Action(group, block)}");
        CapacityText.Findings(console, Indent, block.Findings, block.Notes);
    }

    private static string Left(ListedBlock block, DateTimeOffset now) => block.TimeLeft(now) switch
    {
        null => "",
        { } left when left > TimeSpan.Zero => $", {CapacityText.Span(left)} left",
        { } left => $", ended {CapacityText.Span(-left)} ago",
    };

    /// <summary>"capacity/gpu-a (pcs_…)".</summary>
    public static string GroupName(GroupUse use)
    {
        ArgumentNullException.ThrowIfNull(use);
        return $"{use.ClusterName}/{use.NodeGroupName} ({use.NodeGroupId})";
    }

    /// <summary>The action planned, with its reason; or why there is none.</summary>
    public static string Action(ListedGroup group, ListedBlock block)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(block);
        if (group.Use.Kind == UsageKinds.Interruptible)
            return "interruptible: reported, not acted on";
        if (group.LeftAlone is { } why)
            return $"left alone: cluster {group.Use.ClusterName} is {why}";
        if (group.Action is not { } action)
            return block.Plan is null ? "no action planned" : "not in the plan";
        return $"{action.Action}: {action.Reason}{(action.Remaining.Count == 0 && action.Done.Count > 0 ? " (already applied)" : "")}";
    }

    /// <summary>A use seen only on the group's instances (its template names another block or none) says so.</summary>
    private static string Seen(GroupUse use) =>
        use.Sources.Contains(UsageSources.LaunchTemplate, StringComparer.Ordinal) ? "" : " (seen on its instances only)";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

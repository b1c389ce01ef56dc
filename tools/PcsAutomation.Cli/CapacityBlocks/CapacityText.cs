using System.Globalization;
using PcsAutomation.Cli.Monitoring;
using PcsAutomation.Domain.CapacityBlocks;
using Spectre.Console;

namespace PcsAutomation.Cli.CapacityBlocks;

/// <summary>How the capacity commands write instants, time left, groups and findings (shared by list and plan).</summary>
internal static class CapacityText
{
    public static string Timestamp(DateTimeOffset? at) => at is { } time ? TimelineFormat.Timestamp(time) : "none";

    /// <summary>"2d 03h", "2h 59m", "12m", "under a minute"; negative spans read "3h 00m ago".</summary>
    public static string Span(TimeSpan span)
    {
        var ago = span < TimeSpan.Zero;
        var d = ago ? -span : span;
        var text = d.TotalDays >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalDays}d {d.Hours:00}h")
            : d.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalHours}h {d.Minutes:00}m")
            : d.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalMinutes}m")
            : "under a minute";
        return ago ? text + " ago" : text;
    }

    /// <summary>"cr-… p5.48xlarge x 4  us-east-1a  active" (the id alone when EC2 does not list it).</summary>
    public static string Header(string reservationId, CapacityReservationFacts? reservation) =>
        reservation is null
            ? $"{reservationId}  unknown"
            : string.Create(CultureInfo.InvariantCulture,
                $"{reservationId}  {reservation.InstanceType} x {reservation.TotalInstanceCount}  {reservation.AvailabilityZone}  {reservation.State}{(reservation.IsCapacityBlock() ? "" : $"  ({reservation.ReservationType})")}{(reservation.IsUltraServer() ? $"  UltraServer {reservation.UltraserverType}" : "")}");

    /// <summary>The findings, then the notes, one line each; a finding only a person can fix says so.</summary>
    public static void Findings(IAnsiConsole console, string indent, IReadOnlyList<CapacityFinding> findings, IReadOnlyList<CapacityFinding> notes)
    {
        foreach (var finding in findings)
        {
            var label = finding.NeedsOperator ? "[red]finding (needs operator)[/]" : "[yellow]finding[/]";
            console.MarkupLine($"{indent}{label} {Markup.Escape(finding.ToString())}");
        }
        foreach (var note in notes)
            console.MarkupLine($"{indent}note {Markup.Escape(note.ToString())}");
    }
}

using System.Globalization;
using PcsAutomation.Domain.Ami;
using PcsAutomation.Functions.Ami;
using Spectre.Console;

namespace PcsAutomation.Cli.Ami;

/// <summary>The lookup for people: the chosen image, why, the notes, then every rejected candidate and why.</summary>
internal static class AmiLookupText
{
    public static void Render(IAnsiConsole console, AmiLookupResult result)
    {
        var selection = result.Selection;
        if (selection.Chosen is { } image)
        {
            console.MarkupLine($"[green]{Markup.Escape(image.ImageId)}[/]  {Markup.Escape(image.Name ?? "(no name)")}");
            var versions = selection.ChosenSlurmVersions is { Versions.Count: > 0 } declared
                ? $"Slurm {string.Join(", ", declared.Versions)} (from its {declared.Source})"
                : "Slurm unknown";
            console.WriteLine($"  created {Timestamp(image.CreationDate)}, {image.Architecture}, owner {image.OwnerId}{(image.OwnerAlias is { } alias ? $" ({alias})" : "")}, {versions}");
            console.WriteLine($"  chosen: {selection.Rule}");
        }
        else
        {
            console.MarkupLine($"[red]no image:[/] {Markup.Escape(selection.Rule)}");
        }

        foreach (var note in selection.Notes)
            console.MarkupLine($"  [yellow]note:[/] {Markup.Escape(note)}");
        if (selection.Rejected.Count == 0)
            return;
        console.WriteLine($"rejected ({selection.Rejected.Count}):");
        foreach (var rejection in selection.Rejected)
            console.WriteLine($"  {rejection.ImageId}  {rejection.Name ?? "(no name)"}  {rejection.Rule}: {rejection.Reason}");
    }

    private static string Timestamp(DateTimeOffset? at) =>
        at is { } time ? time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "unknown";
}

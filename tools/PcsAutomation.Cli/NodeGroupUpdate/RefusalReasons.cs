using System.Text.RegularExpressions;

namespace PcsAutomation.Cli.NodeGroupUpdate;

/// <summary>
/// The reasons in a refused plan's cause. PlanNodeGroupUpdate fails with one named error whose message is
/// "Roll-out of cluster X to T refused: rule (guide Lx): message; rule (guide Ly): message" (PlanRefusal's text, joined
/// by "; "); each reason is one entry. Any other cause is one reason as it is.
/// </summary>
public static partial class RefusalReasons
{
    private const string Marker = " refused: ";

    public static IReadOnlyList<string> From(string? cause)
    {
        if (string.IsNullOrWhiteSpace(cause)) return [];
        var at = cause.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0) return [cause.Trim()];
        return [.. NextRule().Split(cause[(at + Marker.Length)..]).Select(r => r.Trim()).Where(r => r.Length > 0)];
    }

    // "; " before "<rule> (" where a rule is a lower-case, hyphenated name (PlanRules, AmiPreflight): a message's own "; " stays.
    [GeneratedRegex(@";\s(?=[a-z][a-z0-9]*(?:-[a-z0-9]+)*\s\()", RegexOptions.CultureInvariant)]
    private static partial Regex NextRule();
}

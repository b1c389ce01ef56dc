using System.Text.RegularExpressions;

namespace PcsAutomation.LocalAws.Ec2;

/// <summary>EC2 resource ids: a prefix, a dash and 8 or 17 lowercase hex digits; anything else is "Malformed".</summary>
internal static partial class Ec2Ids
{
    public static bool IsWellFormed(string id, string prefix) =>
        id.StartsWith(prefix + "-", StringComparison.Ordinal) && Hex().IsMatch(id[(prefix.Length + 1)..]);

    [GeneratedRegex("^([0-9a-f]{8}|[0-9a-f]{17})$", RegexOptions.CultureInvariant)]
    private static partial Regex Hex();
}

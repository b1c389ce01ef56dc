using System.Text.RegularExpressions;

namespace PcsAutomation.Template.Tests.StateMachines;

/// <summary>
/// The <c>${Name}</c> placeholders of a state machine definition, which SAM replaces from the state
/// machine's <c>DefinitionSubstitutions</c>; one left undefined reaches Step Functions verbatim.
/// </summary>
public static partial class DefinitionSubstitutions
{
    /// <summary>Every distinct placeholder name in <paramref name="definition"/>, in order of first use.</summary>
    public static IReadOnlyList<string> Used(string definition) =>
        [.. Placeholder().Matches(definition).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal)];

    /// <summary>The placeholders used in <paramref name="definition"/> that <paramref name="defined"/> lacks.</summary>
    public static IReadOnlyList<string> Undefined(string definition, IReadOnlySet<string> defined) =>
        [.. Used(definition).Where(name => !defined.Contains(name))];

    [GeneratedRegex(@"\$\{(?<name>[^}]+)\}")]
    private static partial Regex Placeholder();
}

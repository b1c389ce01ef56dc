using System.Text;

namespace PcsAutomation.LocalAws.EventBridge;

/// <summary>
/// A <c>wildcard</c> filter: <c>*</c> matches zero or more characters, <c>\*</c> is a literal star and
/// <c>\\</c> a literal backslash; any other escape and two consecutive stars are rejected, as EventBridge does.
/// </summary>
internal sealed class WildcardPattern
{
    // Literal pieces between stars; the first and last may be empty (pattern starts/ends with '*').
    private readonly IReadOnlyList<string> pieces;

    private WildcardPattern(IReadOnlyList<string> pieces) => this.pieces = pieces;

    public static WildcardPattern Parse(string text)
    {
        var pieces = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                if (i + 1 >= text.Length || (text[i + 1] != '*' && text[i + 1] != '\\'))
                    throw PatternParser.Invalid($"Invalid escape character at pos {i}");
                current.Append(text[++i]);
            }
            else if (c == '*')
            {
                if (i + 1 < text.Length && text[i + 1] == '*')
                    throw PatternParser.Invalid($"Consecutive wildcard characters at pos {i + 1}");
                pieces.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        pieces.Add(current.ToString());
        return new WildcardPattern(pieces);
    }

    public bool Matches(string value)
    {
        if (pieces.Count == 1)
            return value == pieces[0];
        var first = pieces[0];
        var last = pieces[^1];
        if (value.Length < first.Length + last.Length
            || !value.StartsWith(first, StringComparison.Ordinal)
            || !value.EndsWith(last, StringComparison.Ordinal))
            return false;
        // Greedy leftmost placement of the middle pieces is optimal for star-only globs.
        var position = first.Length;
        var end = value.Length - last.Length;
        for (var i = 1; i < pieces.Count - 1; i++)
        {
            var found = value.IndexOf(pieces[i], position, end - position, StringComparison.Ordinal);
            if (found < 0)
                return false;
            position = found + pieces[i].Length;
        }
        return true;
    }
}

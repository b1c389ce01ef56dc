using System.Globalization;
using System.Text;

namespace PcsAutomation.LocalAws.Pcs;

/// <summary>
/// Slurm's hostlist expressions, the way node lists are written (<c>compute-1-[1-4]</c>, guide L997, L3509-3511):
/// comma-separated items, each a name or a prefix with one bracketed list of numbers and ranges (<c>a-[1-3,7]</c>). Only
/// this one-dimensional form is read and written here; Slurm also knows several bracket groups in one name.
/// </summary>
public static class Hostlist
{
    /// <summary>The node names an expression lists, in its order; a malformed one throws <see cref="FormatException"/> naming it.</summary>
    public static IReadOnlyList<string> Expand(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var names = new List<string>();
        foreach (var item in SplitTopLevel(expression))
        {
            var open = item.IndexOf('[', StringComparison.Ordinal);
            if (open < 0)
            {
                if (item.Contains(']', StringComparison.Ordinal)) throw Malformed(expression);
                names.Add(item);
                continue;
            }
            var close = item.IndexOf(']', open);
            if (close < 0 || item.IndexOf('[', open + 1) >= 0) throw Malformed(expression);
            var (prefix, suffix) = (item[..open], item[(close + 1)..]);
            foreach (var range in item[(open + 1)..close].Split(','))
                names.AddRange(Range(range, expression).Select(n => prefix + n + suffix));
        }
        return names;
    }

    /// <summary>The shortest expression of the names in Slurm's form: runs of numbers after a common prefix bracketed.</summary>
    public static string Compress(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var groups = new List<(string Prefix, List<(long Value, string Text)> Numbers)>();
        var plain = new List<string>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            var digits = name.Length - name.Reverse().TakeWhile(char.IsAsciiDigit).Count();
            if (digits == name.Length)
            {
                plain.Add(name);
                continue;
            }
            var prefix = name[..digits];
            var group = groups.FirstOrDefault(g => g.Prefix == prefix);
            if (group.Numbers is null) groups.Add(group = (prefix, []));
            group.Numbers.Add((long.Parse(name[digits..], CultureInfo.InvariantCulture), name[digits..]));
        }
        var parts = groups.Select(g => g.Numbers.Count == 1 ? g.Prefix + g.Numbers[0].Text : $"{g.Prefix}[{Ranges(g.Numbers)}]");
        return string.Join(',', parts.Concat(plain));
    }

    private static string Ranges(List<(long Value, string Text)> numbers)
    {
        var sorted = numbers.OrderBy(n => n.Value).ToList();
        var text = new StringBuilder();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1].Value == sorted[j].Value + 1) j++;
            if (text.Length > 0) text.Append(',');
            text.Append(sorted[i].Text);
            if (j > i) text.Append('-').Append(sorted[j].Text);
            i = j + 1;
        }
        return text.ToString();
    }

    private static IEnumerable<string> Range(string range, string expression)
    {
        var bounds = range.Split('-');
        if (bounds.Length is < 1 or > 2 || bounds.Any(b => b.Length == 0 || !b.All(char.IsAsciiDigit))) throw Malformed(expression);
        var first = long.Parse(bounds[0], CultureInfo.InvariantCulture);
        var last = bounds.Length == 2 ? long.Parse(bounds[1], CultureInfo.InvariantCulture) : first;
        if (last < first || last - first > 65_536) throw Malformed(expression);
        var width = bounds[0].Length; // zero padding is kept: [01-10]
        for (var n = first; n <= last; n++) yield return n.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
    }

    private static IEnumerable<string> SplitTopLevel(string expression)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= expression.Length; i++)
        {
            if (i < expression.Length && expression[i] == '[') depth++;
            else if (i < expression.Length && expression[i] == ']') depth--;
            else if (i == expression.Length || (expression[i] == ',' && depth == 0))
            {
                var item = expression[start..i].Trim();
                if (item.Length == 0) throw Malformed(expression);
                yield return item;
                start = i + 1;
            }
        }
    }

    private static FormatException Malformed(string expression) =>
        new($"'{expression}' is not a node list (names or prefix-[1-4,7] ranges, comma separated).");
}

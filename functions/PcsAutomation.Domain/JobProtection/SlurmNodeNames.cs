using System.Globalization;

namespace PcsAutomation.Domain.JobProtection;

/// <summary>
/// Which Slurm nodes belong to which node groups, for a workflow that holds only some groups' nodes (a Capacity Block's).
/// PCS names a group's nodes <c>&lt;group name&gt;-&lt;n&gt;</c>, 1 to its maximum (guide L997, L1002:
/// <c>compute-1-[1-4]</c>); slurmrestd lists a job's nodes as a hostlist expression, names and bracketed ranges
/// separated by commas (<c>tux[0-5,12,20-25]</c>, https://manpages.ubuntu.com/manpages/noble/man3/Slurm::Hostlist.3pm.html).
/// </summary>
public static class SlurmNodeNames
{
    /// <summary>
    /// True when <paramref name="nodeName"/> is a node of one of <paramref name="groupNames"/>: the group's name, a
    /// dash, digits. Unambiguous: <c>gpu-1-2</c> is node 2 of <c>gpu-1</c>, never a node of <c>gpu</c> (<c>1-2</c> is not a number).
    /// </summary>
    public static bool IsOfGroups(string nodeName, IReadOnlyCollection<string> groupNames)
    {
        ArgumentNullException.ThrowIfNull(nodeName);
        ArgumentNullException.ThrowIfNull(groupNames);
        var dash = nodeName.LastIndexOf('-');
        return dash > 0 && dash < nodeName.Length - 1
            && nodeName[(dash + 1)..].All(char.IsAsciiDigit)
            && groupNames.Contains(nodeName[..dash], StringComparer.Ordinal);
    }

    /// <summary>True when any node of <paramref name="hostlist"/> (a job's nodes) is a node of <paramref name="groupNames"/>; false for none (a pending job).</summary>
    public static bool AnyOfGroups(string? hostlist, IReadOnlyCollection<string> groupNames) =>
        !string.IsNullOrWhiteSpace(hostlist) && Expand(hostlist).Any(n => IsOfGroups(n, groupNames));

    /// <summary>
    /// The node names of a hostlist expression, in order: <c>gpu-a-[1-2,4],cpu-1</c> gives gpu-a-1, gpu-a-2, gpu-a-4,
    /// cpu-1. Zero-padded ranges keep their width (<c>n[08-10]</c>: n08, n09, n10). Malformed text (unbalanced
    /// brackets, a range that is not numbers) is an <see cref="ArgumentException"/> naming it: a job's nodes misread
    /// would let a workflow go on while a job runs.
    /// </summary>
    public static IReadOnlyList<string> Expand(string hostlist)
    {
        ArgumentNullException.ThrowIfNull(hostlist);
        var names = new List<string>();
        foreach (var item in SplitTopLevel(hostlist))
            names.AddRange(ExpandOne(item, hostlist));
        return names;
    }

    // Commas and whitespace separate hosts, except inside brackets, where commas separate ranges.
    private static IEnumerable<string> SplitTopLevel(string hostlist)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= hostlist.Length; i++)
        {
            var c = i < hostlist.Length ? hostlist[i] : ',';
            if (c == '[') depth++;
            else if (c == ']') depth--;
            if (depth is < 0 or > 1)
                throw Malformed(hostlist, "its brackets do not pair");
            if (depth == 0 && (c == ',' || char.IsWhiteSpace(c)))
            {
                if (i > start) yield return hostlist[start..i];
                start = i + 1;
            }
        }
        if (depth != 0)
            throw Malformed(hostlist, "its brackets do not pair");
    }

    // One host, or prefix[ranges]suffix, where the suffix may hold more brackets (expanded in turn).
    private static IEnumerable<string> ExpandOne(string item, string hostlist)
    {
        var open = item.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
            return [item];
        var close = item.IndexOf(']', open);
        var prefix = item[..open];
        var suffixes = ExpandOne(item[(close + 1)..], hostlist).ToList();
        var numbers = new List<string>();
        foreach (var range in item[(open + 1)..close].Split(','))
        {
            var parts = range.Split('-');
            if (parts.Length is < 1 or > 2 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit)))
                throw Malformed(hostlist, $"'{range}' is not a number or a range of numbers");
            var from = long.Parse(parts[0], CultureInfo.InvariantCulture);
            var to = long.Parse(parts[^1], CultureInfo.InvariantCulture);
            if (to < from || to - from > 100_000)
                throw Malformed(hostlist, $"'{range}' is not an increasing range of at most 100000 nodes");
            var width = parts[0].Length;
            for (var n = from; n <= to; n++)
                numbers.Add(n.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'));
        }
        return numbers.SelectMany(n => suffixes.Select(s => prefix + n + s));
    }

    private static ArgumentException Malformed(string hostlist, string why) =>
        new($"hostlist '{(hostlist.Length <= 80 ? hostlist : hostlist[..80] + "...")}' cannot be read: {why}", nameof(hostlist));
}

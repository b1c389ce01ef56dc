using System.Globalization;

namespace PcsAutomation.Domain.JobProtection;

/// <summary>
/// Slurm's node names as PCS gives them: a compute node group's nodes are <c>&lt;node group name&gt;-&lt;n&gt;</c>, e.g.
/// <c>compute-1-[1-4]</c>; raising max to 8 lists <c>compute-1-[1-8]</c> (guide L997, L1002). Jobs name their nodes as a
/// Slurm hostlist expression (<c>compute-1-[1-2,4],gpu-3</c>: https://slurm.schedmd.com/scontrol.html, "hostlist").
/// </summary>
public static class SlurmNodeNames
{
    /// <summary>
    /// True when <paramref name="nodeName"/> is a node of the group <paramref name="nodeGroupName"/>: the name, <c>-</c>,
    /// then digits only, so group <c>compute</c> does not claim <c>compute-1-1</c> (a node of group <c>compute-1</c>).
    /// </summary>
    public static bool IsOfNodeGroup(string nodeName, string nodeGroupName)
    {
        ArgumentNullException.ThrowIfNull(nodeName);
        ArgumentException.ThrowIfNullOrEmpty(nodeGroupName);
        var prefix = nodeGroupName + "-";
        return nodeName.Length > prefix.Length
            && nodeName.StartsWith(prefix, StringComparison.Ordinal)
            && nodeName.AsSpan(prefix.Length).IndexOfAnyExceptInRange('0', '9') < 0;
    }

    /// <summary>
    /// The node names of a hostlist expression: comma-separated items, each a name with at most one bracketed list of
    /// numbers and ranges (<c>gpu-[01-03,7]</c>: zero padding kept). A malformed expression is a clear
    /// <see cref="FormatException"/> naming it.
    /// </summary>
    public static IReadOnlyList<string> Expand(string? hostlist)
    {
        if (string.IsNullOrWhiteSpace(hostlist))
            return [];
        var names = new List<string>();
        foreach (var item in SplitTopLevel(hostlist))
        {
            var open = item.IndexOf('[', StringComparison.Ordinal);
            if (open < 0)
            {
                names.Add(item);
                continue;
            }
            var close = item.IndexOf(']', open);
            if (close < 0 || item.IndexOf('[', open + 1) >= 0)
                throw Malformed(hostlist, item);
            var (head, tail) = (item[..open], item[(close + 1)..]);
            foreach (var range in item[(open + 1)..close].Split(','))
            {
                var dash = range.IndexOf('-', StringComparison.Ordinal);
                var (from, to) = dash < 0 ? (range, range) : (range[..dash], range[(dash + 1)..]);
                if (!int.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out var first)
                    || !int.TryParse(to, NumberStyles.None, CultureInfo.InvariantCulture, out var last) || last < first)
                    throw Malformed(hostlist, item);
                for (var n = first; n <= last; n++)
                    names.Add(head + n.ToString(CultureInfo.InvariantCulture).PadLeft(from.Length, '0') + tail);
            }
        }
        return names;
    }

    private static IEnumerable<string> SplitTopLevel(string hostlist)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= hostlist.Length; i++)
        {
            if (i < hostlist.Length && hostlist[i] == '[') depth++;
            else if (i < hostlist.Length && hostlist[i] == ']') depth--;
            else if (i == hostlist.Length || (hostlist[i] == ',' && depth == 0))
            {
                var item = hostlist[start..i].Trim();
                if (item.Length > 0) yield return item;
                start = i + 1;
            }
        }
    }

    private static FormatException Malformed(string hostlist, string item) =>
        new($"'{hostlist}' is not a Slurm hostlist this reads ('{item}': a name with at most one [list of numbers and ranges])");
}

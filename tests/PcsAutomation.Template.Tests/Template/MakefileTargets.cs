namespace PcsAutomation.Template.Tests.Template;

/// <summary>The targets a Makefile defines, read the way make reads rule lines (<c>a b: prerequisites</c>).</summary>
public static class MakefileTargets
{
    /// <summary>Every target name on a rule line; recipe lines (tab-indented) and variable assignments are skipped.</summary>
    public static IReadOnlySet<string> Parse(string makefile)
    {
        var targets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in makefile.Split('\n'))
        {
            if (line.StartsWith('\t') || line.TrimStart().StartsWith('#'))
                continue;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line.AsSpan(colon).StartsWith(":=") || line[..colon].Contains('='))
                continue;
            foreach (var target in line[..colon].Split(' ', '\t', StringSplitOptions.RemoveEmptyEntries))
                targets.Add(target);
        }
        return targets;
    }

    /// <summary>The functions built by SAM's <c>makefile</c> method that have no <c>build-&lt;LogicalId&gt;</c> target.</summary>
    public static IReadOnlyList<string> MissingBuildTargets(IEnumerable<SamFunction> functions, string makefile)
    {
        var targets = Parse(makefile);
        return [.. functions
            .Where(f => f.BuildMethod == "makefile" && !targets.Contains("build-" + f.LogicalId))
            .Select(f => f.LogicalId)];
    }
}

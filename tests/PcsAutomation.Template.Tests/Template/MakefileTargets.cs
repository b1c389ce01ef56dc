namespace PcsAutomation.Template.Tests.Template;

/// <summary>
/// The targets a Makefile defines, as GNU make itself sees them: <c>make -pqrR</c> prints make's database
/// (rules after variable expansion, static pattern rules like <c>$(addprefix build-,$(FUNCTIONS)): build-%: ...</c>
/// resolved) without running any recipe, so the check reads the Makefile exactly as <c>sam build</c>'s make will.
/// </summary>
public static class MakefileTargets
{
    private const string FilesSection = "# Files";
    private const string NotATarget = "# Not a target:";

    /// <summary>Runs make on <paramref name="makefilePath"/> (question mode: nothing is built) and lists its targets.</summary>
    public static async Task<IReadOnlySet<string>> ReadAsync(string makefilePath)
    {
        var result = await ExternalTool.RunAsync("make", ["-pqrR", "--no-print-directory", "-f", makefilePath],
            Path.GetDirectoryName(makefilePath)!, TimeSpan.FromMinutes(1));
        // -q exits 1 when the default goal is out of date; 2 is a real error (syntax, missing include, ...)
        if (result.ExitCode > 1 || !result.StandardOutput.Contains(FilesSection, StringComparison.Ordinal))
            throw new InvalidOperationException("make could not read " + makefilePath + ": " + result);
        return ParseDatabase(result.StandardOutput);
    }

    /// <summary>The targets of the <c># Files</c> section of make's printed database.</summary>
    public static IReadOnlySet<string> ParseDatabase(string database)
    {
        var targets = new HashSet<string>(StringComparer.Ordinal);
        var inFiles = false;
        var previous = string.Empty;
        foreach (var line in database.Split('\n'))
        {
            if (line.StartsWith('#'))
                inFiles = line == FilesSection || (inFiles && !line.StartsWith("# files hash-table", StringComparison.Ordinal));
            else if (inFiles && line.Length > 0 && !char.IsWhiteSpace(line[0]) && previous != NotATarget
                     && line.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon && !line.AsSpan(colon).StartsWith(":="))
            {
                foreach (var target in line[..colon].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    targets.Add(target);
            }
            if (line.Length > 0)
                previous = line;
        }
        return targets;
    }

    /// <summary>The functions built by SAM's <c>makefile</c> method that have no <c>build-&lt;LogicalId&gt;</c> target.</summary>
    public static IReadOnlyList<string> MissingBuildTargets(IEnumerable<SamFunction> functions, IReadOnlySet<string> targets) =>
        [.. functions.Where(f => f.BuildMethod == "makefile" && !targets.Contains("build-" + f.LogicalId)).Select(f => f.LogicalId)];
}

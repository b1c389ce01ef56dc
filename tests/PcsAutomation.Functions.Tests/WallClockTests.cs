using System.Text.RegularExpressions;

namespace PcsAutomation.Functions.Tests;

/// <summary>
/// Conventions point 2: time is a dependency. Product code under functions/ takes a TimeProvider; only the
/// bootstrap's Program.cs hands over the system clock, so every timing decision is testable on a virtual clock.
/// </summary>
public partial class WallClockTests
{
    [GeneratedRegex(@"TimeProvider\.System|DateTime(Offset)?\.(Now|UtcNow|Today)|Thread\.Sleep|Environment\.TickCount|Stopwatch\.")]
    private static partial Regex WallClockCall();

    [Fact]
    public void FunctionsSources_OutsideProgram_NeverReadTheWallClock()
    {
        var functions = Path.Combine(RepoRoot(), "functions");
        var sources = Directory.EnumerateFiles(functions, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileName(f) != "Program.cs")
            .ToList();

        var offenders = sources
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("///", StringComparison.Ordinal) && !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Where(l => WallClockCall().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(functions, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(sources.Count > 50, "the scan found the sources");
        Assert.Empty(offenders);
    }

    [Fact]
    public void WallClockPattern_MatchesTheCallsItForbids() =>
        Assert.All(["TimeProvider.System", "DateTimeOffset.UtcNow", "DateTime.Now", "Thread.Sleep(5)"], s => Assert.Matches(WallClockCall(), s));

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PcsAutomation.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("PcsAutomation.sln not found above the test assembly.");
    }
}

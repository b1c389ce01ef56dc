using System.Text.RegularExpressions;

namespace PcsAutomation.States.Tests.Runtime;

/// <summary>The deterministic boundary: the engine reads time only from its TimeProvider and randomness only from its RandomSource.</summary>
public partial class DeterminismTests
{
    [Fact]
    public void EngineSources_NoWallClockOrAmbientRandom()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../tools/PcsAutomation.States"));
        var offenders = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => Forbidden().IsMatch(x.line))
            .Select(x => $"{Path.GetFileName(x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(Directory.Exists(root), root);
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [GeneratedRegex(@"DateTime(Offset)?\.(Utc)?Now|TimeProvider\.System|Stopwatch|Random\.Shared|Guid\.NewGuid|Task\.Delay|Thread\.Sleep|Environment\.TickCount")]
    private static partial Regex Forbidden();
}

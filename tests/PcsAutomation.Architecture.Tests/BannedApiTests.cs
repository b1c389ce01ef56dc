using System.Diagnostics;
using System.Text.RegularExpressions;
using PcsAutomation.LocalAws.Tests.EventBridge;

namespace PcsAutomation.Architecture.Tests;

/// <summary>
/// Wall-clock reads (and, in the States engine, ambient randomness) are refused by the compiler: the banned API
/// analyzer with BannedSymbols.WallClock.txt and BannedSymbols.Randomness.txt (Directory.Build.props). These tests
/// make sure that check cannot switch off silently: a probe project with the same bans must fail to build with one
/// RS0030 error per banned entry, and every product project and the engine must have the bans turned on.
/// </summary>
public sealed partial class BannedApiTests
{
    private static readonly string Probe = Path.Combine(RepoPaths.Root, "tests", "PcsAutomation.Architecture.Tests", "Fixtures", "WallClockProbe");

    [Fact]
    public async Task Probe_EveryBannedSymbolUsedOnce_BuildFailsWithRs0030OnEachLine()
    {
        var banned = BannedIds("BannedSymbols.WallClock.txt").Concat(BannedIds("BannedSymbols.Randomness.txt")).ToList();
        var probeLines = File.ReadAllLines(Path.Combine(Probe, "Probe.cs"));
        var lineOf = banned.ToDictionary(id => id, id => Array.FindIndex(probeLines, l => l.EndsWith("// " + id, StringComparison.Ordinal)) + 1);

        var (exitCode, output) = await RunAsync("dotnet", "build", Path.Combine(Probe, "WallClockProbe.csproj"), "-nodeReuse:false", "-clp:NoSummary");

        Assert.True(banned.Count >= 25, $"read {banned.Count} banned entries");
        Assert.All(banned, id => Assert.True(lineOf[id] > 0, $"Probe.cs has no line using {id}"));
        Assert.NotEqual(0, exitCode);
        var reported = Rs0030Lines().Matches(output).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        // Every line of the probe that reads something banned must be refused: an entry dropped from a list fails here.
        var probeReads = probeLines.Select((text, i) => (Line: i + 1, Id: ProbeId().Match(text))).Where(p => p.Id.Success).ToList();
        Assert.All(probeReads, read => Assert.True(reported.Contains(read.Line),
            $"no RS0030 for {read.Id.Groups[1].Value} (Probe.cs line {read.Line}): is it still in BannedSymbols.*.txt?"));
        Assert.Equal(banned.Count, probeReads.Count);
        Assert.DoesNotContain(output.Split('\n'), l => l.Contains("error", StringComparison.Ordinal) && !l.Contains("RS0030", StringComparison.Ordinal) && l.Contains("Probe.cs", StringComparison.Ordinal));
    }

    /// <summary>Every project under functions/, and the States engine: the code that must read time only from its inputs.</summary>
    public static TheoryData<string> Guarded() => [.. GuardedProjects()];

    private static List<string> GuardedProjects() =>
        [.. Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "functions"), "*.csproj", SearchOption.AllDirectories)
            .Append(Path.Combine(RepoPaths.Root, "tools", "PcsAutomation.States", "PcsAutomation.States.csproj"))
            .Select(p => Path.GetRelativePath(RepoPaths.Root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Guarded))]
    public async Task GuardedProject_Evaluated_HasTheWallClockBanOn(string project)
    {
        var output = await EvaluateAsync(project);

        Assert.True(GuardedProjects().Count >= 5, "functions/ has its four projects, plus the engine");
        Assert.Contains("\"BanWallClock\": \"true\"", output, StringComparison.Ordinal);
        Assert.Contains("BannedSymbols.WallClock.txt", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatesEngine_Evaluated_HasTheRandomnessBanOn()
    {
        var output = await EvaluateAsync("tools/PcsAutomation.States/PcsAutomation.States.csproj");

        Assert.Contains("\"BanAmbientRandomness\": \"true\"", output, StringComparison.Ordinal);
        Assert.Contains("BannedSymbols.Randomness.txt", output, StringComparison.Ordinal);
    }

    /// <summary>What MSBuild evaluates for the project: the ban properties and its AdditionalFiles, as JSON.</summary>
    private static async Task<string> EvaluateAsync(string project)
    {
        var (exitCode, output) = await RunAsync("dotnet", "msbuild", Path.Combine(RepoPaths.Root, project),
            "-getProperty:BanWallClock", "-getProperty:BanAmbientRandomness", "-getItem:AdditionalFiles");
        Assert.True(exitCode == 0, output);
        return output;
    }

    private static IEnumerable<string> BannedIds(string file) =>
        File.ReadLines(Path.Combine(RepoPaths.Root, file))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal))
            .Select(l => l.Split(';')[0]);

    private static async Task<(int ExitCode, string Output)> RunAsync(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
        var stderr = process.StandardError.ReadToEndAsync(limit.Token);
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"Probe\.cs\((\d+),\d+\): error RS0030")]
    private static partial Regex Rs0030Lines();

    [GeneratedRegex(@"// ([TMPFE]:\S+)$")]
    private static partial Regex ProbeId();
}

using PcsAutomation.Benchmarks.CapacityBlocks;

namespace PcsAutomation.Workflows.Tests.Benchmarks.CapacityBlocks;

/// <summary>
/// A smoke test of the Capacity Block reconciler's benchmark (benchmarks/CapacityBlocks, not part of dotnet test): three
/// clusters on two blocks, the real function from the template on its own schedule. The first run reads the clusters
/// and starts one expiry per block; the next one only finds them.
/// </summary>
public class ReconcilerRunTests
{
    [Fact]
    public async Task RunAsync_SmallFleet_FirstRunStartsEveryBlockOnceTheNextReadsNoCluster()
    {
        var result = await ReconcilerRun.RunAsync(Options());

        Assert.Empty(result.Problems);
        Assert.Equal(2, result.ExpiriesExpected);
        Assert.Equal((2, 0, true), (result.First.Started, result.First.AlreadyStarted, result.First.ClustersRead));
        Assert.Equal((0, 2, false), (result.Steady.Started, result.Steady.AlreadyStarted, result.Steady.ClustersRead));
        Assert.True(result.First.Of("pcs", "GetComputeNodeGroup") >= 3 * 4, $"{result.First.Of("pcs", "GetComputeNodeGroup")} GetComputeNodeGroup calls");
        Assert.Equal(0, result.Steady.Of("pcs"));
        Assert.Equal(2, result.Steady.Of("states", "DescribeExecution"));
        Assert.Equal(TimeSpan.FromMinutes(15), result.Steady.Start - result.First.Start); // the template's schedule
        Assert.Equal((256, TimeSpan.FromSeconds(300)), (result.MemoryMb, result.Timeout));
    }

    [Fact]
    public async Task Section_WrittenTwice_ReplacesItselfBetweenItsMarkersAndKeepsTheRest()
    {
        var result = await ReconcilerRun.RunAsync(Options());
        var section = Report.Section(result, new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero), "1 / 1 / 1", "2 / 2 / 2");
        const string document = "# Benchmarks\n\nbefore\n";

        var once = Report.Merge(document, section);
        var twice = Report.Merge(once, section);

        Assert.StartsWith(document.TrimEnd('\n'), once, StringComparison.Ordinal);
        Assert.Equal(once, twice);
        Assert.Contains("## Capacity Block reconciler", section, StringComparison.Ordinal);
        Assert.Contains("| expiries started / found started | 2 / 0 | 0 / 2 |", section, StringComparison.Ordinal);
        Assert.Contains("1 / 1 / 1 at\nthe start and 2 / 2 / 2 at the end", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_SteadyRun_LambdaRequestDurationAndTheScan()
    {
        var options = Options() with { CallMilliseconds = 20, InitMilliseconds = 100 };
        var run = new ReconcilerRunRecord(2, DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1), TimeSpan.Zero,
            new Dictionary<string, int>(StringComparer.Ordinal) { ["states:DescribeExecution"] = 19, ["dynamodb:Scan"] = 1 }, 0, 19, false, null);

        var cost = ReconcilerCost.Of(run, 256, options);

        Assert.Equal(TimeSpan.FromMilliseconds(1000 + 20 * 20 + 100), cost.Billed);
        Assert.Equal(0.25 * 1.5, cost.GbSeconds, 9);
        Assert.Equal(0.20 / 1_000_000 + 0.375 * 0.0000166667 + 0.125 / 1_000_000, cost.Total, 12);
    }

    private static ReconcilerOptions Options() => new()
    {
        Clusters = 3,
        Groups = 4,
        Blocks = 2,
        Runs = 2,
        RepoRoot = RepoPaths.Root,
        ReportPath = null,
    };
}

using PcsAutomation.Benchmarks.Rollout;

namespace PcsAutomation.Workflows.Tests.Benchmarks.Rollout;

/// <summary>
/// A smoke test of the fleet benchmark's runner (benchmarks/Rollout, not part of dotnet test): two clusters of three node
/// groups, the real state machine and handlers. Without a rate limit the fleet takes exactly the computed critical path,
/// which is what the benchmark's minimum rests on.
/// </summary>
public class FleetRunTests
{
    [Fact]
    public async Task RunAsync_TwoSmallClustersNoRateLimit_EveryGroupOnTheNewImageInExactlyTheCriticalPath()
    {
        var result = await FleetRun.RunAsync(Options(rateLimited: false));

        Assert.Equal(0, result.Failures);
        Assert.All(result.Clusters, c => Assert.Equal(("Succeeded", 3), (c.Status, c.GroupsOnNewImage)));
        Assert.All(result.Clusters, c => Assert.Equal(3, c.Plan.Count));
        Assert.True(result.CriticalPath > TimeSpan.FromMinutes(17), $"critical path {result.CriticalPath}");
        Assert.Equal(result.CriticalPath, result.Completion);
        Assert.Empty(result.Buckets);
        Assert.Equal(1.0, result.Ratio);
    }

    [Fact]
    public async Task RunAsync_RateLimited_EveryPcsAndEc2CallCountedInItsBucket()
    {
        var result = await FleetRun.RunAsync(Options(rateLimited: true));

        Assert.Equal(0, result.Failures);
        Assert.Contains(result.Buckets, b => b.Name.StartsWith("PCS reads", StringComparison.Ordinal));
        Assert.Contains(result.Buckets, b => b.Name == "EC2 DescribeInstances");
        Assert.Equal(result.Calls("pcs") + result.Calls("ec2"), result.Buckets.Sum(b => b.Needed + b.Throttled));
        Assert.True(result.Minimum >= result.CriticalPath);
        Assert.True(result.StateTransitions > 0 && result.Invocations.Count > 0);
    }

    [Fact]
    public async Task Section_WrittenTwice_ReplacesItselfBetweenItsMarkersAndKeepsTheRest()
    {
        var result = await FleetRun.RunAsync(Options(rateLimited: false));
        var section = Report.Section(result, new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero), new Machine(2, ".NET", "1 / 1 / 1", "2 / 2 / 2"));
        const string document = "# Benchmarks\n\nbefore\n";

        var once = Report.Merge(document, section);
        var twice = Report.Merge(once, section);

        Assert.StartsWith(document.TrimEnd('\n'), once, StringComparison.Ordinal);
        Assert.Equal(once, twice);
        Assert.Contains("## Fleet roll-out", section, StringComparison.Ordinal);
        Assert.Contains("| failures (executions not SUCCEEDED or a group not verified on the new image) = 0 | 0 | yes |", section, StringComparison.Ordinal);
        Assert.Contains("1 / 1 / 1 at the start and 2 / 2 / 2 at the end", section, StringComparison.Ordinal);
    }

    private static RolloutOptions Options(bool rateLimited) => new()
    {
        Clusters = 2,
        Groups = 3,
        BatchSize = 2,
        RateLimited = rateLimited,
        RepoRoot = RepoPaths.Root,
        ReportPath = null,
    };
}

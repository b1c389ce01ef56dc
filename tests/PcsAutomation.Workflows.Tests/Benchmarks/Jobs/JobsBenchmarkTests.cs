using PcsAutomation.Benchmarks.Jobs;

namespace PcsAutomation.Workflows.Tests.Benchmarks.Jobs;

/// <summary>
/// A smoke test of the jobs benchmark (benchmarks/Jobs, not part of dotnet test) on 20 of JobMix's jobs: the run
/// without a rotation and one scheduled rotation per policy, checked for what the counts must say whatever the
/// machine: reserve kills no more jobs than drain, drain no more than requeue (drain stops new jobs at the window's
/// start and waits; reserve stops them from the notice on), and every run ends with all jobs completed. Not speed.
/// </summary>
public class JobsBenchmarkTests
{
    private static JobsOptions Options() => new() { Jobs = 20, Seed = 1, RepoRoot = RepoPaths.Root, ReportPath = null };

    [Fact]
    public async Task RunAsync_TwentyJobs_ReserveKillsNoMoreThanDrainAndDrainNoMoreThanRequeue()
    {
        var result = await JobsBenchmark.RunAsync(Options());

        Assert.Empty(result.Problems);
        Assert.Equal(20, result.Baseline.Jobs.Count);
        Assert.All(result.Baseline.Jobs, j => Assert.Empty(j.KilledRuns));
        Assert.Null(result.Baseline.Rotation);
        var (requeue, drain, reserve) = (result.Of("requeue"), result.Of("drain"), result.Of("reserve"));
        Assert.True(requeue.Requeued > 0, "no job ran into the window: the test proves nothing");
        Assert.True(reserve.Requeued <= drain.Requeued && drain.Requeued <= requeue.Requeued,
            $"requeued: reserve {reserve.Requeued}, drain {drain.Requeued}, requeue {requeue.Requeued}");
        Assert.Equal(reserve.Requeued, reserve.RequeuedStartedBeforeProtection);        // only jobs running before the notice
        Assert.All(result.Policies, p =>
        {
            Assert.Equal(20, p.Result.Jobs.Count(j => j.End is not null));
            Assert.Equal("SUCCEEDED", p.Result.Rotation!.Status);
            Assert.True(p.Result.Rotation.Started >= JobsRun.WindowOpensAt);
        });
        Assert.Equal(0, requeue.Result.HeldNodeHours);                                   // nothing held without protection
        Assert.Null(requeue.Result.ProtectionSince);
        Assert.True(reserve.Result.ProtectionSince < JobsRun.WindowOpensAt, "reserve's reservation came with the notice, before the window");
        Assert.True(drain.Result.ProtectionSince >= JobsRun.WindowOpensAt, "drain starts at the window");
        Assert.True(requeue.WaitBeforeScaleDown < TimeSpan.FromMinutes(1), $"requeue waited {requeue.WaitBeforeScaleDown} before the scale-down");
    }

    [Fact]
    public void Section_WrittenTwice_ReplacesItselfBetweenItsMarkersAndKeepsTheRest()
    {
        var window = JobsRun.WindowOpensAt;
        var baseline = new CaseResult(JobsCase.Baseline, [new JobRecord(1, "batch", TimeSpan.FromHours(1), [], window.AddHours(3))], null, null, 0, window, TimeSpan.FromSeconds(1), []);
        var killed = new CaseResult(new JobsCase("requeue"), [new JobRecord(1, "batch", TimeSpan.FromHours(1), [new KilledRun(window.AddMinutes(-30), window.AddMinutes(5))], window.AddHours(5))],
            new RotationFacts("SUCCEEDED", null, "requeue", null, window, window.AddMinutes(1), window.AddMinutes(1), window.AddMinutes(40)), null, 0, window, TimeSpan.FromSeconds(2), []);
        var summary = CaseSummary.Of(killed, baseline);
        var section = Report.Section([summary], baseline, Options(), new DateTimeOffset(2026, 12, 6, 15, 0, 0, TimeSpan.Zero), "1 / 1 / 1", "2 / 2 / 2");
        const string document = "# Benchmarks\n\nbefore\n";

        var once = Report.Merge(document, section);
        var twice = Report.Merge(once, section);

        Assert.Equal((1, TimeSpan.FromHours(2), TimeSpan.FromHours(2)), (summary.Requeued, summary.MedianDelay, summary.MaxDelay));
        Assert.Equal(35.0 / 60, summary.LostNodeHours, 9);
        Assert.StartsWith(document.TrimEnd('\n'), once, StringComparison.Ordinal);
        Assert.Equal(once, twice);
        Assert.Contains("| **jobs killed and requeued by the rotation** | **1** |", section, StringComparison.Ordinal);
        Assert.Contains("| rotation started / ended | +0:00 / +0:40 |", section, StringComparison.Ordinal);
        Assert.Contains("1 / 1 / 1 at the start and 2 / 2 / 2 at the end", section, StringComparison.Ordinal);
    }
}

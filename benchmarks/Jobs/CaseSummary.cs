namespace PcsAutomation.Benchmarks.Jobs;

/// <summary>
/// One policy's run against the run without a rotation (same seed, same jobs, same ids): a job is delayed by how much
/// later it completed.
/// </summary>
internal sealed record CaseSummary(
    CaseResult Result,
    int Requeued,
    int KilledRuns,
    double LostNodeHours,
    int RequeuedStartedBeforeProtection,
    int Delayed,
    TimeSpan MedianDelay,
    TimeSpan MaxDelay,
    double DelayJobHours,
    TimeSpan? WaitBeforeScaleDown,
    bool TimedOut)
{
    public static CaseSummary Of(CaseResult result, CaseResult baseline)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(baseline);
        var ends = baseline.Jobs.Where(j => j.End is not null).ToDictionary(j => j.JobId, j => j.End!.Value);
        var delays = result.Jobs
            .Where(j => j.End is not null && ends.ContainsKey(j.JobId))
            .Select(j => j.End!.Value - ends[j.JobId])
            .Where(d => d > TimeSpan.Zero)
            .Order()
            .ToList();
        var since = result.ProtectionSince;
        var rotation = result.Rotation;
        return new CaseSummary(
            result,
            result.Jobs.Count(j => j.Requeued),
            result.Jobs.Sum(j => j.KilledRuns.Count),
            result.Jobs.SelectMany(j => j.KilledRuns).Sum(r => r.Lost.TotalHours),
            since is { } s ? result.Jobs.Count(j => j.Requeued && j.KilledRuns.All(r => r.Start < s)) : result.Jobs.Count(j => j.Requeued),
            delays.Count,
            delays.Count == 0 ? TimeSpan.Zero : Median(delays),
            delays.Count == 0 ? TimeSpan.Zero : delays[^1],
            delays.Sum(d => d.TotalHours),
            rotation?.ScaleDownStarted - rotation?.ProtectionApplied,
            rotation?.WaitOutcome == "TIMED_OUT");
    }

    private static TimeSpan Median(List<TimeSpan> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

namespace PcsAutomation.Benchmarks.Jobs;

/// <summary>Every run of one benchmark: the baseline, then each policy; its problems, each naming its run.</summary>
internal sealed record JobsBenchmarkResult(CaseResult Baseline, IReadOnlyList<CaseSummary> Policies)
{
    public IReadOnlyList<string> Problems =>
        [.. Baseline.Problems.Select(p => $"{Baseline.Case.Name}: {p}"), .. Policies.SelectMany(s => s.Result.Problems.Select(p => $"{s.Result.Case.Name}: {p}"))];

    public CaseSummary Of(string policy) => Policies.Single(p => p.Result.Case.Policy == policy);
}

/// <summary>The runs one after the other (each its own emulator, so nothing carries over).</summary>
internal static class JobsBenchmark
{
    public static async Task<JobsBenchmarkResult> RunAsync(JobsOptions options, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        progress?.Invoke($"{JobsCase.Baseline.Name}...");
        var baseline = await JobsRun.RunAsync(JobsCase.Baseline, options).ConfigureAwait(false);
        var summaries = new List<CaseSummary>();
        foreach (var run in JobsCase.Policies)
        {
            progress?.Invoke($"{run.Name}...");
            var result = await JobsRun.RunAsync(run, options).ConfigureAwait(false);
            var summary = CaseSummary.Of(result, baseline);
            progress?.Invoke($"  {result.Rotation?.Status ?? "no rotation"}: {summary.Requeued} requeued, {summary.Delayed} delayed, "
                + $"held {result.HeldNodeHours:0.0} node-hours, wall {result.WallTime.TotalSeconds:0.0} s");
            summaries.Add(summary);
        }
        return new JobsBenchmarkResult(baseline, summaries);
    }
}

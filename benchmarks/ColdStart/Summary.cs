namespace PcsAutomation.Benchmarks.ColdStart;

/// <summary>One candidate's cold starts, reduced to the numbers the report shows.</summary>
public sealed record CandidateSummary(
    string Name,
    int ColdStarts,
    TimeSpan StartToFirstNextMedian,
    TimeSpan StartToFirstNextMin,
    TimeSpan StartToFirstNextMax,
    TimeSpan FirstInvocationMedian,
    TimeSpan WarmInvocationMedian,
    long PeakRssMaxBytes,
    long PeakRssMedianBytes,
    long ZipBytes,
    long UnpackedBytes)
{
    /// <summary>Medians over cold starts; peak RSS is the worst one, since a limit must hold for every start.</summary>
    public static CandidateSummary From(string name, IReadOnlyList<ColdStartMeasurement> runs, long zipBytes, long unpackedBytes)
    {
        var starts = runs.Select(r => r.StartToFirstNext).ToList();
        var rss = runs.Select(r => r.PeakRssBytes).Order().ToList();
        return new CandidateSummary(
            name,
            runs.Count,
            Statistics.Median(starts),
            starts.Min(),
            starts.Max(),
            Statistics.Median([.. runs.Select(r => r.FirstInvocation)]),
            Statistics.Median([.. runs.Select(r => r.WarmMedian)]),
            rss[^1],
            rss[rss.Count / 2],
            zipBytes,
            unpackedBytes);
    }
}

/// <summary>One measured function's AOT and JIT summaries.</summary>
public sealed record FunctionResult(MeasuredFunction Function, CandidateSummary Aot, CandidateSummary Jit);

/// <summary>The targets, checked against the AOT and JIT summaries.</summary>
public sealed record TargetCheck(string Target, string Measured, bool Met)
{
    /// <summary>The AOT start under 10 ms (issue 9 §4; a quiet machine's number) and the limit the run is checked against.</summary>
    public static readonly TimeSpan StartLimit = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Per function: start → first /next under 10 ms and ≥ 10× faster than JIT, peak RSS ≤ 32 MiB, zip ≤ 10 MB
    /// (10,000,000 bytes; the stricter reading; the same bootstrap for every function).
    /// </summary>
    public static IReadOnlyList<TargetCheck> Evaluate(MeasuredFunction function, CandidateSummary aot, CandidateSummary jit)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(aot);
        ArgumentNullException.ThrowIfNull(jit);
        var speedup = jit.StartToFirstNextMedian / aot.StartToFirstNextMedian;
        return
        [
            new($"{function.Handler}: AOT start → first `/next` < 10 ms", Format.Ms(aot.StartToFirstNextMedian), aot.StartToFirstNextMedian < StartLimit),
            new($"{function.Handler}: AOT start ≥ 10× faster than JIT", $"{speedup:0.0}×", speedup >= 10),
            new($"{function.Handler}: AOT peak RSS ≤ 32 MiB", Format.MiB(aot.PeakRssMaxBytes), aot.PeakRssMaxBytes <= 32L * 1024 * 1024),
            new($"{function.Handler}: AOT zip ≤ 10 MB", Format.MB(aot.ZipBytes), aot.ZipBytes <= 10_000_000),
        ];
    }
}

/// <summary>Number formats shared by the console table and the Markdown report.</summary>
public static class Format
{
    public static string Ms(TimeSpan value) => value.TotalMilliseconds >= 100 ? $"{value.TotalMilliseconds:0} ms" : $"{value.TotalMilliseconds:0.00} ms";

    public static string MiB(long bytes) => $"{bytes / 1024.0 / 1024.0:0.0} MiB";

    public static string MB(long bytes) => $"{bytes / 1_000_000.0:0.00} MB";

    public static string Ratio(TimeSpan jit, TimeSpan aot) => $"{jit / aot:0.0}×";

    public static string Ratio(long jit, long aot) => $"{(double)jit / aot:0.0}×";
}

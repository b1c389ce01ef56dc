using System.Text;

namespace PcsAutomation.Benchmarks.ColdStart;

/// <summary>The results as a Markdown table (printed, and written into docs/benchmarks.md).</summary>
public static class Report
{
    /// <summary>The side-by-side table: one row per measure, AOT, JIT and how many times better AOT is.</summary>
    public static string Table(CandidateSummary aot, CandidateSummary jit)
    {
        var table = new StringBuilder();
        table.AppendLine("| measure | AOT (`bootstrap`) | JIT (`dotnet bootstrap.dll`) | JIT / AOT |");
        table.AppendLine("| --- | ---: | ---: | ---: |");
        Row(table, $"process start → first `/next` (median of {aot.ColdStarts})", Format.Ms(aot.StartToFirstNextMedian), Format.Ms(jit.StartToFirstNextMedian), Format.Ratio(jit.StartToFirstNextMedian, aot.StartToFirstNextMedian));
        Row(table, "  min – max", $"{Format.Ms(aot.StartToFirstNextMin)} – {Format.Ms(aot.StartToFirstNextMax)}", $"{Format.Ms(jit.StartToFirstNextMin)} – {Format.Ms(jit.StartToFirstNextMax)}", "");
        Row(table, "first invocation, `/next` → `/response` (median)", Format.Ms(aot.FirstInvocationMedian), Format.Ms(jit.FirstInvocationMedian), Format.Ratio(jit.FirstInvocationMedian, aot.FirstInvocationMedian));
        Row(table, "warm invocation (median of medians)", Format.Ms(aot.WarmInvocationMedian), Format.Ms(jit.WarmInvocationMedian), Format.Ratio(jit.WarmInvocationMedian, aot.WarmInvocationMedian));
        Row(table, "peak RSS, `VmHWM` (worst / median)", $"{Format.MiB(aot.PeakRssMaxBytes)} / {Format.MiB(aot.PeakRssMedianBytes)}", $"{Format.MiB(jit.PeakRssMaxBytes)} / {Format.MiB(jit.PeakRssMedianBytes)}", Format.Ratio(jit.PeakRssMaxBytes, aot.PeakRssMaxBytes));
        Row(table, "package zip (unpacked)", $"{Format.MB(aot.ZipBytes)} ({Format.MB(aot.UnpackedBytes)})", $"{Format.MB(jit.ZipBytes)} ({Format.MB(jit.UnpackedBytes)}) + .NET runtime", "");
        return table.ToString();
    }

    /// <summary>The targets with the measured value and a verdict.</summary>
    public static string Targets(IReadOnlyList<TargetCheck> checks)
    {
        var table = new StringBuilder();
        table.AppendLine("| target | measured | met |");
        table.AppendLine("| --- | ---: | :---: |");
        foreach (var check in checks)
            Row(table, check.Target, check.Measured, check.Met ? "yes" : "**no**");
        return table.ToString();
    }

    private static void Row(StringBuilder table, params string[] cells) => table.AppendLine("| " + string.Join(" | ", cells) + " |");
}

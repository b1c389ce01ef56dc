namespace PcsAutomation.Benchmarks.ColdStart;

/// <summary>
/// The cold start section of docs/benchmarks.md, rewritten whole by every run (between its markers) so the text, the
/// command and the numbers agree; the other sections of the file (the rotation cost, the init profile) are kept.
/// </summary>
public static class BenchmarkDocument
{
    public const string SectionStart = "<!-- benchmarks/ColdStart: start (this section is rewritten by `dotnet run -c Release --project benchmarks/ColdStart`) -->";
    public const string SectionEnd = "<!-- benchmarks/ColdStart: end -->";

    private const string Title = "# Benchmarks: cold start, memory, package size and rotation cost";

    public static string Render(
        BenchmarkOptions options, Machine machine, DateTimeOffset when, IReadOnlyList<FunctionResult> results, IReadOnlyList<TargetCheck> checks,
        string loadAtStart, string loadAtEnd)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(results);
        var tables = string.Concat(results.Select(r => $"### `{r.Function.Handler}` ({r.Function.Why})\n\n{Report.Table(r.Aot, r.Jit)}\n"));
        var handlers = string.Join(" and ", results.Select(r => $"`{r.Function.Handler}`"));
        return $$"""
            {{SectionStart}}
            ## Cold start

            Native AOT `bootstrap` versus the same code run JIT (`dotnet bootstrap.dll`), measured side by side in
            one run by `benchmarks/ColdStart`, for {{handlers}}.

            ```bash
            dotnet run -c Release --project benchmarks/ColdStart
            ```

            Options: `--cold-starts N` (default 10 per build and function), `--warm N` (warm invocations per cold start,
            default 100), `--no-publish` (reuse `artifacts/benchmarks/{aot,jit}`), `--repo DIR` (sources to build, default
            this repository), `--artifacts DIR`, `--report FILE`, `--no-report`, `--label TEXT` (names the sources below).
            It exits 1 when a target is missed.

            The numbers below come from: `dotnet run -c Release --project benchmarks/ColdStart{{(options.CommandLine.Length > 0 ? " -- " + options.CommandLine : "")}}`
            on {{when:yyyy-MM-dd HH:mm}} UTC, load average (1/5/15 min) {{loadAtStart}} at the start and {{loadAtEnd}} at the end
            ({{machine.Cores}} cores).{{(options.Label is { } label ? " Sources measured: " + label + "." : "")}}

            {{tables}}{{Report.Targets(checks)}}
            | machine | |
            | --- | --- |
            | CPU | {{machine.Cpu}}, {{machine.Cores}} logical cores |
            | memory | {{machine.Memory}} |
            | OS | {{machine.OperatingSystem}}, kernel {{machine.Kernel}} |
            | .NET | {{machine.DotNet}} |

            The machine may be shared (builds and test runs of other work), so absolute times are noisy: the two builds
            run alternately (AOT, JIT, AOT, ...) so both see the same load, and medians are reported. A load average
            above the core count means the processes spent much of the measured time waiting for a CPU: read the
            JIT/AOT ratios, and the instruction counts of the init profile below, and expect lower times on an idle
            machine (or in Lambda). The 10 ms target is a quiet machine's number.

            **What is measured, and how.** The AOT `bootstrap` is built exactly as `sam build` builds it
            (`make build-DiagnosticsFunction ARTIFACTS_DIR=artifacts/benchmarks/aot`: Release, `linux-x64`, Native AOT;
            every function shares it). The JIT build is the same project with `dotnet publish -c Release
            -p:PublishAot=false` (framework-dependent), started as `dotnet bootstrap.dll`. For every cold start the
            benchmark starts its own minimal Lambda Runtime API (one blocking socket thread on 127.0.0.1, which time-stamps a
            request when its last byte arrives) and the process with only the
            environment Lambda gives a `provided.al2023` function (`AWS_LAMBDA_RUNTIME_API`, `_HANDLER`, `AWS_REGION`,
            dummy `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`/`AWS_SESSION_TOKEN`, `AWS_LAMBDA_FUNCTION_*`, log settings,
            the template's `Globals` variables). Events carry the real headers and a `{}` body; a handler that refuses
            it (an invocation error posted before any AWS call) has that error timed as its answer.
            *Process start → first `/next`*: from just before the process is spawned to the arrival of its first
            `GET .../invocation/next`, i.e. Lambda's init phase. *First invocation*: the first event sent → its
            `/response` (or `/error`) arriving. *Warm invocation*: the same over the next events, the median per cold
            start, then over cold starts. *Peak RSS*: `VmHWM` while the process waits in `/next` after its last event.
            *Package zip*: the build folder zipped as SAM uploads it (for AOT the single `bootstrap`); the JIT package
            also needs a .NET runtime, not counted. The loopback HTTP of the fake Runtime API is in every latency.
            {{SectionEnd}}

            """;
    }

    /// <summary>Replaces the section between the markers (or, in a file written before there were markers, everything before
    /// the next section's marker), else puts it first; the rest of the file is kept as it is.</summary>
    public static string Merge(string? existing, string section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var body = section.EndsWith('\n') ? section : section + "\n";
        if (string.IsNullOrEmpty(existing))
            return Title + "\n\n" + body;
        var start = existing.IndexOf(SectionStart, StringComparison.Ordinal);
        var end = existing.IndexOf(SectionEnd, StringComparison.Ordinal);
        if (start >= 0 && end > start)
        {
            var after = existing[(end + SectionEnd.Length)..].TrimStart('\n');
            return existing[..start] + body + (after.Length > 0 ? "\n" + after : "");
        }
        // The first version of this file was the cold start report alone, up to the next section's marker.
        var next = existing.IndexOf("<!-- benchmarks/", StringComparison.Ordinal);
        var rest = next >= 0 ? existing[next..] : "";
        return Title + "\n\n" + body + (rest.Length > 0 ? "\n" + rest : "");
    }
}

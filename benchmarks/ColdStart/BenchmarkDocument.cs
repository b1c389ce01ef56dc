namespace PcsAutomation.Benchmarks.ColdStart;

/// <summary>docs/benchmarks.md, regenerated whole by every run so the text, the command and the numbers agree.</summary>
public static class BenchmarkDocument
{
    public static string Render(BenchmarkOptions options, Machine machine, DateTimeOffset when, CandidateSummary aot, CandidateSummary jit, IReadOnlyList<TargetCheck> checks) => $$"""
        # Benchmarks: cold start, memory and package size

        Native AOT `bootstrap` versus the same code run JIT (`dotnet bootstrap.dll`), measured side by side in
        one run by `benchmarks/ColdStart`. This file is written by that benchmark; run it again to refresh it.

        ## Command

        ```bash
        dotnet run -c Release --project benchmarks/ColdStart
        ```

        Options: `--cold-starts N` (default 10 per build), `--warm N` (warm invocations per cold start, default 100),
        `--no-publish` (reuse `artifacts/benchmarks/{aot,jit}`), `--repo DIR` (sources to build, default this
        repository), `--artifacts DIR`, `--report FILE`, `--no-report`, `--label TEXT` (names the sources below).
        It exits 1 when a target is missed.

        The numbers below come from: `dotnet run -c Release --project benchmarks/ColdStart{{(options.CommandLine.Length > 0 ? " -- " + options.CommandLine : "")}}`
        {{(options.Label is { } label ? "\nSources measured: " + label : "")}}

        ## Results ({{when:yyyy-MM-dd HH:mm}} UTC)

        {{Report.Table(aot, jit)}}
        {{Report.Targets(checks)}}
        ## Machine

        | | |
        | --- | --- |
        | CPU | {{machine.Cpu}}, {{machine.Cores}} logical cores |
        | memory | {{machine.Memory}} |
        | OS | {{machine.OperatingSystem}}, kernel {{machine.Kernel}} |
        | .NET | {{machine.DotNet}} |
        | load average (1 min) at the end | {{machine.LoadAverage:0.00}} |

        The machine is shared (several builds and test runs may be going on), so absolute times are noisy; the two
        builds are run alternately (AOT, JIT, AOT, ...) so both see the same load, and medians are reported.

        ## What is measured, and how

        - **Builds.** The AOT `bootstrap` is built exactly as `sam build` builds it:
          `make build-DiagnosticsFunction ARTIFACTS_DIR=artifacts/benchmarks/aot` (Release, `linux-x64`, Native AOT).
          The JIT build is the same project with `dotnet publish -c Release -p:PublishAot=false`
          (framework-dependent), started as `dotnet bootstrap.dll`.
        - **Lambda's side.** For every cold start the benchmark starts its own minimal Lambda Runtime API
          (Kestrel on 127.0.0.1, a free port) and starts the process with only the environment Lambda gives a
          `provided.al2023` function: `AWS_LAMBDA_RUNTIME_API`, `_HANDLER=Diagnostics`, `AWS_REGION`, dummy
          `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`/`AWS_SESSION_TOKEN`, `AWS_LAMBDA_FUNCTION_NAME`,
          `AWS_LAMBDA_FUNCTION_MEMORY_SIZE=256`, `AWS_LAMBDA_FUNCTION_VERSION`, log group/stream, JSON log format,
          and the template's stack-wide variables. Events carry the real headers (`Lambda-Runtime-Aws-Request-Id`,
          `-Deadline-Ms`, `-Invoked-Function-Arn`, `-Trace-Id`) and a `{}` body.
        - **Process start → first `/next`**: from just before the process is spawned to the arrival of its
          first `GET /2018-06-01/runtime/invocation/next`, i.e. Lambda's init phase.
        - **First invocation**: from the first event's response being written to the arrival of its
          `POST .../invocation/{id}/response` (includes first-call JIT compilation in the JIT build).
        - **Warm invocation**: the same measure over the next invocations of that process; the median per cold
          start, then the median over cold starts.
        - **Peak RSS**: `VmHWM` from `/proc/<pid>/status`, read after the last invocation while the process waits
          in `/next` (where Lambda would freeze it), before it is stopped; the worst cold start is compared with
          the target.
        - **Package zip**: the build folder zipped (deflate, execute bit kept) as SAM uploads it; for AOT that
          is the single `bootstrap`. The JIT package also needs a .NET runtime, which is not counted.
        - The Runtime API server's own overhead (loopback HTTP) is in every latency, equally for both builds.
        """;
}

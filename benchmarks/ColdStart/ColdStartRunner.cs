using System.Diagnostics;

namespace PcsAutomation.Benchmarks.ColdStart;

/// <summary>What one cold start measured.</summary>
/// <param name="StartToFirstNext">Process start → its first <c>GET /next</c> (the init phase).</param>
/// <param name="FirstInvocation">First event sent → its response received.</param>
/// <param name="WarmMedian">Median of the following invocations, same measure.</param>
/// <param name="PeakRssBytes"><c>VmHWM</c> after the last invocation, the process idle in <c>/next</c>.</param>
public sealed record ColdStartMeasurement(TimeSpan StartToFirstNext, TimeSpan FirstInvocation, TimeSpan WarmMedian, long PeakRssBytes);

/// <summary>Starts a candidate as Lambda would, against its own Runtime API, and measures one cold start.</summary>
public sealed class ColdStartRunner(TimeProvider time, int warmInvocations)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <summary>Runs <paramref name="candidate"/> as <paramref name="function"/> once: init, one first invocation, then the warm ones.</summary>
    public async Task<ColdStartMeasurement> RunAsync(Candidate candidate, MeasuredFunction function)
    {
        await using var api = await RuntimeApiServer.StartAsync(1 + warmInvocations, time, function.AnswersWithError);
        var start = new ProcessStartInfo(candidate.FileName)
        {
            WorkingDirectory = candidate.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in candidate.Arguments)
            start.ArgumentList.Add(argument);
        start.Environment.Clear();
        foreach (var (name, value) in LambdaEnvironment.For(api.Address, candidate.Directory, function))
            start.Environment[name] = value;

        var output = new OutputTail();
        var startedAt = time.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + candidate.FileName);
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var exited = process.WaitForExitAsync();
            var first = await Task.WhenAny(api.Finished, exited).WaitAsync(Limit);
            if (first == exited)
                throw new InvalidOperationException($"{candidate.Name} {function.Handler} exited with {process.ExitCode} before its invocations were done:\n{output}");
            if (await api.Finished is { } error)
                throw new InvalidOperationException($"{candidate.Name} {function.Handler} reported {error}\n{output}");

            // The process now waits in GET /next, as a frozen Lambda environment would: its high water mark is final.
            var peak = PeakMemory.ReadBytes(process.Id);
            var latencies = api.Latencies;
            return new ColdStartMeasurement(
                time.GetElapsedTime(startedAt, api.FirstNextAt),
                Ticks(latencies[0]),
                Statistics.Median([.. latencies.Skip(1).Select(Ticks)]),
                peak);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private TimeSpan Ticks(long timestampTicks) => time.GetElapsedTime(0, timestampTicks);

    /// <summary>The last lines a process wrote, kept for the error message if it fails.</summary>
    private sealed class OutputTail
    {
        private readonly Queue<string> lines = new();
        private readonly Lock gate = new();

        public void Add(string? line)
        {
            if (line is null)
                return;
            lock (gate)
            {
                lines.Enqueue(line);
                if (lines.Count > 20)
                    lines.Dequeue();
            }
        }

        public override string ToString()
        {
            lock (gate) return string.Join('\n', lines);
        }
    }
}

namespace PcsAutomation.Benchmarks.LocalAws;

/// <summary>Each operation runs until <paramref name="Duration"/> passed or <paramref name="MaxCalls"/> calls were made.</summary>
internal sealed record BenchmarkSettings(TimeSpan Duration, int MaxCalls, int Workers);

/// <summary>One operation's measurement.</summary>
internal sealed record BenchmarkResult(string Operation, int Calls, string Errors, TimeSpan Elapsed, TimeSpan P50, TimeSpan P99)
{
    public double CallsPerSecond => Calls / Elapsed.TotalSeconds;

    public override string ToString() =>
        $"{Operation,-24} {Calls,7} calls in {Elapsed.TotalSeconds,5:0.00} s = {CallsPerSecond,8:0} calls/s  p50 {P50.TotalMilliseconds:0.000} ms  p99 {P99.TotalMilliseconds:0.000} ms  errors: {(Errors.Length == 0 ? "none" : Errors)}";
}

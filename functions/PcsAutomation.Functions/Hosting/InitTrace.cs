using System.Globalization;

namespace PcsAutomation.Functions.Hosting;

/// <summary>
/// Opt-in timing of the init phases (<c>PCS_AUTOMATION_INIT_TRACE=1</c>): one line per phase on the trace writer
/// (stderr in Lambda), milliseconds since <see cref="FunctionHost.RunAsync"/> began, read from the injected clock.
/// It measures where a cold start goes (benchmarks/ColdStart, docs/benchmarks.md) and costs nothing when off.
/// </summary>
internal sealed class InitTrace
{
    /// <summary>The variable that turns the trace on ("1" or "true").</summary>
    public const string Variable = "PCS_AUTOMATION_INIT_TRACE";

    private readonly TextWriter? output;
    private readonly TimeProvider time;
    private readonly long start;
    private long last;

    private InitTrace(TextWriter? output, TimeProvider time)
    {
        this.output = output;
        this.time = time;
        start = last = time.GetTimestamp();
    }

    /// <summary>A trace writing to <paramref name="output"/> when <see cref="Variable"/> says so; otherwise one that writes nothing.</summary>
    public static InitTrace Start(Func<string, string?> getVariable, TextWriter? output, TimeProvider time)
    {
        var value = getVariable(Variable)?.Trim();
        var on = value is "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
        return new InitTrace(on ? output : null, time);
    }

    /// <summary>Writes <c>init-trace &lt;phase&gt; +&lt;ms since the previous phase&gt; ms at &lt;ms since start&gt; ms</c>.</summary>
    public void Phase(string name)
    {
        if (output is null)
            return;
        var now = time.GetTimestamp();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"init-trace {name} +{time.GetElapsedTime(last, now).TotalMilliseconds:0.000} ms at {time.GetElapsedTime(start, now).TotalMilliseconds:0.000} ms"));
        output.Flush();
        last = now;
    }
}

using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace PcsAutomation.Aws.Tests.Runtime;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports each timer it creates (per-attempt timeouts, backoff delays), so a test
/// advances the clock only once the code under test is waiting on it: exact delays, no sleeps, no races.
/// </summary>
public sealed class RecordingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Channel<TimeSpan> timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        timers.Writer.TryWrite(dueTime);
        return base.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>The due time of the next timer created (waits for it; the real-time bound only guards a broken test).</summary>
    public async Task<TimeSpan> NextTimerAsync() =>
        await timers.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));

    /// <summary>Skips timers equal to <paramref name="ignored"/> (the per-attempt timeouts), advances by the next one and returns it.</summary>
    public async Task<TimeSpan> AdvanceNextTimerAsync(TimeSpan ignored)
    {
        while (true)
        {
            var due = await NextTimerAsync();
            if (due == ignored)
                continue;
            Advance(due);
            return due;
        }
    }
}

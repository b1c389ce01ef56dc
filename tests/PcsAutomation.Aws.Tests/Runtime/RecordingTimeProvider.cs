using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace PcsAutomation.Aws.Tests.Runtime;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports each timer it creates (per-attempt timeouts, backoff delays), so a test
/// advances the clock only once the code under test is waiting on it: exact delays, no sleeps, no races.
/// </summary>
public sealed class RecordingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    // Only guards a broken test (code that neither creates a timer nor ends); a working test never comes near it.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private readonly Channel<RecordedTimer> timers = Channel.CreateUnbounded<RecordedTimer>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var recorded = new RecordedTimer(dueTime);
        var timer = base.CreateTimer(
            s =>
            {
                recorded.MarkFired();
                callback(s);
            },
            state,
            dueTime,
            period);
        // Reported only now that FakeTimeProvider holds the timer (issue 9). Reported before, a test woken by the report
        // could advance the clock before the timer existed; the timer, due `dueTime` after the moved clock, then never
        // fired and the test waited for a next timer that never came.
        timers.Writer.TryWrite(recorded);
        return timer;
    }

    /// <summary>
    /// The due time of the next timer created, once it is armed (advancing by it fires it). Fails at once when
    /// <paramref name="call"/> (the code under test) ends before creating one, instead of waiting for a timer that cannot come.
    /// </summary>
    public async Task<TimeSpan> NextTimerAsync(Task? call = null) => (await NextRecordedAsync(call)).DueTime;

    /// <summary>
    /// Skips timers equal to <paramref name="ignored"/> (the per-attempt timeouts), advances by the next one and returns
    /// it; fails at once when <paramref name="call"/> ends first, or when the advance did not fire the timer.
    /// </summary>
    public async Task<TimeSpan> AdvanceNextTimerAsync(TimeSpan ignored, Task? call = null)
    {
        while (true)
        {
            var timer = await NextRecordedAsync(call);
            if (timer.DueTime == ignored)
                continue;
            Advance(timer.DueTime);
            // FakeTimeProvider runs due callbacks inside Advance: an armed timer has fired by now.
            Assert.True(timer.Fired, $"advancing by {timer.DueTime} did not fire the timer of {timer.DueTime}");
            return timer.DueTime;
        }
    }

    private async Task<RecordedTimer> NextRecordedAsync(Task? call)
    {
        while (true)
        {
            if (timers.Reader.TryRead(out var timer))
                return timer;
            // A timer is written inside CreateTimer, before the call can go on and end: once the call has ended, a
            // timer it made is already readable, so an empty channel then means none is coming.
            if (call is { IsCompleted: true })
            {
                if (timers.Reader.TryRead(out timer))
                    return timer;
                Assert.Fail($"the call ended ({call.Status}) before creating the timer the test waits for: {call.Exception?.GetBaseException().Message}");
            }
            var written = timers.Reader.WaitToReadAsync().AsTask();
            try
            {
                await Task.WhenAny(call is null ? [written] : [written, call]).WaitAsync(HangGuard);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"no timer within {HangGuard.TotalSeconds} s and the call has not ended: the code under test hangs");
            }
        }
    }

    private sealed class RecordedTimer(TimeSpan dueTime)
    {
        private int fired;

        public TimeSpan DueTime { get; } = dueTime;

        public bool Fired => Volatile.Read(ref fired) == 1;

        public void MarkFired() => Volatile.Write(ref fired, 1);
    }
}

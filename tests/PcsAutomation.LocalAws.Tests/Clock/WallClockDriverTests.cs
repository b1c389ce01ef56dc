using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using PcsAutomation.LocalAws.Clock;

namespace PcsAutomation.LocalAws.Tests.Clock;

public class WallClockDriverTests
{
    [Fact]
    public async Task WallClockDriver_Speed60_OneRealSecondIsOneVirtualMinute()
    {
        var start = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
        var clock = new VirtualClock(start);
        var real = new TickRecordingTimeProvider(start);
        var ran = false;
        clock.Schedule(TimeSpan.FromSeconds(59), "due within the first real second", () => ran = true);

        await using (new WallClockDriver(clock, real, speed: 60, tick: TimeSpan.FromMilliseconds(100)))
        {
            // Each real tick only once the driver waits for it (its delay armed on the real clock), so no tick is lost
            // and no real time is given up front (issue 9 audit: the old loop gave the thread-pool driver 1000 x 20 ms
            // of spinning on a core it shared, and advanced the real clock whether or not the driver was waiting).
            for (var ticks = 0; ticks < 10; ticks++)
            {
                await real.NextTimerAsync();
                real.Advance(TimeSpan.FromMilliseconds(100));
            }
            await real.NextTimerAsync(); // the driver caught up with the last tick and waits for the next one
        }

        Assert.Equal(start.AddSeconds(60), clock.GetUtcNow()); // one real second is one virtual minute, not more
        Assert.True(ran);
    }

    /// <summary>A fake real clock that counts each timer once it is armed: the driver is then waiting for its next tick.</summary>
    private sealed class TickRecordingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private readonly Channel<TimeSpan> armed = Channel.CreateUnbounded<TimeSpan>();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            armed.Writer.TryWrite(dueTime); // after base.CreateTimer: an advance made on this signal must find the timer armed
            return timer;
        }

        // The real-time bound only turns a broken driver (it never waits again) into a failure instead of a hang.
        public async Task NextTimerAsync()
        {
            try
            {
                await armed.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
            }
            catch (TimeoutException)
            {
                Assert.Fail("the driver did not wait for its next real tick");
            }
        }
    }
}

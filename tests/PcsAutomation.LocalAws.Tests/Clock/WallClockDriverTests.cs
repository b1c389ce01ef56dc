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
        var real = new FakeTimeProvider(start);
        var ran = false;
        clock.Schedule(TimeSpan.FromSeconds(59), "due within the first real second", () => ran = true);

        await using (new WallClockDriver(clock, real, speed: 60, tick: TimeSpan.FromMilliseconds(100)))
        {
            // the driver runs on the thread pool: give it a bounded chance to catch up after each real tick
            for (var i = 0; i < 1_000 && clock.GetUtcNow() < start.AddSeconds(60); i++)
            {
                real.Advance(TimeSpan.FromMilliseconds(100));
                SpinWait.SpinUntil(() => clock.GetUtcNow() >= start.AddSeconds(60), TimeSpan.FromMilliseconds(20));
            }
        }

        var realElapsed = real.GetUtcNow() - start;
        Assert.True(clock.GetUtcNow() >= start.AddSeconds(60), $"virtual clock stuck at {clock.GetUtcNow():O}");
        Assert.True(clock.GetUtcNow() - start <= realElapsed * 60, "virtual time ran ahead of 60 x real time");
        Assert.True(ran);
    }
}

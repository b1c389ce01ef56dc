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
            for (var i = 0; i < 10_000 && clock.GetUtcNow() < start.AddSeconds(60); i++)
            {
                if (real.GetUtcNow() < start.AddSeconds(1)) real.Advance(TimeSpan.FromMilliseconds(100));
                await Task.Yield();
            }
        }

        Assert.Equal(start.AddSeconds(60), clock.GetUtcNow());
        Assert.True(ran);
    }
}

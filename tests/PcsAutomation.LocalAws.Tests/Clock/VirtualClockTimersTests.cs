using PcsAutomation.LocalAws.Clock;

namespace PcsAutomation.LocalAws.Tests.Clock;

public class VirtualClockTimersTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    // Issue 9 audit: a function's Task.Delay was announced as a sleeper before the inner clock held its timer. RunUntilAsync
    // jumps the clock as soon as every invocation sleeps; a jump made on that early announcement came before the timer
    // existed, and the delay then ended five minutes after the jump. Here the jump is made inside the announcement.
    [Fact]
    public void Functions_SleeperAnnounced_JumpToItsDueTimeEndsIt()
    {
        var clock = new VirtualClock(Start);
        var jumped = false;
        clock.SleepersChanged += () =>
        {
            if (jumped || clock.SleepingFunctionTimers == 0) return;
            jumped = true;
            clock.AdvanceTo(clock.NextTimerDue()!.Value); // what RunUntilAsync does once every invocation sleeps
        };

        var delay = Task.Delay(TimeSpan.FromMinutes(5), clock.Functions);

        Assert.True(jumped);
        Assert.True(delay.IsCompletedSuccessfully, "announced before its timer was armed: the jump to its due time did not end the delay");
        Assert.Equal(Start.AddMinutes(5), clock.GetUtcNow());
        Assert.Equal(0, clock.SleepingFunctionTimers);
    }

    [Fact]
    public void Functions_CancellationTimeout_IsNotASleeper()
    {
        var clock = new VirtualClock(Start);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10), clock.Functions);
        using var sleep = clock.Functions.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);

        Assert.Equal(1, clock.SleepingFunctionTimers);
        Assert.Equal(Start.AddSeconds(5), clock.NextTimerDue());
    }
}

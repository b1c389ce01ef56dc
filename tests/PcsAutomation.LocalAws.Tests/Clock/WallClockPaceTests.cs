using Microsoft.Extensions.Time.Testing;
using PcsAutomation.LocalAws.Clock;

namespace PcsAutomation.LocalAws.Tests.Clock;

/// <summary>
/// The wall clock mode's rule (issue 9: at <c>--speed 600</c> the rotation died at its first task, its 30 s function
/// timeout being 50 ms of real work): virtual time follows real time times the speed, and holds while a function runs.
/// Real time is a FakeTimeProvider and each step is taken by the test, so nothing here depends on the machine's clock.
/// </summary>
public sealed class WallClockPaceTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Step_NotHeld_MovesBySpeedTimesTheRealTimeSinceTheLastStep()
    {
        var (clock, real) = (new VirtualClock(Start), new FakeTimeProvider(Start));
        var pace = new WallClockPace(clock, real, speed: 600, hold: () => false);

        real.Advance(TimeSpan.FromSeconds(1));
        var moved = pace.Step();
        real.Advance(TimeSpan.FromMilliseconds(50));
        pace.Step();

        Assert.True(moved);
        Assert.Equal(Start + TimeSpan.FromSeconds(630), clock.GetUtcNow());
    }

    [Fact]
    public void Step_WhileHeld_TimeStandsStillAndIsNotMadeUpAfterwards()
    {
        var (clock, real) = (new VirtualClock(Start), new FakeTimeProvider(Start));
        var functionRunning = true;
        var deadlineFired = false;
        // A function's 30 s deadline, as the in-process host arms it on the virtual clock.
        using var deadline = clock.CreateTimer(_ => deadlineFired = true, null, TimeSpan.FromSeconds(30), Timeout.InfiniteTimeSpan);
        var pace = new WallClockPace(clock, real, speed: 600, hold: () => functionRunning);

        real.Advance(TimeSpan.FromSeconds(2)); // two real seconds of handler work: 20 virtual minutes at speed 600
        var movedWhileRunning = pace.Step();
        functionRunning = false;
        real.Advance(TimeSpan.FromMilliseconds(10));
        pace.Step();

        Assert.False(movedWhileRunning);
        Assert.False(deadlineFired, "the function's deadline fired during its own real work");
        Assert.Equal(Start + TimeSpan.FromSeconds(6), clock.GetUtcNow()); // only the 10 ms after it, times 600
    }

    [Fact]
    public async Task WhenNotAdvancingAsync_DuringAMove_CompletesOnlyAfterIt()
    {
        var clock = new VirtualClock(Start);
        using var inside = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        clock.Schedule(TimeSpan.FromSeconds(1), "work that takes a while", () =>
        {
            inside.Set();
            release.Wait(TimeSpan.FromMinutes(1));
        });
        var move = Task.Run(() => clock.Advance(TimeSpan.FromMinutes(10)));
        Assert.True(inside.Wait(TimeSpan.FromMinutes(1)), "the move did not start");

        // An invocation starting now: it waits for the move, then reads the clock for its deadline.
        var deadlineFrom = clock.WhenNotAdvancingAsync().ContinueWith(_ => clock.GetUtcNow(), TaskScheduler.Default);
        var finishedDuringMove = deadlineFrom.IsCompleted;
        release.Set();
        await move;

        Assert.False(finishedDuringMove);
        Assert.Equal(Start + TimeSpan.FromMinutes(10), await deadlineFrom); // after the whole jump, not from inside it
    }

    [Fact]
    public void AdvanceUnless_Held_DoesNotMove()
    {
        var clock = new VirtualClock(Start);

        var moved = clock.AdvanceUnless(() => true, TimeSpan.FromHours(1));
        var movedAfter = clock.AdvanceUnless(() => false, TimeSpan.FromHours(1));

        Assert.False(moved);
        Assert.True(movedAfter);
        Assert.Equal(Start + TimeSpan.FromHours(1), clock.GetUtcNow());
    }
}

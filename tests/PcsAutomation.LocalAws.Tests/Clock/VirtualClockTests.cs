using PcsAutomation.LocalAws.Clock;

namespace PcsAutomation.LocalAws.Tests.Clock;

public class VirtualClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Advance_PastScheduledWork_RunsItInDueOrderAtItsTime()
    {
        var clock = new VirtualClock(Start);
        var seen = new List<(string, DateTimeOffset)>();
        clock.Schedule(TimeSpan.FromMinutes(5), "b", () => seen.Add(("b", clock.GetUtcNow())));
        clock.Schedule(TimeSpan.FromMinutes(1), "a", () => seen.Add(("a", clock.GetUtcNow())));

        clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal([("a", Start.AddMinutes(1)), ("b", Start.AddMinutes(5))], seen);
        Assert.Equal(Start.AddMinutes(10), clock.GetUtcNow());
    }

    [Fact]
    public void Advance_BeforeDueTime_DoesNotRunWork()
    {
        var clock = new VirtualClock(Start);
        var ran = false;
        clock.Schedule(TimeSpan.FromMinutes(5), "later", () => ran = true);

        clock.Advance(TimeSpan.FromMinutes(4));

        Assert.False(ran);
        Assert.Equal(Start.AddMinutes(5), clock.NextDue);
    }

    [Fact]
    public void RunUntilIdle_WorkSchedulingMoreWork_RunsEverythingAndStopsAtLastDueTime()
    {
        var clock = new VirtualClock(Start);
        var count = 0;
        void Step()
        {
            if (++count < 3) clock.Schedule(TimeSpan.FromHours(1), "next", Step);
        }
        clock.Schedule(TimeSpan.FromHours(1), "first", Step);

        var steps = clock.RunUntilIdle();

        Assert.Equal(3, steps);
        Assert.Equal(Start.AddHours(3), clock.GetUtcNow());
        Assert.Null(clock.NextDue);
    }

    [Fact]
    public void RunUntil_ConditionNeverTrue_StopsAtMaximum()
    {
        var clock = new VirtualClock(Start);
        clock.Schedule(TimeSpan.FromHours(5), "far", () => { });

        var met = clock.RunUntil(() => false, TimeSpan.FromHours(1));

        Assert.False(met);
        Assert.Equal(Start.AddHours(1), clock.GetUtcNow());
    }

    [Fact]
    public void RunUntil_ConditionBecomesTrue_StopsAtThatWork()
    {
        var clock = new VirtualClock(Start);
        var done = false;
        clock.Schedule(TimeSpan.FromMinutes(3), "done", () => done = true);
        clock.Schedule(TimeSpan.FromMinutes(30), "later", () => { });

        Assert.True(clock.RunUntil(() => done, TimeSpan.FromHours(1)));
        Assert.Equal(Start.AddMinutes(3), clock.GetUtcNow());
    }

    [Fact]
    public void Cancel_ScheduledWork_NeverRuns()
    {
        var clock = new VirtualClock(Start);
        var ran = false;
        var work = clock.Schedule(TimeSpan.FromMinutes(1), "cancelled", () => ran = true);

        work.Cancel();
        clock.RunUntilIdle();

        Assert.False(ran);
    }

    [Fact]
    public async Task CreateTimer_TaskDelayOnClock_CompletesWhenAdvanced()
    {
        var clock = new VirtualClock(Start);
        var delay = Task.Delay(TimeSpan.FromMinutes(2), clock);

        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(2));
        await delay.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(delay.IsCompletedSuccessfully);
    }
}

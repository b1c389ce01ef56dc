namespace PcsAutomation.LocalAws;

/// <summary>
/// Time skipping across the whole emulator (Temporal-style): wait until nothing runs but the clock can make progress,
/// then jump the virtual clock to the earliest thing due, and repeat. "Something due" is any of: scheduled emulator
/// work (<see cref="Clock.VirtualClock.Schedule"/>: PCS transitions, rotations, scenario timelines), a timer on the
/// clock (States engine Wait/retry/timeout/heartbeat timers, EventBridge schedules, Lambda deadlines, function
/// back-offs). "Nothing runs" is: no EventBridge delivery pending, the States engine idle
/// (<see cref="States.Runtime.StatesEngine.WhenIdleAsync"/>) but for threads waiting on Lambda invocations, and every
/// Lambda invocation in flight either finished or asleep on the virtual clock (an AWS client's retry back-off through
/// <see cref="Clock.VirtualClock.Functions"/>).
/// The synchronous <see cref="Clock.VirtualClock.RunUntilIdle"/> only sees scheduled work; these see everything.
/// </summary>
public sealed partial class LocalAws
{
    // A clock jump that lands on the present over and over means a timer that never leaves: stop instead of spinning.
    private const int MaxJumpsWithoutProgress = 10_000;

    /// <summary>
    /// Runs the emulator until <paramref name="condition"/> holds (checked whenever nothing runs), moving the virtual
    /// clock at most <paramref name="max"/>. Returns false when the time is up, or at once (clock unmoved) when nothing at
    /// all is pending, e.g. an execution waiting for a task token nobody will send.
    /// </summary>
    public async Task<bool> RunUntilAsync(Func<bool> condition, TimeSpan max)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, TimeSpan.Zero);
        var deadline = Clock.GetUtcNow() + max;
        var jumps = 0;
        while (true)
        {
            await SettleAsync().ConfigureAwait(false);
            if (condition()) return true;
            var now = Clock.GetUtcNow();
            if (NextDue(includeSchedules: true) is not { } next) return false;
            if (next > deadline)
            {
                if (now >= deadline) return false;
                Clock.AdvanceTo(deadline);
                continue;
            }
            jumps = next > now ? 0 : jumps + 1;
            if (jumps > MaxJumpsWithoutProgress)
                throw new InvalidOperationException($"The emulator keeps finding work due at {now:O} without moving on.");
            Clock.AdvanceTo(next);
        }
    }

    /// <summary>
    /// Runs the emulator until nothing is left to do but recurring EventBridge schedules (which fire on the way when
    /// other work is later), moving the clock at most <paramref name="max"/>. Task-token timeouts are timers, so they
    /// fire too. Returns whether it reached idle (false: <paramref name="max"/> ran out first).
    /// </summary>
    public async Task<bool> RunUntilIdleAsync(TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, TimeSpan.Zero);
        var deadline = Clock.GetUtcNow() + max;
        var jumps = 0;
        while (true)
        {
            await SettleAsync().ConfigureAwait(false);
            var now = Clock.GetUtcNow();
            if (NextDue(includeSchedules: false) is not { } next) return true;
            if (next > deadline)
            {
                Clock.AdvanceTo(deadline > now ? deadline : now);
                await SettleAsync().ConfigureAwait(false);
                return false;
            }
            jumps = next > now ? 0 : jumps + 1;
            if (jumps > MaxJumpsWithoutProgress)
                throw new InvalidOperationException($"The emulator keeps finding work due at {now:O} without moving on.");
            Clock.AdvanceTo(next);
        }
    }

    /// <summary>Completes when nothing runs that the clock does not wake (see the class summary).</summary>
    public async Task SettleAsync()
    {
        while (true)
        {
            // Taken before looking, so a change between the look and the wait is not missed.
            var changed = Activity.NextChange();
            var busy = Activity.Busy;
            if (busy == 0)
            {
                var engineIdle = StepFunctions.Engine.WhenIdleAsync();
                if (engineIdle.IsCompleted)
                {
                    if (Activity.Busy == 0) return;
                    continue;
                }
                await Task.WhenAny(engineIdle, changed).ConfigureAwait(false);
                continue;
            }
            // Every invocation in flight sleeps on virtual time: only moving the clock wakes them, unless the States engine
            // still runs a step of its own. Its threads that wait for those invocations count as running in the engine; any
            // other running thread (a branch between two tasks, about to read the clock for a Wait or a retry) must park
            // first, or its timer would be due from a time the clock already left (LocalAwsTimeTests, the fleet benchmark).
            if (busy <= Clock.SleepingFunctionTimers)
            {
                var engineChanged = StepFunctions.Engine.RunningThreadsChanged();
                if (StepFunctions.Engine.RunningThreads <= Activity.AwaitedByEngine) return;
                await Task.WhenAny(changed, engineChanged).ConfigureAwait(false);
                continue;
            }
            await changed.ConfigureAwait(false);
        }
    }

    private DateTimeOffset? NextDue(bool includeSchedules) =>
        Earliest(Earliest(Clock.NextDue, Clock.NextTimerDue(includeSchedules)), StepFunctions.Engine.NextTimerDue);

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}

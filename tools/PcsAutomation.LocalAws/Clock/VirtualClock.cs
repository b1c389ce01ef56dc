using Microsoft.Extensions.Time.Testing;

namespace PcsAutomation.LocalAws.Clock;

/// <summary>
/// The emulator's time: a <see cref="TimeProvider"/> that only moves when told to (tests), or follows the
/// wall clock at a speed factor (interactive runs, driven by <see cref="WallClockDriver"/>).
/// Every resource transition is a <see cref="Schedule"/>d piece of work, so a test can jump straight
/// to the moment something happens instead of sleeping. Timers created through <see cref="CreateTimer"/>
/// (e.g. <c>Task.Delay(t, clock)</c>) are served by an inner <see cref="FakeTimeProvider"/> and fire as time moves;
/// the clock remembers when each pending one is due (<see cref="NextTimerDue"/>), which FakeTimeProvider does not expose,
/// so <see cref="LocalAws.RunUntilAsync"/> can jump to engine timers, EventBridge schedules and function back-offs too.
/// </summary>
public sealed partial class VirtualClock : TimeProvider
{
    private readonly FakeTimeProvider inner;
    private readonly Lock gate = new();
    private readonly Lock advancing = new();
    private readonly PriorityQueue<ScheduledWork, (DateTimeOffset Due, long Sequence)> queue = new();
    private long sequence;

    public VirtualClock(DateTimeOffset start)
    {
        inner = new FakeTimeProvider(start);
    }

    /// <summary>Raised after time moved (wall-clock driver, tests); carries the new time.</summary>
    public event Action<DateTimeOffset>? Moved;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        CreateTrackedTimer(callback, state, dueTime, period, TimerKind.Work);

    /// <summary>When the next scheduled piece of work is due, or null when nothing is scheduled.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (gate)
            {
                while (queue.TryPeek(out var head, out var key))
                {
                    if (!head.Cancelled) return key.Due;
                    queue.Dequeue();
                }
                return null;
            }
        }
    }

    /// <summary>Number of pending (not cancelled) scheduled pieces of work.</summary>
    public int PendingCount
    {
        get { lock (gate) return queue.UnorderedItems.Count(i => !i.Element.Cancelled); }
    }

    /// <summary>Runs <paramref name="action"/> once the clock reaches now + <paramref name="delay"/>.</summary>
    public ScheduledWork Schedule(TimeSpan delay, string description, Action action)
    {
        if (delay < TimeSpan.Zero) delay = TimeSpan.Zero;
        lock (gate)
        {
            var work = new ScheduledWork(GetUtcNow() + delay, description, action);
            queue.Enqueue(work, (work.Due, sequence++));
            return work;
        }
    }

    /// <summary>Moves time forward by <paramref name="by"/>, running every piece of work due on the way, in order.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        AdvanceTo(GetUtcNow() + by);
    }

    /// <summary>Moves time to <paramref name="target"/> (never backwards), running due work on the way.</summary>
    public void AdvanceTo(DateTimeOffset target)
    {
        // One mover at a time (wall-clock driver, latency faults, tests): time never goes backwards.
        lock (advancing) MoveTo(target);
        Moved?.Invoke(GetUtcNow());
    }

    /// <summary>
    /// Moves time forward by <paramref name="by"/> unless <paramref name="hold"/> says it must stand still, deciding
    /// and moving under the lock every move takes, so work that holds time and waited for <see cref="WhenNotAdvancingAsync"/>
    /// before reading the clock is never overtaken by a jump. Returns whether time moved.
    /// </summary>
    public bool AdvanceUnless(Func<bool> hold, TimeSpan by)
    {
        ArgumentNullException.ThrowIfNull(hold);
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (advancing)
        {
            if (hold()) return false;
            MoveTo(GetUtcNow() + by);
        }
        Moved?.Invoke(GetUtcNow());
        return true;
    }

    /// <summary>
    /// Completes when no move of the clock is under way, never on the thread that moves it (work started from inside a
    /// move, e.g. by a timer, continues after the move). A Lambda invocation waits for it before taking its deadline.
    /// </summary>
    public async Task WhenNotAdvancingAsync()
    {
        await Task.Yield();
        lock (advancing)
        {
            // entered and left: any move that had begun has finished
        }
    }

    private void MoveTo(DateTimeOffset target)
    {
        while (TryTakeDue(target, out var work))
        {
            if (work.Due > GetUtcNow()) inner.SetUtcNow(work.Due);
            work.Run();
        }
        // Setting the same time again still fires timers due now (one created with a zero delay).
        inner.SetUtcNow(target > GetUtcNow() ? target : GetUtcNow());
    }

    /// <summary>
    /// Runs scheduled work, jumping to each next due time, until nothing is scheduled.
    /// Returns how many pieces ran; stops after <paramref name="maxSteps"/> (a self-rescheduling loop would never end).
    /// </summary>
    public int RunUntilIdle(int maxSteps = 100_000)
    {
        var steps = 0;
        while (steps < maxSteps && NextDue is { } due)
        {
            AdvanceTo(due);
            steps++;
        }
        return steps;
    }

    /// <summary>
    /// Jumps from one scheduled piece of work to the next until <paramref name="condition"/> holds, but never past
    /// now + <paramref name="max"/>. Returns whether the condition held.
    /// </summary>
    public bool RunUntil(Func<bool> condition, TimeSpan max)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = GetUtcNow() + max;
        while (!condition())
        {
            var next = NextDue;
            if (next is null || next > limit)
            {
                AdvanceTo(limit);
                return condition();
            }
            AdvanceTo(next.Value);
        }
        return true;
    }

    private bool TryTakeDue(DateTimeOffset limit, out ScheduledWork work)
    {
        lock (gate)
        {
            while (queue.TryPeek(out var head, out var key) && key.Due <= limit)
            {
                queue.Dequeue();
                if (head.Cancelled) continue;
                work = head;
                return true;
            }
            work = null!;
            return false;
        }
    }
}

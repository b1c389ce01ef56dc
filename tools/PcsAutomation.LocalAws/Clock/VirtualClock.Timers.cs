namespace PcsAutomation.LocalAws.Clock;

/// <summary>What a timer on the virtual clock is for; decides whether running "until idle" waits for it.</summary>
internal enum TimerKind
{
    /// <summary>Ordinary work (States engine timers, Lambda deadlines, ...): idle means none is pending.</summary>
    Work,

    /// <summary>
    /// Background work: recurring EventBridge schedules (they never end) and DynamoDB TTL sweeps (AWS deletes expired items
    /// whenever it gets to them). "Idle" ignores them; a run until a condition does not.
    /// </summary>
    Schedule,

    /// <summary>
    /// Created by function code (<see cref="VirtualClock.Functions"/>): a <c>Task.Delay</c> there means the invocation
    /// sleeps on virtual time (an AWS client's retry back-off) and only moving the clock wakes it.
    /// </summary>
    Function,
}

public sealed partial class VirtualClock
{
    private readonly Dictionary<long, TrackedTimer> timers = [];
    private long nextTimerId;
    private TimeProvider? functions;
    private TimeProvider? schedules;

    /// <summary>
    /// The clock as function code sees it (in-process Lambda handlers, their AWS clients). The same time; its timers
    /// are also tracked as <i>sleeping invocations</i>: a <c>Task.Delay</c> (any timer but a
    /// <see cref="CancellationTokenSource"/>'s timeout) marks an invocation as waiting for virtual time, so
    /// <see cref="LocalAws.RunUntilAsync"/> advances the clock instead of waiting for it forever.
    /// </summary>
    public TimeProvider Functions => functions ??= new View(this, TimerKind.Function);

    /// <summary>Raised when the set of sleeping function timers changes (the emulator's quiescence check listens).</summary>
    internal event Action? SleepersChanged;

    /// <summary>Function-code timers that stand for a sleep (<see cref="Functions"/>), pending now.</summary>
    public int SleepingFunctionTimers
    {
        get
        {
            lock (gate) return timers.Values.Count(t => t.Sleeps && t.Armed);
        }
    }

    /// <summary>The clock for background work (EventBridge schedules, DynamoDB TTL): its timers do not keep <see cref="LocalAws.RunUntilIdleAsync"/> busy.</summary>
    internal TimeProvider Schedules => schedules ??= new View(this, TimerKind.Schedule);

    /// <summary>When the earliest pending timer is due (schedules included when <paramref name="includeSchedules"/>), or null.</summary>
    public DateTimeOffset? NextTimerDue(bool includeSchedules = true)
    {
        lock (gate)
        {
            DateTimeOffset? earliest = null;
            foreach (var timer in timers.Values)
            {
                if (!includeSchedules && timer.Kind == TimerKind.Schedule) continue;
                if (earliest is null || timer.Due < earliest) earliest = timer.Due;
            }
            return earliest;
        }
    }

    internal ITimer CreateTrackedTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period, TimerKind kind)
    {
        ArgumentNullException.ThrowIfNull(callback);
        // A CancellationTokenSource built on a TimeProvider passes itself as the state: that timer is a timeout
        // racing other work (an HTTP attempt, the Lambda deadline), not a sleep.
        var sleeps = kind == TimerKind.Function && state is not CancellationTokenSource;
        TrackedTimer tracked;
        lock (gate) tracked = new TrackedTimer(this, ++nextTimerId, kind, sleeps);
        tracked.Arm(dueTime, period);
        tracked.Inner = inner.CreateTimer(s => tracked.Fire(callback, s), state, dueTime, period);
        // A sleeper counts only once the inner clock holds it. Counted before, RunUntilAsync could see every invocation
        // asleep and jump the clock to this timer's due time before the inner timer existed: the inner timer then came
        // due that long after the jump, and its stale due time kept the emulator jumping in place (issue 9 audit).
        bool counted;
        lock (gate)
        {
            tracked.Armed = true;
            counted = timers.ContainsKey(tracked.Id); // not when it already fired (a zero delay fires during CreateTimer)
        }
        if (counted && tracked.Sleeps) SleepersChanged?.Invoke();
        return tracked;
    }

    private void Track(TrackedTimer timer, DateTimeOffset? due)
    {
        lock (gate)
        {
            if (due is { } at)
            {
                timer.Due = at;
                timers[timer.Id] = timer;
            }
            else
            {
                timers.Remove(timer.Id);
            }
        }
        if (timer.Sleeps && timer.Armed) SleepersChanged?.Invoke();
    }

    private sealed class TrackedTimer(VirtualClock owner, long id, TimerKind kind, bool sleeps) : ITimer
    {
        private TimeSpan period = Timeout.InfiniteTimeSpan;

        public long Id { get; } = id;
        public TimerKind Kind { get; } = kind;
        public bool Sleeps { get; } = sleeps;
        public DateTimeOffset Due { get; set; }
        public ITimer? Inner { get; set; }

        /// <summary>Set (under the clock's gate) once <see cref="Inner"/> exists: only then may it count as a sleeper.</summary>
        public bool Armed { get; set; }

        public void Arm(TimeSpan dueTime, TimeSpan newPeriod)
        {
            period = newPeriod;
            owner.Track(this, dueTime == Timeout.InfiniteTimeSpan ? null : owner.GetUtcNow() + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime));
        }

        // Forgotten (or moved to its next period) before the callback runs, so a woken sleeper never reads as asleep.
        public void Fire(TimerCallback callback, object? state)
        {
            owner.Track(this, period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : owner.GetUtcNow() + period);
            callback(state);
        }

        public bool Change(TimeSpan dueTime, TimeSpan newPeriod)
        {
            Arm(dueTime, newPeriod);
            return Inner?.Change(dueTime, newPeriod) ?? false;
        }

        public void Dispose()
        {
            owner.Track(this, null);
            Inner?.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>The same clock, with its timers tagged as <paramref name="kind"/>.</summary>
    private sealed class View(VirtualClock owner, TimerKind kind) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => owner.GetUtcNow();

        public override TimeZoneInfo LocalTimeZone => owner.LocalTimeZone;

        public override long TimestampFrequency => owner.TimestampFrequency;

        public override long GetTimestamp() => owner.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            owner.CreateTrackedTimer(callback, state, dueTime, period, kind);
    }
}

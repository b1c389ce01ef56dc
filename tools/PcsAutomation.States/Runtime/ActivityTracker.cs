namespace PcsAutomation.States.Runtime;

/// <summary>
/// Counts the engine's runnable logical threads (executions, branches, Map workers) and its pending timers, so a
/// driver knows when everything is blocked on time and may jump the virtual clock to <see cref="NextTimerDue"/>
/// (Temporal-style time skipping). A thread leaves the count only while parked on a timer or a callback, and is
/// counted again by whoever wakes it, before its continuation runs: the count never reads 0 while work is pending.
/// </summary>
internal sealed class ActivityTracker(TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<long, DateTimeOffset> timers = [];
    private TaskCompletionSource idle = NewSignal();
    private TaskCompletionSource changed = NewSignal();
    private int running;
    private long nextTimerId;

    public TimeProvider Time => time;

    public int Running
    {
        get
        {
            lock (gate)
                return running;
        }
    }

    public DateTimeOffset? NextTimerDue
    {
        get
        {
            lock (gate)
                return timers.Count == 0 ? null : timers.Values.Min();
        }
    }

    public void Enter(int count = 1)
    {
        TaskCompletionSource signal;
        lock (gate)
        {
            if (running == 0 && idle.Task.IsCompleted)
                idle = NewSignal();
            running += count;
            signal = TakeChanged();
        }

        signal.TrySetResult();
    }

    public void Exit()
    {
        TaskCompletionSource? signal = null;
        TaskCompletionSource change;
        lock (gate)
        {
            running--;
            if (running == 0)
                signal = idle;
            change = TakeChanged();
        }

        signal?.TrySetResult();
        change.TrySetResult();
    }

    /// <summary>Completes at the next change of <see cref="Running"/>; take it before reading the count.</summary>
    public Task NextChange()
    {
        lock (gate)
            return changed.Task;
    }

    private TaskCompletionSource TakeChanged()
    {
        var signal = changed;
        changed = NewSignal();
        return signal;
    }

    /// <summary>Completes when no logical thread is runnable (all parked on timers or callbacks, or none left).</summary>
    public Task WhenIdleAsync()
    {
        lock (gate)
            return running == 0 ? Task.CompletedTask : idle.Task;
    }

    /// <summary>A one-shot timer on the engine's clock, known to the driver until it fires or is disposed.</summary>
    public IDisposable StartTimer(TimeSpan delay, Action onDue)
    {
        long id;
        lock (gate)
        {
            id = ++nextTimerId;
            timers[id] = time.GetUtcNow() + delay;
        }

        var timer = time.CreateTimer(
            _ =>
            {
                if (Forget(id))
                    onDue();
            },
            null,
            delay < TimeSpan.Zero ? TimeSpan.Zero : delay,
            Timeout.InfiniteTimeSpan);
        return new TimerHandle(this, id, timer);
    }

    /// <summary>Parks the calling thread for <paramref name="delay"/> of engine time.</summary>
    public async Task DelayAsync(TimeSpan delay, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        if (delay <= TimeSpan.Zero)
            return;
        using var blocker = new Blocker<bool>(this, cancellation);
        using (StartTimer(delay, () => blocker.TryWake(true)))
        {
            blocker.Park();
            await blocker.Task.ConfigureAwait(false);
        }
    }

    private bool Forget(long id)
    {
        lock (gate)
            return timers.Remove(id);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class TimerHandle(ActivityTracker owner, long id, ITimer timer) : IDisposable
    {
        public void Dispose()
        {
            owner.Forget(id);
            timer.Dispose();
        }
    }
}

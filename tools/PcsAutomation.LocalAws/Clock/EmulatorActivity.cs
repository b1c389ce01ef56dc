namespace PcsAutomation.LocalAws.Clock;

/// <summary>
/// Counts work the emulator runs off the caller's thread (Lambda invocations in flight, EventBridge deliveries not yet
/// handed to their target) and signals every change, so <see cref="LocalAws.RunUntilAsync"/> knows when nothing
/// but the clock can make progress. Whoever starts work enters before it can be observed and exits when done.
/// </summary>
public sealed class EmulatorActivity
{
    private readonly Lock gate = new();
    private TaskCompletionSource changed = NewSignal();
    private int busy;

    /// <summary>Invocations and deliveries running now.</summary>
    public int Busy
    {
        get
        {
            lock (gate) return busy;
        }
    }

    /// <summary>Counts one piece of work until the returned handle is disposed.</summary>
    public IDisposable Enter()
    {
        lock (gate) busy++;
        Pulse();
        return new Exit(this);
    }

    /// <summary>Completes at the next change of <see cref="Busy"/> or of sleeping function timers; take it before checking.</summary>
    public Task NextChange()
    {
        lock (gate) return changed.Task;
    }

    internal void Pulse()
    {
        TaskCompletionSource signal;
        lock (gate)
        {
            signal = changed;
            changed = NewSignal();
        }
        signal.TrySetResult();
    }

    private void Leave()
    {
        lock (gate) busy--;
        Pulse();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Exit(EmulatorActivity owner) : IDisposable
    {
        private int done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref done, 1) == 0) owner.Leave();
        }
    }
}

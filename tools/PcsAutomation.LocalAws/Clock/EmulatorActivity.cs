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
    private int awaitedByEngine;

    /// <summary>Invocations and deliveries running now.</summary>
    public int Busy
    {
        get
        {
            lock (gate) return busy;
        }
    }

    /// <summary>
    /// Of <see cref="Busy"/>, the Lambda invocations a States engine thread waits for (a Task state's): that thread
    /// counts as running in the engine until the invocation answers, and no longer (both counts drop together).
    /// </summary>
    public int AwaitedByEngine
    {
        get
        {
            lock (gate) return awaitedByEngine;
        }
    }

    /// <summary>Counts one piece of work until the returned handle is disposed.</summary>
    public IDisposable Enter() => Enter(byEngine: false);

    /// <summary>Counts one piece of work a States engine thread waits for (<see cref="AwaitedByEngine"/>) until the returned handle is disposed.</summary>
    public IDisposable EnterAwaitedByEngine() => Enter(byEngine: true);

    private Exit Enter(bool byEngine)
    {
        lock (gate)
        {
            busy++;
            if (byEngine) awaitedByEngine++;
        }
        Pulse();
        return new Exit(this, byEngine);
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

    private void Leave(bool byEngine)
    {
        lock (gate)
        {
            busy--;
            if (byEngine) awaitedByEngine--;
        }
        Pulse();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Exit(EmulatorActivity owner, bool byEngine) : IDisposable
    {
        private int done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref done, 1) == 0) owner.Leave(byEngine);
        }
    }
}

namespace PcsAutomation.States.Runtime;

/// <summary>
/// A parked logical thread waiting for one of several wake-ups (a timer, a task-token callback, a cancellation);
/// the first wake-up counts the thread as running again and completes <see cref="Task"/>, later ones are ignored.
/// Arm the timers first, then <see cref="Park"/>, so the driver never sees "idle" with a timer not yet registered.
/// </summary>
internal sealed class Blocker<T> : IDisposable
{
    private readonly ActivityTracker tracker;
    private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationToken cancellation;
    private CancellationTokenRegistration registration;
    private readonly Lock gate = new();
    private bool parked;
    private bool woken;

    public Blocker(ActivityTracker tracker, CancellationToken cancellation)
    {
        this.tracker = tracker;
        this.cancellation = cancellation;
    }

    public Task<T> Task => completion.Task;

    public void Park()
    {
        lock (gate)
        {
            // Woken before parking (a callback that raced ahead): the thread never stops running.
            if (woken)
                return;
            parked = true;
            tracker.Exit();
        }

        registration = cancellation.Register(() => Wake(() => completion.TrySetCanceled(cancellation)));
    }

    public bool TryWake(T result) => Wake(() => completion.TrySetResult(result));

    public bool TryFail(Exception error) => Wake(() => completion.TrySetException(error));

    private bool Wake(Action complete)
    {
        lock (gate)
        {
            if (woken)
                return false;
            woken = true;
            if (parked)
                tracker.Enter();
        }

        complete();
        return true;
    }

    public void Dispose() => registration.Dispose();
}

using PcsAutomation.States.Errors;
using PcsAutomation.States.Tasks;

namespace PcsAutomation.States.Runtime;

/// <summary>
/// A <c>.waitForTaskToken</c> state waiting for SendTaskSuccess/SendTaskFailure; each SendTaskHeartbeat re-arms the
/// HeartbeatSeconds timer, whose expiry fails the task with States.HeartbeatTimeout.
/// </summary>
internal sealed class CallbackWait : IDisposable
{
    private readonly StatesEngine engine;
    private readonly string token;
    private readonly int? heartbeatSeconds;
    private readonly Blocker<TaskOutcome> blocker;
    private readonly Lock gate = new();
    private IDisposable? heartbeatTimer;
    private bool disposed;

    public CallbackWait(StatesEngine engine, string token, int? heartbeatSeconds, CancellationToken cancellation)
    {
        this.engine = engine;
        this.token = token;
        this.heartbeatSeconds = heartbeatSeconds;
        blocker = new Blocker<TaskOutcome>(engine.Activity, cancellation);
        ArmHeartbeat();
        engine.Tokens.Register(token, blocker, ArmHeartbeat);
    }

    public Task<TaskOutcome> WaitAsync()
    {
        blocker.Park();
        return blocker.Task;
    }

    private void ArmHeartbeat()
    {
        if (heartbeatSeconds is not { } seconds)
            return;
        lock (gate)
        {
            if (disposed)
                return;
            heartbeatTimer?.Dispose();
            heartbeatTimer = engine.Activity.StartTimer(TimeSpan.FromSeconds(seconds), () => blocker.TryWake(
                TaskOutcome.Failed(StatesErrorNames.HeartbeatTimeout, $"No heartbeat was received within {seconds} seconds.")));
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            heartbeatTimer?.Dispose();
        }

        engine.Tokens.Close(token);
        blocker.Dispose();
    }
}

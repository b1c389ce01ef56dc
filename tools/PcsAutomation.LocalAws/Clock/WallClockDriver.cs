namespace PcsAutomation.LocalAws.Clock;

/// <summary>
/// Interactive mode: moves a <see cref="VirtualClock"/> along with real time multiplied by a speed factor
/// (speed 60 = one virtual minute per real second), holding it while work runs that the clock must not overtake
/// (<see cref="WallClockPace"/>). The real time source is passed in: only a Program hands over <see cref="TimeProvider.System"/>.
/// </summary>
public sealed class WallClockDriver : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    /// <param name="clock">The virtual clock to move.</param>
    /// <param name="realTime">The real time source.</param>
    /// <param name="speed">Virtual seconds per real second.</param>
    /// <param name="tick">Real time between steps.</param>
    /// <param name="hold">True while time must stand still; default never.</param>
    public WallClockDriver(VirtualClock clock, TimeProvider realTime, double speed, TimeSpan tick, Func<bool>? hold = null)
    {
        var pace = new WallClockPace(clock, realTime, speed, hold ?? (() => false));
        loop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                // step first, so real time that passed before this delay was registered is never lost
                pace.Step();
                try
                {
                    await Task.Delay(tick, realTime, stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await loop.ConfigureAwait(false);
        stop.Dispose();
    }
}

namespace PcsAutomation.LocalAws.Clock;

/// <summary>
/// Interactive mode: moves a <see cref="VirtualClock"/> along with real time multiplied by a speed factor
/// (speed 60 = one virtual minute per real second). The real time source is passed in: only Program.cs
/// hands over <see cref="TimeProvider.System"/>.
/// </summary>
public sealed class WallClockDriver : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public WallClockDriver(VirtualClock clock, TimeProvider realTime, double speed, TimeSpan tick)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(realTime);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        var virtualStart = clock.GetUtcNow();
        var realStart = realTime.GetTimestamp();
        loop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(tick, realTime, stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                var elapsed = realTime.GetElapsedTime(realStart);
                clock.AdvanceTo(virtualStart + TimeSpan.FromTicks((long)(elapsed.Ticks * speed)));
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

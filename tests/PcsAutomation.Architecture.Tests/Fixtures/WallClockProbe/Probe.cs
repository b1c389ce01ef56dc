using System.Diagnostics;

namespace WallClockProbe;

// Every banned read, one per line, each followed by the id of its entry in BannedSymbols.*.txt (BannedApiTests
// matches each id with an RS0030 error on that line).
public static class Probe
{
    public static async Task ReadEverythingBannedAsync(CancellationToken token)
    {
        _ = DateTime.Now; // P:System.DateTime.Now
        _ = DateTime.UtcNow; // P:System.DateTime.UtcNow
        _ = DateTime.Today; // P:System.DateTime.Today
        _ = DateTimeOffset.Now; // P:System.DateTimeOffset.Now
        _ = DateTimeOffset.UtcNow; // P:System.DateTimeOffset.UtcNow
        _ = TimeProvider.System; // P:System.TimeProvider.System
        _ = Environment.TickCount; // P:System.Environment.TickCount
        _ = Environment.TickCount64; // P:System.Environment.TickCount64
        _ = Stopwatch.GetTimestamp(); // T:System.Diagnostics.Stopwatch
        Thread.Sleep(1); // M:System.Threading.Thread.Sleep(System.Int32)
        Thread.Sleep(TimeSpan.Zero); // M:System.Threading.Thread.Sleep(System.TimeSpan)
        await Task.Delay(1); // M:System.Threading.Tasks.Task.Delay(System.Int32)
        await Task.Delay(1, token); // M:System.Threading.Tasks.Task.Delay(System.Int32,System.Threading.CancellationToken)
        await Task.Delay(TimeSpan.Zero); // M:System.Threading.Tasks.Task.Delay(System.TimeSpan)
        await Task.Delay(TimeSpan.Zero, token); // M:System.Threading.Tasks.Task.Delay(System.TimeSpan,System.Threading.CancellationToken)
        await Task.CompletedTask.WaitAsync(TimeSpan.Zero); // M:System.Threading.Tasks.Task.WaitAsync(System.TimeSpan)
        await Task.CompletedTask.WaitAsync(TimeSpan.Zero, token); // M:System.Threading.Tasks.Task.WaitAsync(System.TimeSpan,System.Threading.CancellationToken)
        _ = await Task.FromResult(1).WaitAsync(TimeSpan.Zero); // M:System.Threading.Tasks.Task`1.WaitAsync(System.TimeSpan)
        _ = await Task.FromResult(1).WaitAsync(TimeSpan.Zero, token); // M:System.Threading.Tasks.Task`1.WaitAsync(System.TimeSpan,System.Threading.CancellationToken)
        using var afterMilliseconds = new CancellationTokenSource(1); // M:System.Threading.CancellationTokenSource.#ctor(System.Int32)
        using var afterSpan = new CancellationTokenSource(TimeSpan.Zero); // M:System.Threading.CancellationTokenSource.#ctor(System.TimeSpan)
        using var periodic = new PeriodicTimer(TimeSpan.FromSeconds(1)); // M:System.Threading.PeriodicTimer.#ctor(System.TimeSpan)
        using var timer = new Timer(_ => { }); // T:System.Threading.Timer
        using var timersTimer = new System.Timers.Timer(); // T:System.Timers.Timer
        _ = Random.Shared; // P:System.Random.Shared
        _ = new Random(); // M:System.Random.#ctor
        _ = Guid.NewGuid(); // M:System.Guid.NewGuid
    }

    // What product code does instead compiles: the ban is on the wall clock, not on time.
    public static async Task<DateTimeOffset> ReadTheClockGivenAsync(TimeProvider time, CancellationToken token)
    {
        await Task.Delay(TimeSpan.Zero, time, token).ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1), time);
        return time.GetUtcNow();
    }
}

using Microsoft.Extensions.Time.Testing;

namespace PcsAutomation.States.Runtime;

/// <summary>
/// Runs an engine on a <see cref="FakeTimeProvider"/> with time skipping: whenever every execution is parked, the
/// clock jumps to the next engine timer (Wait, retry interval, timeout, heartbeat). A day-long Wait takes microseconds.
/// </summary>
public sealed class VirtualTimeDriver(StatesEngine engine, FakeTimeProvider clock)
{
    /// <summary>
    /// Runs until <paramref name="execution"/> completes, skipping time even while a state waits for a task token
    /// (so token timeouts and heartbeats fire). Throws when nothing can make progress: a callback is awaited with
    /// no timer left, which in a test means a missing SendTaskSuccess.
    /// </summary>
    public async Task<Execution> RunToCompletionAsync(Execution execution, TimeSpan? maxVirtualTime = null)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var deadline = clock.GetUtcNow() + (maxVirtualTime ?? TimeSpan.FromDays(400));
        while (true)
        {
            await engine.WhenIdleAsync().ConfigureAwait(false);
            if (execution.IsComplete)
                return await execution.Completion.ConfigureAwait(false);
            if (!AdvanceToNextTimer(deadline))
            {
                throw new InvalidOperationException(
                    $"Execution '{execution.Name}' cannot progress: it waits for {engine.PendingTaskTokens} task token callback(s) and no timer is due.");
            }
        }
    }

    /// <summary>
    /// Skips time until no execution can progress without outside help: all finished, or some state waits for a
    /// task token (the test then sends it). Returns the virtual time that passed.
    /// </summary>
    public async Task<TimeSpan> RunUntilIdleAsync(TimeSpan? maxVirtualTime = null)
    {
        var start = clock.GetUtcNow();
        var deadline = start + (maxVirtualTime ?? TimeSpan.FromDays(400));
        while (true)
        {
            await engine.WhenIdleAsync().ConfigureAwait(false);
            if (engine.PendingTaskTokens > 0 || !AdvanceToNextTimer(deadline))
                return clock.GetUtcNow() - start;
        }
    }

    private bool AdvanceToNextTimer(DateTimeOffset deadline)
    {
        if (engine.NextTimerDue is not { } due || due > deadline)
            return false;
        var step = due - clock.GetUtcNow();
        clock.Advance(step > TimeSpan.Zero ? step : TimeSpan.Zero);
        return true;
    }
}

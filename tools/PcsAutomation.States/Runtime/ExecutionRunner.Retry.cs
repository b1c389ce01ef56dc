using System.Text.Json.Nodes;
using PcsAutomation.States.Definition;
using PcsAutomation.States.Errors;

namespace PcsAutomation.States.Runtime;

internal sealed partial class ExecutionRunner
{
    /// <summary>
    /// Runs one attempt, then applies Retry (first matching retrier, its own attempt count, backoff on the engine
    /// clock) and Catch (the error object written at the catcher's ResultPath into the state's raw input).
    /// </summary>
    private async Task<(JsonNode? Output, string? Next, bool Exited)> WithRetryAsync(
        StateRun run, JsonNode? input, Func<StateRun, JsonNode?, CancellationToken, Task<JsonNode?>> attempt, CancellationToken cancellation)
    {
        var state = run.State;
        var attempts = new int[state.Retry.Count];
        while (true)
        {
            try
            {
                return (await attempt(run, input, cancellation).ConfigureAwait(false), state.Next, true);
            }
            catch (StatesErrorException e) when (!cancellation.IsCancellationRequested)
            {
                var index = FindRetrier(state.Retry, e.Error);
                if (index >= 0 && attempts[index] < state.Retry[index].MaxAttempts)
                {
                    var delay = RetryDelay(state.Retry[index], attempts[index]);
                    attempts[index]++;
                    run.RetryCount++;
                    execution.CountRetry();
                    await engine.Activity.DelayAsync(delay, cancellation).ConfigureAwait(false);
                    continue;
                }

                var catcher = state.Catch.FirstOrDefault(c => ErrorMatcher.Matches(c.ErrorEquals, e.Error));
                if (catcher is null)
                    throw;
                var error = new JsonObject { ["Error"] = e.Error, ["Cause"] = e.Cause };
                return (DataFlow.ResultPath(state, catcher.ResultPath, input, error), catcher.Next, false);
            }
        }
    }

    private static int FindRetrier(IReadOnlyList<Retrier> retriers, string error)
    {
        for (var i = 0; i < retriers.Count; i++)
        {
            if (ErrorMatcher.Matches(retriers[i].ErrorEquals, error))
                return i;
        }

        return -1;
    }

    /// <summary>IntervalSeconds × BackoffRate^(attempt), capped by MaxDelaySeconds; FULL jitter draws uniformly below it.</summary>
    private TimeSpan RetryDelay(Retrier retrier, int attempt)
    {
        var seconds = retrier.IntervalSeconds * Math.Pow(retrier.BackoffRate, attempt);
        if (retrier.MaxDelaySeconds is { } max)
            seconds = Math.Min(seconds, max);
        if (retrier.FullJitter)
            seconds *= engine.Options.Random.NextDouble();
        return TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2));
    }
}

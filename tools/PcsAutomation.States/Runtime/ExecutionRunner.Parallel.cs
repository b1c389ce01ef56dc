using System.Runtime.ExceptionServices;
using System.Text.Json.Nodes;
using PcsAutomation.States.Errors;
using PcsAutomation.States.Json;

namespace PcsAutomation.States.Runtime;

internal sealed partial class ExecutionRunner
{
    private async Task<JsonNode?> RunParallelAttemptAsync(StateRun run, JsonNode? input, CancellationToken cancellation)
    {
        var state = run.State;
        var effective = DataFlow.InputPath(state, input);
        effective = DataFlow.Template(state.Parameters, Scope(run, effective), effective);
        Event(run.Frame, "ParallelStateStarted", null, null);
        var results = new JsonNode?[state.Branches.Count];
        try
        {
            await ForkAsync(state.Branches.Count, async (index, token) =>
            {
                var branchFrame = new Frame(run.Frame.LastEventId);
                results[index] = await RunMachineAsync(state.Branches[index], JsonValues.Clone(effective), branchFrame, token).ConfigureAwait(false);
            }, cancellation).ConfigureAwait(false);
        }
        catch (StatesErrorException e)
        {
            Event(run.Frame, "ParallelStateFailed", "parallelStateFailedEventDetails", ErrorDetails(e.Error, e.Cause));
            throw;
        }

        Event(run.Frame, "ParallelStateSucceeded", null, null);
        JsonNode? result = new JsonArray(results);
        result = DataFlow.Template(state.ResultSelector, Scope(run, result), result);
        return DataFlow.OutputPath(state, DataFlow.ResultPath(state, state.ResultPath, input, result));
    }

    /// <summary>
    /// Runs <paramref name="count"/> logical threads. They take over the caller's activity slot: the last one to finish
    /// hands it back, so the driver never sees "idle" between the children and the caller's continuation. The first
    /// failure cancels the siblings and is rethrown once all have stopped.
    /// </summary>
    private async Task ForkAsync(int count, Func<int, CancellationToken, Task> body, CancellationToken cancellation)
    {
        if (count == 0)
            return;
        using var siblings = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var remaining = count;
        Exception? first = null;
        engine.Activity.Enter(count - 1);
        var children = new Task[count];
        for (var i = 0; i < count; i++)
        {
            var index = i;
            children[i] = Task.Run(async () =>
            {
                try
                {
                    await body(index, siblings.Token).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // collected and rethrown below, once every sibling has stopped
                catch (Exception e)
#pragma warning restore CA1031
                {
                    if (Interlocked.CompareExchange(ref first, e, null) is null)
                        await siblings.CancelAsync().ConfigureAwait(false);
                }
                finally
                {
                    if (Interlocked.Decrement(ref remaining) > 0)
                        engine.Activity.Exit();
                }
            }, CancellationToken.None);
        }

        await Task.WhenAll(children).ConfigureAwait(false);
        if (first is not null)
            ExceptionDispatchInfo.Throw(first);
    }
}

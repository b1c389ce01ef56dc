using System.Text.Json.Nodes;
using PcsAutomation.States.Errors;
using PcsAutomation.States.Json;

namespace PcsAutomation.States.Runtime;

internal sealed partial class ExecutionRunner
{
    private async Task<JsonNode?> RunMapAttemptAsync(StateRun run, JsonNode? input, CancellationToken cancellation)
    {
        var state = run.State;
        var effective = DataFlow.InputPath(state, input);
        var items = MapItems(run, effective);
        var concurrency = state.MaxConcurrency;
        if (state.MaxConcurrencyPath is not null)
            concurrency = SecondsFrom(state.Name, state.MaxConcurrencyPath, effective, "MaxConcurrencyPath") ?? 0;
        var tolerance = MapTolerance.Resolve(state, effective, items.Count);
        Event(run.Frame, "MapStateStarted", "mapStateStartedEventDetails", new JsonObject { ["length"] = items.Count });
        var results = new JsonNode?[items.Count];
        var next = -1;
        var workers = concurrency <= 0 ? items.Count : Math.Min(concurrency, items.Count);
        try
        {
            // MaxConcurrency is a pool of workers pulling the next item, so a waiting item costs no thread.
            await ForkAsync(workers, async (_, token) =>
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < items.Count)
                    results[index] = await RunIterationAsync(run, effective, items, index, tolerance, token).ConfigureAwait(false);
            }, cancellation).ConfigureAwait(false);
        }
        catch (StatesErrorException e)
        {
            Event(run.Frame, "MapStateFailed", "mapStateFailedEventDetails", ErrorDetails(e.Error, e.Cause));
            throw;
        }

        Event(run.Frame, "MapStateSucceeded", null, null);
        JsonNode? result = new JsonArray(results);
        result = DataFlow.Template(state.ResultSelector, Scope(run, result), result);
        return DataFlow.OutputPath(state, DataFlow.ResultPath(state, state.ResultPath, input, result));
    }

    private static JsonArray MapItems(StateRun run, JsonNode? effective)
    {
        var path = run.State.ItemsPath;
        JsonNode? items = effective;
        if (path is not null && !path.TrySelect(effective, out items))
        {
            throw StatesErrorException.Runtime(
                $"An error occurred while executing the state '{run.State.Name}'. Invalid path '{path.Text}' : No results for path (field 'ItemsPath')");
        }

        return items as JsonArray ?? throw StatesErrorException.Runtime(
            $"An error occurred while executing the state '{run.State.Name}'. The ItemsPath '{path?.Text ?? "$"}' did not resolve to a JSON array.");
    }

    private async Task<JsonNode?> RunIterationAsync(
        StateRun run, JsonNode? effective, JsonArray items, int index, MapTolerance tolerance, CancellationToken cancellation)
    {
        var state = run.State;
        var item = items[index];
        var iterationInput = state.ItemSelector is null
            ? JsonValues.Clone(item)
            : state.ItemSelector.Evaluate(Scope(run, effective, mapItem: (index, item)));
        var frame = new Frame(run.Frame.LastEventId);
        var details = new JsonObject { ["name"] = state.Name, ["index"] = index };
        Event(frame, "MapIterationStarted", "mapIterationStartedEventDetails", details);
        try
        {
            var output = await RunMachineAsync(state.ItemProcessor!, iterationInput, frame, cancellation).ConfigureAwait(false);
            Event(frame, "MapIterationSucceeded", "mapIterationSucceededEventDetails", (JsonObject)details.DeepClone());
            return output;
        }
        catch (StatesErrorException e)
        {
            Event(frame, "MapIterationFailed", "mapIterationFailedEventDetails", (JsonObject)details.DeepClone());
            if (!state.ToleratesFailures)
                throw;
            tolerance.RecordFailure();
            return new JsonObject { ["Error"] = e.Error, ["Cause"] = e.Cause };
        }
        catch (OperationCanceledException)
        {
            Event(frame, "MapIterationAborted", "mapIterationAbortedEventDetails", (JsonObject)details.DeepClone());
            throw;
        }
    }
}

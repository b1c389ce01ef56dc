using System.Text.Json.Nodes;
using PcsAutomation.States.Definition;
using PcsAutomation.States.Errors;
using PcsAutomation.States.Intrinsics;
using PcsAutomation.States.Json;
using PcsAutomation.States.Tasks;

namespace PcsAutomation.States.Runtime;

/// <summary>Interprets one execution: walks states, records history, counts transitions.</summary>
internal sealed partial class ExecutionRunner(StatesEngine engine, Execution execution, ITaskInvoker tasks)
{
    private TimeProvider Time => engine.Time;

    private int MaxBytes => engine.Options.MaxPayloadBytes;

    public async Task RunAsync(JsonNode? input)
    {
        var frame = new Frame(0);
        Event(frame, "ExecutionStarted", "executionStartedEventDetails", new JsonObject
        {
            ["input"] = execution.Input,
            ["inputDetails"] = new JsonObject { ["truncated"] = false },
            ["roleArn"] = execution.RoleArn,
        });
        IDisposable? timeout = null;
        if (execution.Definition.TimeoutSeconds is { } seconds)
        {
            timeout = engine.Activity.StartTimer(TimeSpan.FromSeconds(seconds), () =>
            {
                execution.StopRequest ??= (ExecutionStatus.TimedOut, StatesErrorNames.Timeout, "The execution timed out.");
                execution.Cancellation.Cancel();
            });
        }

        try
        {
            var output = await RunMachineAsync(execution.Definition, input, frame, execution.Cancellation.Token).ConfigureAwait(false);
            var text = JsonValues.ToJson(output);
            Event(frame, "ExecutionSucceeded", "executionSucceededEventDetails", new JsonObject
            {
                ["output"] = text,
                ["outputDetails"] = new JsonObject { ["truncated"] = false },
            });
            execution.Finish(ExecutionStatus.Succeeded, Time.GetUtcNow(), text, null, null);
        }
        catch (OperationCanceledException) when (execution.StopRequest is { } stop)
        {
            var type = stop.Status == ExecutionStatus.TimedOut ? "ExecutionTimedOut" : "ExecutionAborted";
            var details = type == "ExecutionTimedOut" ? "executionTimedOutEventDetails" : "executionAbortedEventDetails";
            Event(frame, type, details, ErrorDetails(stop.Error, stop.Cause));
            execution.Finish(stop.Status, Time.GetUtcNow(), null, stop.Error, stop.Cause);
        }
        catch (StatesErrorException e)
        {
            Fail(frame, e.Error, e.Cause);
        }
#pragma warning disable CA1031 // the engine must turn any bug into a failed execution, never an unobserved task
        catch (Exception e)
#pragma warning restore CA1031
        {
            Fail(frame, StatesErrorNames.Runtime, $"Internal error in the States engine: {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            timeout?.Dispose();
            engine.Activity.Exit();
        }
    }

    private void Fail(Frame frame, string error, string cause)
    {
        Event(frame, "ExecutionFailed", "executionFailedEventDetails", ErrorDetails(error, cause));
        execution.Finish(ExecutionStatus.Failed, Time.GetUtcNow(), null, error, cause);
    }

    private async Task<JsonNode?> RunMachineAsync(StateMachineDefinition machine, JsonNode? input, Frame frame, CancellationToken cancellation)
    {
        var state = machine.StartState;
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            var (output, next) = await RunStateAsync(state, input, frame, cancellation).ConfigureAwait(false);
            DataFlow.CheckSize(state.Name, output, MaxBytes, "returned");
            if (next is null)
                return output;
            state = machine.States[next];
            input = output;
        }
    }

    private async Task<(JsonNode? Output, string? Next)> RunStateAsync(State state, JsonNode? input, Frame frame, CancellationToken cancellation)
    {
        execution.CountStateEntered(state.Name);
        var run = new StateRun(state, frame, Time.GetUtcNow());
        Event(frame, $"{state.Type}StateEntered", "stateEnteredEventDetails", new JsonObject
        {
            ["name"] = state.Name,
            ["input"] = JsonValues.ToJson(input),
            ["inputDetails"] = new JsonObject { ["truncated"] = false },
        });
        var (output, next, exited) = state.Type switch
        {
            StateType.Pass => (RunPass(run, input), state.Next, true),
            StateType.Choice => RunChoice(run, input),
            StateType.Wait => (await RunWaitAsync(run, input, cancellation).ConfigureAwait(false), state.Next, true),
            StateType.Succeed => (DataFlow.OutputPath(state, DataFlow.InputPath(state, input)), null, true),
            StateType.Fail => throw FailState(run, input),
            StateType.Task => await WithRetryAsync(run, input, RunTaskAttemptAsync, cancellation).ConfigureAwait(false),
            StateType.Parallel => await WithRetryAsync(run, input, RunParallelAttemptAsync, cancellation).ConfigureAwait(false),
            _ => await WithRetryAsync(run, input, RunMapAttemptAsync, cancellation).ConfigureAwait(false),
        };
        if (exited)
        {
            Event(frame, $"{state.Type}StateExited", "stateExitedEventDetails", new JsonObject
            {
                ["name"] = state.Name,
                ["output"] = JsonValues.ToJson(output),
                ["outputDetails"] = new JsonObject { ["truncated"] = false },
            });
        }

        return (output, next);
    }

    private JsonNode? RunPass(StateRun run, JsonNode? input)
    {
        var state = run.State;
        var effective = DataFlow.InputPath(state, input);
        effective = DataFlow.Template(state.Parameters, Scope(run, effective), effective);
        var result = state.HasResult ? JsonValues.Clone(state.Result) : effective;
        return DataFlow.OutputPath(state, DataFlow.ResultPath(state, state.ResultPath, input, result));
    }

    private (JsonNode?, string?, bool) RunChoice(StateRun run, JsonNode? input)
    {
        var state = run.State;
        var effective = DataFlow.InputPath(state, input);
        var scope = Scope(run, effective);
        var next = state.Choices.FirstOrDefault(rule => rule.Evaluate(scope))?.Next ?? state.Default
            ?? throw new StatesErrorException(StatesErrorNames.NoChoiceMatched, $"No Matches! (state '{state.Name}')");
        return (DataFlow.OutputPath(state, effective), next, true);
    }

    private static StatesErrorException FailState(StateRun run, JsonNode? input)
    {
        var state = run.State;
        var error = state.Error ?? FailField(state, state.ErrorPath, input, "ErrorPath");
        var cause = state.Cause ?? FailField(state, state.CausePath, input, "CausePath");
        return new StatesErrorException(error ?? "", cause ?? "");
    }

    private static string? FailField(State state, JsonPath? path, JsonNode? input, string field)
    {
        if (path is null)
            return null;
        if (path.TrySelect(input, out var value) && JsonValues.TryGetString(value, out var text))
            return text;
        throw StatesErrorException.Runtime(
            $"An error occurred while executing the state '{state.Name}'. The {field} '{path.Text}' did not resolve to a string.");
    }

    private EvaluationScope Scope(StateRun run, JsonNode? input, string? taskToken = null, (int Index, JsonNode? Value)? mapItem = null) =>
        new(input, () => ContextObject(run, taskToken, mapItem), engine.Options.Random);

    /// <summary>The context object (<c>$$</c>) as the Step Functions docs describe it.</summary>
    private JsonObject ContextObject(StateRun run, string? taskToken, (int Index, JsonNode? Value)? mapItem)
    {
        var context = new JsonObject
        {
            ["Execution"] = new JsonObject
            {
                ["Id"] = execution.Arn,
                ["Input"] = JsonValues.Parse(execution.Input),
                ["Name"] = execution.Name,
                ["RoleArn"] = execution.RoleArn,
                ["StartTime"] = Timestamps.Format(execution.StartDate),
                ["RedriveCount"] = 0,
            },
            ["State"] = new JsonObject
            {
                ["EnteredTime"] = Timestamps.Format(run.EnteredTime),
                ["Name"] = run.State.Name,
                ["RetryCount"] = run.RetryCount,
            },
            ["StateMachine"] = new JsonObject
            {
                ["Id"] = execution.StateMachineArn,
                ["Name"] = execution.StateMachineArn[(execution.StateMachineArn.LastIndexOf(':') + 1)..],
            },
        };
        if (taskToken is not null)
            context["Task"] = new JsonObject { ["Token"] = taskToken };
        if (mapItem is { } item)
            context["Map"] = new JsonObject { ["Item"] = new JsonObject { ["Index"] = item.Index, ["Value"] = JsonValues.Clone(item.Value) } };
        return context;
    }

    private void Event(Frame frame, string type, string? detailsName, JsonObject? details) =>
        frame.LastEventId = execution.AddEvent(frame.LastEventId, Time.GetUtcNow(), type, detailsName, details);

    private static JsonObject ErrorDetails(string? error, string? cause) => new() { ["error"] = error, ["cause"] = cause };
}

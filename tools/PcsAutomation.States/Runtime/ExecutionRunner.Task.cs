using System.Text.Json.Nodes;
using PcsAutomation.States.Errors;
using PcsAutomation.States.Json;
using PcsAutomation.States.Tasks;

namespace PcsAutomation.States.Runtime;

internal sealed partial class ExecutionRunner
{
    private async Task<JsonNode?> RunTaskAttemptAsync(StateRun run, JsonNode? input, CancellationToken cancellation)
    {
        var state = run.State;
        var resource = TaskResource.Parse(state.Resource!);
        var effective = DataFlow.InputPath(state, input);
        var token = resource.Pattern == IntegrationPattern.WaitForTaskToken ? engine.NewTaskToken() : null;
        var parameters = DataFlow.Template(state.Parameters, Scope(run, effective, token), effective);
        var timeout = state.TimeoutSeconds ?? SecondsFrom(state.Name, state.TimeoutSecondsPath, effective, "TimeoutSecondsPath");
        var heartbeat = state.HeartbeatSeconds ?? SecondsFrom(state.Name, state.HeartbeatSecondsPath, effective, "HeartbeatSecondsPath");
        var invocation = new TaskInvocation(
            resource.Arn, resource.BaseArn, resource.Pattern, parameters, state.Name, execution.Arn, execution.Name,
            execution.StateMachineArn, token, run.RetryCount, timeout, heartbeat);
        TaskScheduled(run.Frame, resource, parameters, timeout, heartbeat);
        var outcome = await InvokeAsync(invocation, timeout, heartbeat, cancellation).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            TaskEnded(run.Frame, resource, outcome);
            throw new StatesErrorException(outcome.Error ?? "", outcome.Cause ?? "");
        }

        TaskEnded(run.Frame, resource, outcome);
        DataFlow.CheckSize(state.Name, outcome.Output, MaxBytes, "returned");
        var result = DataFlow.Template(state.ResultSelector, Scope(run, outcome.Output), outcome.Output);
        return DataFlow.OutputPath(state, DataFlow.ResultPath(state, state.ResultPath, input, result));
    }

    private async Task<TaskOutcome> InvokeAsync(TaskInvocation invocation, int? timeout, int? heartbeat, CancellationToken cancellation)
    {
        execution.CountTask(invocation.BaseResource.StartsWith("arn:aws:lambda:", StringComparison.Ordinal)
            || invocation.BaseResource.StartsWith("arn:aws:states:::lambda:", StringComparison.Ordinal));
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var timedOut = false;
        using var timer = timeout is { } seconds
            ? engine.Activity.StartTimer(TimeSpan.FromSeconds(seconds), () =>
            {
                timedOut = true;
                attempt.Cancel();
            })
            : null;
        // The token is live before the resource is called: a fast worker may answer before the call returns.
        using var callback = invocation.Pattern == IntegrationPattern.WaitForTaskToken
            ? new CallbackWait(engine, invocation.TaskToken!, heartbeat, attempt.Token)
            : null;
        try
        {
            var outcome = await tasks.InvokeAsync(invocation, attempt.Token).ConfigureAwait(false);
            if (callback is not null && outcome.Succeeded)
                outcome = await callback.WaitAsync().ConfigureAwait(false);
            return outcome;
        }
        catch (OperationCanceledException) when (timedOut && !cancellation.IsCancellationRequested)
        {
            return TaskOutcome.Failed(StatesErrorNames.Timeout, $"The task '{invocation.StateName}' did not finish within {timeout} seconds.");
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // a host exception is a task failure the workflow may catch, as a Lambda crash is in AWS
        catch (Exception e)
#pragma warning restore CA1031
        {
            return TaskOutcome.Failed(StatesErrorNames.TaskFailed, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static int? SecondsFrom(string stateName, JsonPath? path, JsonNode? input, string field)
    {
        if (path is null)
            return null;
        if (path.TrySelect(input, out var value) && JsonValues.TryGetInteger(value, out var seconds) && seconds is > 0 and <= 99_999_999)
            return (int)seconds;
        throw StatesErrorException.Runtime(
            $"An error occurred while executing the state '{stateName}'. The {field} '{path.Text}' does not reference a positive integer.");
    }
}

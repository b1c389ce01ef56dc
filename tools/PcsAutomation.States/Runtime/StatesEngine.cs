using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using PcsAutomation.States.Definition;
using PcsAutomation.States.Errors;
using PcsAutomation.States.Json;
using PcsAutomation.States.Tasks;

namespace PcsAutomation.States.Runtime;

/// <summary>
/// Runs state machine executions on an injected clock; the Step Functions API of a host is a thin layer over it
/// (StartExecution, DescribeExecution = <see cref="GetExecution"/>, StopExecution, GetExecutionHistory =
/// <see cref="Execution.History"/>, SendTask*). The engine does no I/O and never reads the wall clock.
/// </summary>
public sealed class StatesEngine
{
    private readonly ConcurrentDictionary<string, Execution> executions = new(StringComparer.Ordinal);
    private readonly ITaskInvoker tasks;

    public StatesEngine(TimeProvider time, ITaskInvoker tasks, StatesEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(tasks);
        Options = options ?? new StatesEngineOptions();
        Options.Validate();
        Time = time;
        this.tasks = tasks;
        Activity = new ActivityTracker(time);
    }

    public TimeProvider Time { get; }

    public StatesEngineOptions Options { get; }

    public IReadOnlyCollection<Execution> Executions => executions.Values.ToList();

    /// <summary>When the earliest engine timer (Wait, retry interval, timeout, heartbeat) is due, if any.</summary>
    public DateTimeOffset? NextTimerDue => Activity.NextTimerDue;

    /// <summary>States parked on a task token right now.</summary>
    public int PendingTaskTokens => Tokens.Pending;

    internal ActivityTracker Activity { get; }

    internal TaskTokenRegistry Tokens { get; } = new();

    /// <summary>Completes when every execution is either finished or parked on a timer or a task token.</summary>
    public Task WhenIdleAsync() => Activity.WhenIdleAsync();

    /// <summary>
    /// Logical threads (executions, branches, Map iterations) not parked on a timer or a task token: running a step, or
    /// waiting for a task resource to answer. A host that knows how many of them wait on its resources (the emulator's
    /// Lambda invocations) can tell whether the engine itself still has work to do.
    /// </summary>
    public int RunningThreads => Activity.Running;

    /// <summary>Completes at the next change of <see cref="RunningThreads"/>; take it before reading the count.</summary>
    public Task RunningThreadsChanged() => Activity.NextChange();

    /// <summary>
    /// Starts an execution. A reused name with the same input while it runs returns the running execution (AWS is
    /// idempotent there); any other reuse is <c>ExecutionAlreadyExists</c>.
    /// </summary>
    public Execution StartExecution(StateMachineDefinition definition, string stateMachineArn, string? name = null, string? input = null, string? roleArn = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        name ??= Options.Random.NextGuid().ToString();
        ExecutionNames.Validate(name);
        input ??= "{}";
        var parsedInput = ParseInput(input);
        var arn = ExecutionArn(stateMachineArn, name);
        var execution = new Execution(arn, name, stateMachineArn, definition, input, roleArn, Time.GetUtcNow());
        var existing = executions.GetOrAdd(arn, execution);
        if (!ReferenceEquals(existing, execution))
        {
            if (existing.Input == input && !existing.IsComplete)
                return existing;
            throw new StatesApiException("ExecutionAlreadyExists", $"Execution Already Exists: '{arn}'");
        }

        Activity.Enter();
        _ = Task.Run(() => new ExecutionRunner(this, execution, tasks).RunAsync(parsedInput));
        return execution;
    }

    /// <summary>
    /// For hosts serving <c>.sync</c> integrations that run another execution (<c>states:startExecution.sync</c>):
    /// parks the calling Task state until <paramref name="execution"/> ends, so the engine counts the parent as
    /// waiting (and a driver may skip time for the child's Wait states) instead of running. Call it only from
    /// inside <see cref="ITaskInvoker.InvokeAsync"/>; cancellation (the Task's timeout, a stop) ends the wait.
    /// </summary>
    public async Task<Execution> WaitForExecutionAsync(Execution execution, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(execution);
        using var blocker = new Blocker<Execution>(Activity, cancellation);
        execution.WhenFinished(() => blocker.TryWake(execution));
        blocker.Park();
        return await blocker.Task.ConfigureAwait(false);
    }

    public Execution GetExecution(string executionArn) =>
        executions.TryGetValue(executionArn, out var execution)
            ? execution
            : throw new StatesApiException("ExecutionDoesNotExist", $"Execution Does Not Exist: '{executionArn}'");

    /// <summary>StopExecution: the execution ends ABORTED with the given error and cause.</summary>
    public void StopExecution(string executionArn, string? error = null, string? cause = null)
    {
        var execution = GetExecution(executionArn);
        if (execution.IsComplete)
            return;
        execution.StopRequest = (ExecutionStatus.Aborted, error, cause);
        execution.Cancellation.Cancel();
    }

    public void SendTaskSuccess(string taskToken, string output)
    {
        JsonNode? parsed;
        try
        {
            parsed = JsonValues.Parse(output);
        }
        catch (JsonException e)
        {
            throw new StatesApiException("InvalidOutput", $"The output is not valid JSON: {e.Message}");
        }

        Tokens.Complete(taskToken, TaskOutcome.Success(parsed));
    }

    public void SendTaskFailure(string taskToken, string? error = null, string? cause = null) =>
        Tokens.Complete(taskToken, TaskOutcome.Failed(error ?? "", cause));

    public void SendTaskHeartbeat(string taskToken) => Tokens.Heartbeat(taskToken);

    internal string NewTaskToken() =>
        Convert.ToBase64String(Options.Random.NextGuid().ToByteArray().Concat(Options.Random.NextGuid().ToByteArray()).ToArray());

    private string ExecutionArn(string stateMachineArn, string name)
    {
        // arn:aws:states:region:account:stateMachine:Name → arn:aws:states:region:account:execution:Name:executionName
        var marker = ":stateMachine:";
        var at = stateMachineArn.IndexOf(marker, StringComparison.Ordinal);
        return at < 0
            ? $"arn:aws:states:{Options.Region}:{Options.AccountId}:execution:{stateMachineArn}:{name}"
            : $"{stateMachineArn[..at]}:execution:{stateMachineArn[(at + marker.Length)..]}:{name}";
    }

    private JsonNode? ParseInput(string input)
    {
        try
        {
            var parsed = JsonValues.Parse(input);
            if (JsonValues.Utf8Size(parsed) > Options.MaxPayloadBytes)
                throw new StatesApiException("InvalidExecutionInput", $"The input is larger than {Options.MaxPayloadBytes} bytes.");
            return parsed;
        }
        catch (JsonException e)
        {
            throw new StatesApiException("InvalidExecutionInput", $"Invalid State Machine Execution Input: {e.Message}");
        }
    }
}

using System.Text.Json.Nodes;
using PcsAutomation.States.Definition;

namespace PcsAutomation.States.Runtime;

/// <summary>
/// One run of a state machine: what DescribeExecution and GetExecutionHistory report, plus the accounting Step
/// Functions bills (state transitions) and the task calls made. Thread-safe: parallel branches write to it.
/// </summary>
public sealed class Execution
{
    private readonly Lock gate = new();
    private readonly List<HistoryEvent> history = [];
    private readonly List<string> visitedStates = [];
    private readonly TaskCompletionSource<Execution> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Action> finishedCallbacks = [];
    private int stateTransitions;
    private int taskInvocations;
    private int lambdaInvocations;

    internal Execution(
        string arn, string name, string stateMachineArn, StateMachineDefinition definition, string input, string? roleArn, DateTimeOffset startDate)
    {
        Arn = arn;
        Name = name;
        StateMachineArn = stateMachineArn;
        Definition = definition;
        Input = input;
        RoleArn = roleArn;
        StartDate = startDate;
    }

    public string Arn { get; }

    public string Name { get; }

    public string StateMachineArn { get; }

    public StateMachineDefinition Definition { get; }

    public string Input { get; }

    public string? RoleArn { get; }

    public DateTimeOffset StartDate { get; }

    public ExecutionStatus Status { get; private set; } = ExecutionStatus.Running;

    public DateTimeOffset? StopDate { get; private set; }

    /// <summary>The output JSON when <see cref="Status"/> is Succeeded.</summary>
    public string? Output { get; private set; }

    public string? Error { get; private set; }

    public string? Cause { get; private set; }

    /// <summary>Completes (never faults) when the execution reaches a terminal status.</summary>
    public Task<Execution> Completion => completion.Task;

    public bool IsComplete => Status != ExecutionStatus.Running;

    /// <summary>States entered plus retries: the figure Step Functions bills for standard workflows.</summary>
    public int StateTransitions => Volatile.Read(ref stateTransitions);

    /// <summary>Calls made to the <see cref="Tasks.ITaskInvoker"/> (every attempt counts).</summary>
    public int TaskInvocations => Volatile.Read(ref taskInvocations);

    /// <summary>Task calls whose resource is a Lambda function (plain ARN or <c>lambda:invoke</c>).</summary>
    public int LambdaInvocations => Volatile.Read(ref lambdaInvocations);

    public IReadOnlyList<HistoryEvent> History
    {
        get
        {
            lock (gate)
                return [.. history];
        }
    }

    /// <summary>State names in the order they were entered (Map iterations and branches interleave).</summary>
    public IReadOnlyList<string> VisitedStates
    {
        get
        {
            lock (gate)
                return [.. visitedStates];
        }
    }

    internal CancellationTokenSource Cancellation { get; } = new();

    internal (ExecutionStatus Status, string? Error, string? Cause)? StopRequest { get; set; }

    internal long AddEvent(long previousEventId, DateTimeOffset timestamp, string type, string? detailsName, JsonObject? details)
    {
        lock (gate)
        {
            var id = history.Count + 1;
            history.Add(new HistoryEvent(id, previousEventId, timestamp, type, detailsName, details));
            return id;
        }
    }

    internal void CountStateEntered(string stateName)
    {
        Interlocked.Increment(ref stateTransitions);
        lock (gate)
            visitedStates.Add(stateName);
    }

    internal void CountRetry() => Interlocked.Increment(ref stateTransitions);

    internal void CountTask(bool isLambda)
    {
        Interlocked.Increment(ref taskInvocations);
        if (isLambda)
            Interlocked.Increment(ref lambdaInvocations);
    }

    /// <summary>Runs <paramref name="callback"/> when the execution ends (now, when it already has).</summary>
    internal void WhenFinished(Action callback)
    {
        lock (gate)
        {
            if (Status == ExecutionStatus.Running)
            {
                finishedCallbacks.Add(callback);
                return;
            }
        }

        callback();
    }

    internal void Finish(ExecutionStatus status, DateTimeOffset stopDate, string? output, string? error, string? cause)
    {
        List<Action> callbacks;
        lock (gate)
        {
            Status = status;
            StopDate = stopDate;
            Output = output;
            Error = error;
            Cause = cause;
            callbacks = [.. finishedCallbacks];
            finishedCallbacks.Clear();
        }

        // Synchronously, before the runner leaves the activity count: a parent parked on this execution is counted
        // as running again before the engine can look idle.
        foreach (var callback in callbacks)
            callback();
        completion.TrySetResult(this);
    }
}

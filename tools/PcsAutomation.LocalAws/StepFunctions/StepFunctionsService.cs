using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Clock;
using PcsAutomation.LocalAws.Protocol;
using PcsAutomation.States.Definition;
using PcsAutomation.States.Errors;
using PcsAutomation.States.Runtime;
using PcsAutomation.States.Tasks;

namespace PcsAutomation.LocalAws.StepFunctions;

/// <summary>
/// The Step Functions API (awsJson1_0, target prefix AWSStepFunctions) over the States Language engine. Executions
/// run on the emulator's <see cref="VirtualClock"/>: Wait states and retries are timers on it, so
/// <see cref="VirtualClock.Advance"/> moves them and <see cref="RunExecutionToCompletionAsync"/> skips time for tests.
/// </summary>
public sealed partial class StepFunctionsService
{
    public const string TargetPrefix = "AWSStepFunctions";
    public const string SigningName = "states";
    public const string EventSource = "states.amazonaws.com";

    private readonly Dictionary<string, StateMachineRecord> machines = new(StringComparer.Ordinal);
    private readonly VirtualClock clock;
    private readonly string region;
    private readonly string accountId;

    public StepFunctionsService(VirtualClock clock, Func<Lambda.LambdaHost> lambda, string region, string accountId)
        : this(clock, lambda, region, accountId, null)
    {
    }

    /// <summary>With <paramref name="host"/>, Task states also reach the emulated services (<see cref="ServiceTaskInvoker"/>).</summary>
    public StepFunctionsService(VirtualClock clock, Func<Lambda.LambdaHost> lambda, string region, string accountId, LocalAws? host)
    {
        this.clock = clock;
        this.region = region;
        this.accountId = accountId;
        ITaskInvoker tasks = new LambdaTaskInvoker(lambda);
        if (host is not null) tasks = Services = new ServiceTaskInvoker(host, tasks);
        Engine = new StatesEngine(clock, tasks, new StatesEngineOptions { Region = region, AccountId = accountId });
    }

    /// <summary>The service integrations (null on a service built without a host: Lambda resources only).</summary>
    public ServiceTaskInvoker? Services { get; }

    /// <summary>
    /// What one execution cost, as Step Functions bills it: state transitions (states entered plus retries), every
    /// Task call, the Lambda ones among them, and the executions it started with <c>states:startExecution</c>
    /// (whose own figures are theirs: ask for them by ARN).
    /// </summary>
    public ExecutionAccounting Accounting(string executionArn)
    {
        var execution = Engine.GetExecution(executionArn);
        return new ExecutionAccounting(execution.Arn, execution.Status.ToApiName(), execution.StateTransitions, execution.TaskInvocations,
            execution.LambdaInvocations, execution.TaskInvocations - execution.LambdaInvocations, Services?.ChildExecutions(executionArn) ?? []);
    }

    /// <summary>The engine behind the API (executions, history, pending task tokens).</summary>
    public StatesEngine Engine { get; }

    public JsonNode Invoke(string operation, JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reader = new RequestReader(request, message => new AwsServiceException("ValidationException", message));
        try
        {
            return operation switch
            {
                "CreateStateMachine" => CreateStateMachine(reader),
                "DescribeStateMachine" => Describe(Machine(reader.RequiredString("stateMachineArn"))),
                "ListStateMachines" => ListStateMachines(reader),
                "StartExecution" => StartExecution(reader),
                "DescribeExecution" => DescribeExecution(Engine.GetExecution(reader.RequiredString("executionArn"))),
                "StopExecution" => StopExecution(reader),
                "ListExecutions" => ListExecutions(reader),
                "GetExecutionHistory" => GetExecutionHistory(reader),
                "SendTaskSuccess" => Empty(() => Engine.SendTaskSuccess(reader.RequiredString("taskToken"), reader.RequiredString("output"))),
                "SendTaskFailure" => Empty(() => Engine.SendTaskFailure(reader.RequiredString("taskToken"), reader.OptionalString("error"), reader.OptionalString("cause"))),
                "SendTaskHeartbeat" => Empty(() => Engine.SendTaskHeartbeat(reader.RequiredString("taskToken"))),
                _ => throw new AwsServiceException("UnknownOperationException", $"Operation {operation} is not supported."),
            };
        }
        catch (StatesApiException error)
        {
            throw new AwsServiceException(error.Code, error.Message);
        }
    }

    /// <summary>
    /// Set by <see cref="LocalAws"/> to its <see cref="LocalAws.RunUntilAsync"/>, so running an execution to completion
    /// also waits for Lambda invocations, EventBridge deliveries and every timer of the emulator.
    /// </summary>
    internal Func<Func<bool>, TimeSpan, Task<bool>>? RunUntil { get; set; }

    /// <summary>
    /// Skips virtual time until the execution ends (through <see cref="LocalAws.RunUntilAsync"/> when the service belongs
    /// to an emulator, else alternating engine idleness and jumps to the next engine timer or scheduled work); throws when
    /// it waits for a task token and nothing is due within <paramref name="max"/>.
    /// </summary>
    public async Task<Execution> RunExecutionToCompletionAsync(string executionArn, TimeSpan max)
    {
        var execution = Engine.GetExecution(executionArn);
        if (RunUntil is { } run)
        {
            if (!await run(() => execution.IsComplete, max).ConfigureAwait(false))
                throw CannotFinish(execution, max);
            return await execution.Completion.ConfigureAwait(false);
        }
        var deadline = clock.GetUtcNow() + max;
        while (true)
        {
            await Engine.WhenIdleAsync().ConfigureAwait(false);
            if (execution.IsComplete) return await execution.Completion.ConfigureAwait(false);
            var next = Earliest(Engine.NextTimerDue, clock.NextDue);
            if (next is not { } due || due > deadline)
                throw CannotFinish(execution, max);
            clock.AdvanceTo(due > clock.GetUtcNow() ? due : clock.GetUtcNow());
        }
    }

    private InvalidOperationException CannotFinish(Execution execution, TimeSpan max) => new(
        $"Execution '{execution.Name}' cannot finish within {max}: {Engine.PendingTaskTokens} task token(s) pending, next timer {Earliest(Engine.NextTimerDue, clock.NextDue)?.ToString("O") ?? "none"}.");

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    private static JsonObject Empty(Action action)
    {
        action();
        return [];
    }

    private JsonObject CreateStateMachine(RequestReader reader)
    {
        var name = reader.RequiredString("name");
        var definitionJson = reader.RequiredString("definition");
        var roleArn = reader.RequiredString("roleArn");
        var type = reader.OptionalString("type") ?? "STANDARD";
        if (type != "STANDARD")
            throw new AwsServiceException("StateMachineTypeNotSupported", $"The emulator runs STANDARD state machines only, not {type}.");
        StateMachineDefinition definition;
        try
        {
            definition = StateMachineDefinition.Parse(definitionJson);
        }
        catch (DefinitionException error)
        {
            throw new AwsServiceException("InvalidDefinition", error.Message);
        }
        var arn = $"arn:aws:states:{region}:{accountId}:stateMachine:{name}";
        if (machines.TryGetValue(arn, out var existing))
        {
            // AWS: the same name with the same definition and role is idempotent, anything else a conflict.
            if (existing.DefinitionJson != definitionJson || existing.RoleArn != roleArn)
                throw new AwsServiceException("StateMachineAlreadyExists", $"State Machine Already Exists: '{arn}'");
        }
        else
        {
            existing = new StateMachineRecord(arn, name, definitionJson, definition, roleArn, type, clock.GetUtcNow());
            machines[arn] = existing;
        }
        return new JsonObject
        {
            ["stateMachineArn"] = arn,
            ["creationDate"] = AwsTimestamp.EpochSeconds(existing.CreationDate),
        };
    }

    private StateMachineRecord Machine(string arn) =>
        machines.GetValueOrDefault(arn) ?? throw new AwsServiceException("StateMachineDoesNotExist", $"State Machine Does Not Exist: '{arn}'");

    private static JsonObject Describe(StateMachineRecord machine) => new()
    {
        ["stateMachineArn"] = machine.Arn,
        ["name"] = machine.Name,
        ["status"] = "ACTIVE",
        ["definition"] = machine.DefinitionJson,
        ["roleArn"] = machine.RoleArn,
        ["type"] = machine.Type,
        ["creationDate"] = AwsTimestamp.EpochSeconds(machine.CreationDate),
    };

    private JsonObject ListStateMachines(RequestReader reader)
    {
        var all = machines.Values.OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
        var (page, next) = Page(all, reader);
        var result = new JsonObject
        {
            ["stateMachines"] = new JsonArray([.. page.Select(m => (JsonNode)new JsonObject
            {
                ["stateMachineArn"] = m.Arn,
                ["name"] = m.Name,
                ["type"] = m.Type,
                ["creationDate"] = AwsTimestamp.EpochSeconds(m.CreationDate),
            })]),
        };
        if (next is not null) result["nextToken"] = next;
        return result;
    }

    /// <summary>Offset tokens: the emulator's lists do not change order between pages.</summary>
    private static (IReadOnlyList<T> Page, string? NextToken) Page<T>(IReadOnlyList<T> items, RequestReader reader, int defaultSize = 100)
    {
        var size = reader.OptionalInt("maxResults") is { } m and > 0 ? Math.Min(m, 1000) : defaultSize;
        var start = 0;
        if (reader.OptionalString("nextToken") is { } token && (!int.TryParse(token, out start) || start < 0 || start > items.Count))
            throw new AwsServiceException("InvalidToken", "Invalid Token: the nextToken is not one this API gave.");
        var page = items.Skip(start).Take(size).ToList();
        return (page, start + size < items.Count ? (start + size).ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }
}

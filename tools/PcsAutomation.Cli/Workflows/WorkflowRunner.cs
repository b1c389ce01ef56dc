using System.Text.Json;
using System.Text.Json.Nodes;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Aws.StepFunctions.Model;
using PcsAutomation.Cli.Monitoring;
using PcsAutomation.Domain.Workflows;
using Spectre.Console;

namespace PcsAutomation.Cli.Workflows;

/// <summary>
/// One run of a workflow: the state machine, what it runs on (<paramref name="Subject"/>: the cluster's id, or a Capacity
/// Block's reservation id), the input, and how to say in words what a given input asks for ("a dry run of pcs_…", "a
/// rotation of pcs_…"), for the start line and the attach refusal.
/// </summary>
/// <param name="ExecutionName">The execution's name; null: <see cref="ExecutionNames.OnDemand"/> of the subject and the minute.</param>
/// <param name="SameRun">
/// Whether an execution already started under that name with the input given first asks for the same run as the input
/// given second (then the CLI attaches to it); null: the inputs are equal.
/// </param>
public sealed record WorkflowStart(
    WorkflowMachine Machine, string MachineArn, string Subject, JsonObject Input, Func<JsonObject, string> Describe,
    string? ExecutionName = null, Func<JsonObject, JsonObject, bool>? SameRun = null);

/// <summary>
/// What every workflow command does around its own input and summary: resolves the cluster (GetCluster takes a name or
/// an id), starts the execution under its name (by default <see cref="ExecutionNames.OnDemand"/>: a second start in the
/// same minute with the same input attaches to the first; with another input it is refused), and follows it with the
/// live view.
/// </summary>
public sealed class WorkflowRunner(WorkflowConnection connection, IAnsiConsole console, PollingOptions polling, LiveViewOptions? view = null)
{
    public async Task<Cluster> ResolveClusterAsync(string cluster, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(cluster)) throw new CliException("--cluster needs a cluster name or id.");
        cluster = cluster.Trim();
        try
        {
            var response = await connection.Clients.Pcs.GetClusterAsync(new GetClusterRequest { ClusterIdentifier = cluster }, cancellationToken).ConfigureAwait(false);
            return response.Cluster ?? throw new CliException($"PCS GetCluster returned no cluster for '{cluster}'.");
        }
        catch (Exception e) when (e is PcsAutomation.Aws.PCS.Model.ResourceNotFoundException or PcsAutomation.Aws.PCS.Model.ValidationException)
        {
            throw new CliException($"No PCS cluster '{cluster}' in {connection.Clients.Factory.Region} (--cluster takes a cluster name or id; `aws pcs list-clusters` lists them).");
        }
    }

    /// <summary>Starts (or attaches to) the execution and returns its ARN; the connection follows it from then on.</summary>
    public async Task<string> StartOrAttachAsync(WorkflowStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        var name = start.ExecutionName ?? ExecutionNames.OnDemand(start.Machine.Kind, start.Subject, connection.Time.GetUtcNow());
        string executionArn;
        try
        {
            var response = await connection.Clients.StepFunctions.StartExecutionAsync(
                new StartExecutionRequest { StateMachineArn = start.MachineArn, Name = name, Input = start.Input.ToJsonString() }, cancellationToken).ConfigureAwait(false);
            executionArn = response.ExecutionArn;
            console.WriteLine($"Started {start.Describe(start.Input)}: {executionArn}");
        }
        catch (ExecutionAlreadyExistsException)
        {
            executionArn = await AttachAsync(start, StateMachineLocator.ExecutionArn(start.MachineArn, name), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is StateMachineDoesNotExistException or InvalidArnException)
        {
            throw new CliException($"No state machine '{start.MachineArn}' in {connection.Clients.Factory.Region}; pass the {start.Machine.Noun} state machine's ARN with --state-machine-arn.");
        }

        connection.Follow(executionArn);
        return executionArn;
    }

    /// <summary>
    /// Follows the execution to its end; <paramref name="showTimeline"/> prints the live view: a line per step (each wait
    /// loop of the definition on one line), or with <see cref="LiveViewOptions.Verbose"/> a line per state and notification.
    /// </summary>
    public async Task<ExecutionResult> WatchAsync(string executionArn, bool showTimeline, CancellationToken cancellationToken)
    {
        var watcher = new ExecutionWatcher(connection.Clients.StepFunctions, connection.Delay, polling);
        var options = view ?? LiveViewOptions.Default;
        if (!showTimeline || options.Verbose)
            return await watcher.WatchAsync(executionArn, showTimeline ? Print : _ => { }, cancellationToken).ConfigureAwait(false);
        var (shape, problem) = await new StateMachineDefinitions(connection.Clients.StepFunctions, connection.Clients.StepFunctionsInvoker)
            .ShapeOfAsync(executionArn, cancellationToken).ConfigureAwait(false);
        if (problem is not null) console.WriteLine($"(The state machine's definition could not be read ({problem}): wait loops are shown state by state.)");
        return await watcher.WatchAsync(executionArn, new ConsoleStepView(console, new StepGrouping(shape), options.InPlace), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The same name means the same minute: follow that execution, unless it was started with another input.</summary>
    private async Task<string> AttachAsync(WorkflowStart start, string executionArn, CancellationToken cancellationToken)
    {
        var existing = await connection.Clients.StepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = executionArn }, cancellationToken)
            .ConfigureAwait(false);
        if (ParseInput(existing.Input) is { } input && !(start.SameRun ?? JsonNode.DeepEquals)(input, start.Input))
        {
            // A name of the minute frees itself; a fixed one (a block and its end date) is kept 90 days after the execution
            // closes ("You can reuse names after 90 days": StartExecution, ../shared/reference/botocore/stepfunctions.service-2.json).
            throw new CliException(start.ExecutionName is null
                ? $"Execution {existing.Name} was started this minute as {start.Describe(input)}; wait for the next minute to start {start.Describe(start.Input)}."
                : $"Execution {existing.Name} exists as {start.Describe(input)} ({existing.Status.Value}): Step Functions keeps an execution's name for 90 days, so {start.Describe(start.Input)} cannot start under it.");
        }
        console.WriteLine($"Attached to the execution already started for {start.Subject}: {executionArn} ({existing.Status.Value})");
        return executionArn;
    }

    private static JsonObject? ParseInput(string? input)
    {
        try
        {
            return input is null ? null : JsonNode.Parse(input) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void Print(TimelineEntry line) => console.MarkupLine(TimelineMarkup.Line(line));
}

using System.Text.Json;
using System.Text.Json.Nodes;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Aws.StepFunctions.Model;
using PcsAutomation.Cli.Aws;
using PcsAutomation.Cli.Monitoring;
using PcsAutomation.Domain.Workflows;
using Spectre.Console;

namespace PcsAutomation.Cli.Rotation;

/// <summary>What <c>rotate</c> was asked: the cluster by name or id, dry run or not, and how to find the state machine.</summary>
public sealed record RotateRequest(string Cluster, bool DryRun, string? StateMachineArn = null, string? StackName = null);

/// <summary>
/// <c>rotate</c>: resolves the cluster (GetCluster takes a name or an id), starts the rotation state machine with
/// <c>{"clusterId", "dryRun"}</c> under <see cref="ExecutionNames.OnDemand"/> (a second start in the same minute
/// attaches to the first), prints the timeline while it runs and the summary at the end.
/// </summary>
public sealed class RotationRunner(CliClients clients, TimeProvider time, Func<TimeSpan, CancellationToken, Task> delay, IAnsiConsole console, PollingOptions polling)
{
    /// <summary>Runs the rotation; <paramref name="started"/> learns the execution ARN before the first wait. Returns the exit code.</summary>
    public async Task<int> RunAsync(RotateRequest request, Action<string>? started, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Cluster)) throw new CliException("--cluster needs a cluster name or id.");
        var machineArn = request.StateMachineArn
            ?? await new StateMachineLocator(clients.StepFunctionsInvoker).FindAsync(request.StackName, cancellationToken).ConfigureAwait(false);
        var cluster = await ResolveClusterAsync(request.Cluster.Trim(), cancellationToken).ConfigureAwait(false);
        var name = ExecutionNames.OnDemand(WorkflowKind.ClusterSecretRotation, cluster.Id, time.GetUtcNow());
        var executionArn = await StartOrAttachAsync(machineArn, name, cluster.Id, request.DryRun, cancellationToken).ConfigureAwait(false);
        started?.Invoke(executionArn);

        var watcher = new ExecutionWatcher(clients.StepFunctions, delay, polling);
        var result = await watcher.WatchAsync(executionArn, Print, cancellationToken).ConfigureAwait(false);
        var summary = RotationSummary.From(result, request.DryRun);
        console.WriteLine();
        console.Write(SummaryRenderer.Render(summary));
        return summary.Succeeded ? ExitCodes.Success : ExitCodes.Failed;
    }

    private async Task<Cluster> ResolveClusterAsync(string cluster, CancellationToken cancellationToken)
    {
        try
        {
            var response = await clients.Pcs.GetClusterAsync(new GetClusterRequest { ClusterIdentifier = cluster }, cancellationToken).ConfigureAwait(false);
            return response.Cluster ?? throw new CliException($"PCS GetCluster returned no cluster for '{cluster}'.");
        }
        catch (Exception e) when (e is PcsAutomation.Aws.PCS.Model.ResourceNotFoundException or PcsAutomation.Aws.PCS.Model.ValidationException)
        {
            throw new CliException($"No PCS cluster '{cluster}' in {clients.Factory.Region} (--cluster takes a cluster name or id; `aws pcs list-clusters` lists them).");
        }
    }

    private async Task<string> StartOrAttachAsync(string machineArn, string name, string clusterId, bool dryRun, CancellationToken cancellationToken)
    {
        var input = new JsonObject { ["clusterId"] = clusterId, ["dryRun"] = dryRun }.ToJsonString();
        try
        {
            var response = await clients.StepFunctions.StartExecutionAsync(
                new StartExecutionRequest { StateMachineArn = machineArn, Name = name, Input = input }, cancellationToken).ConfigureAwait(false);
            console.WriteLine($"Started {(dryRun ? "a dry run" : "a rotation")} of {clusterId}: {response.ExecutionArn}");
            return response.ExecutionArn;
        }
        catch (ExecutionAlreadyExistsException)
        {
            return await AttachAsync(ExecutionArn(machineArn, name), clusterId, dryRun, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is StateMachineDoesNotExistException or InvalidArnException)
        {
            throw new CliException($"No state machine '{machineArn}' in {clients.Factory.Region}; pass the rotation state machine's ARN with --state-machine-arn.");
        }
    }

    /// <summary>The same name means the same minute: follow that execution, unless it was started with other input.</summary>
    private async Task<string> AttachAsync(string executionArn, string clusterId, bool dryRun, CancellationToken cancellationToken)
    {
        var existing = await clients.StepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = executionArn }, cancellationToken).ConfigureAwait(false);
        if (InputDryRun(existing.Input) is { } existingDryRun && existingDryRun != dryRun)
            throw new CliException(
                $"Execution {existing.Name} was started this minute as {(existingDryRun ? "a dry run" : "a rotation")} of {clusterId}; wait for the next minute to start {(dryRun ? "a dry run" : "a rotation")}.");
        console.WriteLine($"Attached to the execution already started for {clusterId}: {executionArn} ({existing.Status.Value})");
        return executionArn;
    }

    /// <summary>arn:aws:states:r:a:stateMachine:M → arn:aws:states:r:a:execution:M:name (the documented execution ARN).</summary>
    public static string ExecutionArn(string machineArn, string name)
    {
        ArgumentNullException.ThrowIfNull(machineArn);
        const string marker = ":stateMachine:";
        var at = machineArn.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) throw new CliException($"'{machineArn}' is not a state machine ARN (arn:aws:states:<region>:<account>:stateMachine:<name>).");
        return $"{machineArn[..at]}:execution:{machineArn[(at + marker.Length)..]}:{name}";
    }

    private static bool? InputDryRun(string? input)
    {
        try
        {
            return input is not null && JsonNode.Parse(input) is JsonObject o && o["dryRun"] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void Print(TimelineEntry line)
    {
        var text = Markup.Escape(TimelineFormat.Line(line));
        console.MarkupLine(line.Kind switch
        {
            TimelineKind.Failed or TimelineKind.ExecutionFailed => $"[red]{text}[/]",
            TimelineKind.ExecutionSucceeded => $"[green]{text}[/]",
            _ => text,
        });
    }
}

using System.Text.Json.Nodes;
using PcsAutomation.Cli.Monitoring;
using PcsAutomation.Cli.Workflows;
using Spectre.Console;

namespace PcsAutomation.Cli.Rotation;

/// <summary>What <c>rotate</c> was asked: the cluster by name or id, dry run or not, and how to find the state machine.</summary>
public sealed record RotateRequest(string Cluster, bool DryRun, StateMachineChoice? StateMachine = null);

/// <summary>
/// <c>rotate</c>: starts the rotation state machine with <c>{"clusterId", "dryRun"}</c> (<see cref="WorkflowRunner"/>:
/// cluster, execution name, attach, live view) and prints the rotation's summary at the end.
/// </summary>
public sealed class RotationRunner(WorkflowConnection connection, IAnsiConsole console, PollingOptions polling, LiveViewOptions? view = null)
{
    /// <summary>Runs the rotation; returns the exit code.</summary>
    public async Task<int> RunAsync(RotateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var runner = new WorkflowRunner(connection, console, polling, view);
        var machine = WorkflowMachine.ClusterSecretRotation;
        var machineArn = await connection.MachineArnAsync(machine, request.StateMachine ?? StateMachineChoice.Default, cancellationToken).ConfigureAwait(false);
        var cluster = await runner.ResolveClusterAsync(request.Cluster, cancellationToken).ConfigureAwait(false);
        var input = new JsonObject { ["clusterId"] = cluster.Id, ["dryRun"] = request.DryRun };
        var executionArn = await runner.StartOrAttachAsync(new WorkflowStart(machine, machineArn, cluster.Id, input, Describe), cancellationToken).ConfigureAwait(false);
        var result = await runner.WatchAsync(executionArn, showTimeline: true, cancellationToken).ConfigureAwait(false);
        var summary = RotationSummary.From(result, request.DryRun);
        console.WriteLine();
        console.Write(RotationSummaryRenderer.Render(summary));
        return summary.Succeeded ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>"a dry run of pcs_…" or "a rotation of pcs_…".</summary>
    public static string Describe(JsonObject input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var dryRun = WorkflowJson.Bool(input["dryRun"]) == true;
        return $"{(dryRun ? "a dry run" : "a rotation")} of {WorkflowJson.Text(input["clusterId"]) ?? "(no cluster)"}";
    }
}

using System.Text.Json.Nodes;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Cli.Monitoring;
using PcsAutomation.Cli.Workflows;
using Spectre.Console;

namespace PcsAutomation.Cli.NodeGroupUpdate;

/// <summary>A roll-out execution started: the cluster, the input sent, where its target came from, and the execution's ARN.</summary>
public sealed record RolloutStart(Cluster Cluster, JsonObject Input, TargetSource Source, string ExecutionArn);

/// <summary>
/// <c>ami plan</c> and <c>update</c>: resolve the cluster, choose the target (an option, else the cluster's channel tag,
/// else <c>sample</c>: <see cref="RolloutTarget"/>), check the input against the workflow's own rules before anything
/// starts, then run the roll-out state machine through <see cref="WorkflowRunner"/>. <c>ami plan</c> is its dry run,
/// followed quietly, printing the plan; <c>update</c> follows it live and ends with the summary.
/// </summary>
/// <param name="output">Where <c>--output json</c> goes (stdout, with nothing else).</param>
public sealed class RolloutRunner(WorkflowConnection connection, IAnsiConsole console, TextWriter output, PollingOptions polling, LiveViewOptions? view = null)
{
    private static readonly WorkflowMachine Machine = WorkflowMachine.NodeGroupUpdate;

    /// <summary><c>ami plan</c>: the dry run's plan as text or JSON (<paramref name="json"/>: nothing else is printed). Exit code 0, or 1 when refused.</summary>
    public async Task<int> PlanAsync(RolloutRequest request, bool json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var quiet = json ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }) : console;
        var start = await StartAsync(request with { DryRun = true }, quiet, cancellationToken).ConfigureAwait(false);
        var result = await new WorkflowRunner(connection, quiet, polling).WatchAsync(start.ExecutionArn, showTimeline: false, cancellationToken).ConfigureAwait(false);
        var plan = result.Succeeded ? RolloutJson.Plan(WorkflowJson.Parse(result.Output)) : null;
        var failure = ExecutionFailure.From(result, WorkflowJson.Parse(result.Output));
        if (json)
            output.WriteLine(PlanJsonOutput.Render(start, result, plan, failure));
        else if (plan is not null)
        {
            PlanText.Render(console, plan, start.Source);
            PlanText.Jobs(console, WorkflowJson.Parse(result.Output));
        }
        else
            RenderRefusal(result, failure);
        return result.Succeeded && plan is not null ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary><c>update</c>: the roll-out (or its dry run) live, then the plan for a dry run, and the summary.</summary>
    public async Task<int> UpdateAsync(RolloutRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var start = await StartAsync(request, console, cancellationToken).ConfigureAwait(false);
        console.WriteLine($"Target: {RolloutInput.DescribeTarget(start.Input["target"] as JsonObject)} ({start.Source.Text}).");
        var result = await new WorkflowRunner(connection, console, polling, view).WatchAsync(start.ExecutionArn, showTimeline: true, cancellationToken).ConfigureAwait(false);
        var summary = RolloutSummary.From(result, request.DryRun, start.Source);
        console.WriteLine();
        if (request.DryRun && summary.Plan is { } plan)
        {
            PlanText.Render(console, plan, start.Source);
            PlanText.Jobs(console, WorkflowJson.Parse(result.Output));
            console.WriteLine();
        }

        console.Write(RolloutSummaryRenderer.Render(summary));
        return summary.Succeeded ? ExitCodes.Success : ExitCodes.Failed;
    }

    private async Task<RolloutStart> StartAsync(RolloutRequest request, IAnsiConsole output, CancellationToken cancellationToken)
    {
        var runner = new WorkflowRunner(connection, output, polling);
        RolloutInput.Precheck(request); // bad options fail before any call
        var machineArn = await connection.MachineArnAsync(Machine, request.StateMachine ?? StateMachineChoice.Default, cancellationToken).ConfigureAwait(false);
        var cluster = await runner.ResolveClusterAsync(request.Cluster, cancellationToken).ConfigureAwait(false);
        var tags = request.HasTarget ? new Dictionary<string, string>() : await TagsAsync(cluster, cancellationToken).ConfigureAwait(false);
        var (target, source) = RolloutTarget.Choose(request, tags);
        var input = RolloutInput.Build(request, cluster.Id, target);
        var executionArn = await runner.StartOrAttachAsync(new WorkflowStart(Machine, machineArn, cluster.Id, input, RolloutInput.Describe), cancellationToken)
            .ConfigureAwait(false);
        return new RolloutStart(cluster, input, source, executionArn);
    }

    private async Task<IReadOnlyDictionary<string, string>> TagsAsync(Cluster cluster, CancellationToken cancellationToken)
    {
        var response = await connection.Clients.Pcs.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = cluster.Arn }, cancellationToken)
            .ConfigureAwait(false);
        return response.Tags ?? new Dictionary<string, string>();
    }

    private void RenderRefusal(ExecutionResult result, ExecutionFailure failure)
    {
        if (result.Succeeded)
        {
            console.MarkupLine($"[red]No plan:[/] the dry run succeeded but its output holds no plan this CLI can read ({Markup.Escape(result.ExecutionArn)}).");
            return;
        }

        console.MarkupLine($"[red]Refused[/] ({Markup.Escape(result.Status)}): {Markup.Escape(failure.Error ?? "no plan in the output")}");
        foreach (var reason in RefusalReasons.From(failure.Cause))
            console.WriteLine($"  - {reason}");
    }
}

using System.CommandLine;
using PcsAutomation.Cli.Aws;
using PcsAutomation.Cli.Report;
using PcsAutomation.Cli.Workflows;

namespace PcsAutomation.Cli.NodeGroupUpdate;

/// <summary>
/// <c>pcs-automation update</c>: roll a new image onto a cluster's compute node groups through the roll-out state
/// machine (canary, batches, verified replacement, rollback on failure) and follow it live; and <c>ami plan</c>, its dry
/// run printed as a plan.
/// </summary>
internal static class UpdateCommand
{
    public static Command Create(CliHost host, Func<ParseResult, AwsSettings> settings, Func<Func<Task<int>>, Task<int>> guarded)
    {
        var options = new RolloutOptions();
        var dryRun = new Option<bool>("--dry-run") { Description = "Plan only (the workflow's dry run): groups, changes, canary, batches, disruption; no change." };
        var replacement = new Option<string?>("--replacement")
        {
            Description = "verified (default): a group is done once every running instance reports the new image; marked: once ACTIVE (instances replaced when idle, guide L2667).",
        };
        replacement.AcceptOnlyFromAmong("verified", "marked");
        var command = new Command("update", "Roll a new AMI onto a cluster's compute node groups (canary, batches, verification, rollback) and follow it live.")
        {
            dryRun, replacement,
        };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => guarded(async () =>
        {
            var request = options.Request(parse, parse.GetValue(dryRun), parse.GetValue(replacement));
            RolloutInput.Precheck(request);
            await using var connection = await WorkflowConnection.OpenAsync(host, settings(parse), options.Workflow.EmulatorRequest(parse), announce: true, cancellationToken)
                .ConfigureAwait(false);
            var code = await new RolloutRunner(connection, host.Console, host.Output, host.Polling, options.Workflow.LiveView(parse, host)).UpdateAsync(request, cancellationToken).ConfigureAwait(false);
            return await RunReports.AfterRunAsync(host, connection, code, cancellationToken).ConfigureAwait(false);
        }));
        return command;
    }

    /// <summary><c>ami plan</c>: the roll-out's dry run, its plan as text or JSON.</summary>
    public static Command Plan(CliHost host, Func<ParseResult, AwsSettings> settings, Func<Func<Task<int>>, Task<int>> guarded)
    {
        var options = new RolloutOptions();
        var output = new Option<string>("--output") { Description = "text (default) or json (for scripts).", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyFromAmong("text", "json");
        var command = new Command("plan", "The roll-out's plan for a cluster (its dry run): groups, what changes from what to what, canary and why, batches, skipped groups and why, disruption, warnings.")
        {
            output,
        };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => guarded(async () =>
        {
            var request = options.Request(parse, dryRun: true, replacement: null);
            var json = parse.GetValue(output) == "json";
            RolloutInput.Precheck(request);
            await using var connection = await WorkflowConnection.OpenAsync(host, settings(parse), options.Workflow.EmulatorRequest(parse), announce: !json, cancellationToken)
                .ConfigureAwait(false);
            return await new RolloutRunner(connection, host.Console, host.Output, host.Polling).PlanAsync(request, json, cancellationToken).ConfigureAwait(false);
        }));
        return command;
    }
}

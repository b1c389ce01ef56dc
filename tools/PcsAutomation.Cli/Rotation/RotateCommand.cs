using System.CommandLine;
using PcsAutomation.Cli.Aws;
using PcsAutomation.Cli.Report;
using PcsAutomation.Cli.Workflows;

namespace PcsAutomation.Cli.Rotation;

/// <summary><c>pcs-automation rotate</c>: rotate a cluster's Slurm secret through the rotation state machine and follow it live.</summary>
internal static class RotateCommand
{
    public static Command Create(CliHost host, Func<ParseResult, AwsSettings> settings, Func<Func<Task<int>>, Task<int>> guarded)
    {
        var options = new WorkflowOptions(WorkflowMachine.ClusterSecretRotation);
        var dryRun = new Option<bool>("--dry-run") { Description = "Plan only: groups and their scaling, instances to stop, BYO login nodes, expected downtime; no change." };
        var command = new Command("rotate", "Rotate a cluster's Slurm secret through the rotation state machine and follow it live.") { dryRun };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => guarded(async () =>
        {
            var request = new RotateRequest(options.ClusterName(parse), parse.GetValue(dryRun), options.StateMachine(parse));
            await using var connection = await WorkflowConnection.OpenAsync(host, settings(parse), options.EmulatorRequest(parse), announce: true, cancellationToken)
                .ConfigureAwait(false);
            var code = await new RotationRunner(connection, host.Console, host.Polling, options.LiveView(parse, host)).RunAsync(request, cancellationToken).ConfigureAwait(false);
            return await RunReports.AfterRunAsync(host, connection, code, cancellationToken).ConfigureAwait(false);
        }));
        return command;
    }
}

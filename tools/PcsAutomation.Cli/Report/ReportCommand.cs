using System.CommandLine;
using PcsAutomation.Cli.Aws;
using PcsAutomation.Cli.Workflows;
using Spectre.Console;

namespace PcsAutomation.Cli.Report;

/// <summary>
/// <c>pcs-automation report &lt;execution ARN | --last&gt; [--output file.html]</c>: one run's page, from AWS (or a served
/// emulator, <c>--endpoint-url</c>). The in-process emulator (<c>--emulator</c> of the workflow commands) lives as long as
/// its command, so those commands write their run's page themselves (<see cref="RunReports.AfterRunAsync"/>).
/// </summary>
internal static class ReportCommand
{
    private static readonly WorkflowMachine[] Machines =
        [WorkflowMachine.ClusterSecretRotation, WorkflowMachine.NodeGroupUpdate, WorkflowMachine.CapacityBlockExpiry];

    public static Command Create(CliHost host, Func<ParseResult, AwsSettings> settings, Func<Func<Task<int>>, Task<int>> guarded)
    {
        var execution = new Argument<string?>("execution") { Description = "The execution's ARN.", Arity = ArgumentArity.ZeroOrOne };
        var last = new Option<bool>("--last") { Description = "The newest execution of the stack's workflows (rotation, roll-out, Capacity Block expiry)." };
        var output = new Option<string?>("--output") { Description = $"The HTML file to write (default: {RunReports.DefaultFolder}/<state machine>-<execution>.html)." };
        var namePrefix = new Option<string?>("--name-prefix") { Description = "With --last: the NamePrefix of the stack whose state machines to look in (ListStateMachines), else every one in the Region." };
        var command = new Command("report", "Write one run's page: the state machine and the path taken, the steps on its clock, instances, AWS calls, transitions and cost, the outcome.")
        {
            execution, last, output, namePrefix,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(execution) is not null) == result.GetValue(last))
                result.AddError("report takes an execution ARN or --last: pass one.");
        });
        command.SetAction((parse, cancellationToken) => guarded(async () =>
        {
            await using var connection = WorkflowConnection.ToAws(host, settings(parse));
            var reader = new RunReportReader(connection);
            var arn = parse.GetValue(execution)
                ?? await reader.LastAsync(Machines, new StateMachineChoice(null, parse.GetValue(namePrefix)), cancellationToken).ConfigureAwait(false);
            var path = await RunReports.WriteAsync(connection, arn, parse.GetValue(output), host.ReportFolder, cancellationToken).ConfigureAwait(false);
            host.Console.WriteLine($"Report: {path}");
            return ExitCodes.Success;
        }));
        return command;
    }
}

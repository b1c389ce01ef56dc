using System.CommandLine;
using PcsAutomation.Cli.Aws;
using PcsAutomation.Cli.Report;
using PcsAutomation.Cli.Workflows;

namespace PcsAutomation.Cli.CapacityBlocks;

/// <summary>
/// <c>pcs-automation capacity-blocks</c>: <c>list</c> (every Capacity Block, the groups using it, time left, the action the
/// expiry would take), <c>plan --reservation</c> (one block's expiry as a dry run), against AWS or a scenario; and
/// <c>expire --reservation</c>, the expiry itself through its state machine, followed live.
/// </summary>
internal static class CapacityBlocksCommand
{
    public static Command Create(CliHost host, Func<ParseResult, AwsSettings> settings, Func<Func<Task<int>>, Task<int>> guarded)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new Command("capacity-blocks", "EC2 Capacity Blocks and their expiry: what each block's end will do to the node groups using it.")
        {
            List(host, settings, guarded), Plan(host, settings, guarded), Expire(host, settings, guarded),
        };
    }

    private static Command List(CliHost host, Func<ParseResult, AwsSettings> settings, Func<Func<Task<int>>, Task<int>> guarded)
    {
        var options = new CapacityOptions();
        var command = new Command("list", "Every Capacity Block of the account and Region: the node groups using it, state, dates, EC2's termination time, time left, the action the expiry plans per group and why, findings.");
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => guarded(async () =>
        {
            var request = options.Request(parse, reservation: null);
            return await new CapacityBlocksRunner(host, settings(parse)).ListAsync(request, cancellationToken).ConfigureAwait(false);
        }));
        return command;
    }

    private static Command Expire(CliHost host, Func<ParseResult, AwsSettings> settings, Func<Func<Task<int>>, Task<int>> guarded)
    {
        var workflow = new WorkflowOptions(WorkflowMachine.CapacityBlockExpiry, onCluster: false);
        var reservation = new Option<string>("--reservation") { Description = "The Capacity Block's reservation id, cr-….", Required = true };
        var command = new Command("expire", "Run the expiry of one block now (the workflow waits until its action time, then acts) and follow it live; in the emulator, on the virtual clock.")
        {
            reservation,
        };
        workflow.AddTo(command);
        command.SetAction((parse, cancellationToken) => guarded(async () =>
        {
            var id = CapacityOptions.ReservationId(parse.GetValue(reservation) ?? "");
            await using var connection = await WorkflowConnection.OpenAsync(host, settings(parse), workflow.EmulatorRequest(parse), announce: true, cancellationToken)
                .ConfigureAwait(false);
            var code = await new ExpireRunner(connection, host.Console, host.Polling, workflow.LiveView(parse, host)).RunAsync(new ExpireRequest(id, workflow.StateMachine(parse)), cancellationToken)
                .ConfigureAwait(false);
            return await RunReports.AfterRunAsync(host, connection, code, cancellationToken).ConfigureAwait(false);
        }));
        return command;
    }

    private static Command Plan(CliHost host, Func<ParseResult, AwsSettings> settings, Func<Func<Task<int>>, Task<int>> guarded)
    {
        var options = new CapacityOptions();
        var reservation = new Option<string>("--reservation") { Description = "The Capacity Block's reservation id, cr-….", Required = true };
        var command = new Command("plan", "One block's expiry as a dry run (nothing is changed): timing, per cluster and group the action and why, queue edits before → after, the scaling parked, findings and notes.")
        {
            reservation,
        };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => guarded(async () =>
        {
            var request = options.Request(parse, parse.GetValue(reservation));
            return await new CapacityBlocksRunner(host, settings(parse)).PlanAsync(request, cancellationToken).ConfigureAwait(false);
        }));
        return command;
    }
}

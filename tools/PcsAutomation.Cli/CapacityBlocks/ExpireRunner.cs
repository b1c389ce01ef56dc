using System.Text.Json.Nodes;
using PcsAutomation.Cli.Monitoring;
using PcsAutomation.Cli.Workflows;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.CapacityBlocks;
using Spectre.Console;

namespace PcsAutomation.Cli.CapacityBlocks;

/// <summary>What <c>capacity-blocks expire</c> was asked: the block, and how to find the state machine.</summary>
public sealed record ExpireRequest(string ReservationId, StateMachineChoice StateMachine);

/// <summary>
/// <c>capacity-blocks expire</c>: reads the block as EC2 gives it now (the workflow's reader), starts the expiry state
/// machine with the input the reconciler sends, <c>{"reservationId", "endDate", "mode": "expire", "trigger", "dryRun": false}</c>,
/// under the same name (<see cref="ExecutionNames.ForCapacityBlock"/>: one execution per block and end date, whoever
/// starts it, so a run the schedule or an EC2 event already started is followed instead), follows it live and prints
/// the summary. In the emulator the waits move the virtual clock: a block ending in hours expires in seconds.
/// </summary>
public sealed class ExpireRunner(WorkflowConnection connection, IAnsiConsole console, PollingOptions polling, LiveViewOptions? view = null)
{
    private static readonly WorkflowMachine Machine = WorkflowMachine.CapacityBlockExpiry;

    /// <summary>What the input's <c>trigger</c> says about a run the CLI started.</summary>
    public const string Trigger = "manual: pcs-automation capacity-blocks expire";

    public async Task<int> RunAsync(ExpireRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var machineArn = await connection.MachineArnAsync(Machine, request.StateMachine, cancellationToken).ConfigureAwait(false);
        using var ec2 = connection.Clients.Factory.CreateEc2();
        var block = CapacityBlocksRunner.Expiring(
            await new CapacityFactsReader(connection.Clients.Pcs, ec2).ReadReservationAsync(request.ReservationId, cancellationToken).ConfigureAwait(false),
            request.ReservationId);
        var end = block.EndDate!.Value;
        var runner = new WorkflowRunner(connection, console, polling, view);
        var executionArn = await runner.StartOrAttachAsync(
            new WorkflowStart(Machine, machineArn, block.ReservationId, Input(block.ReservationId, end), Describe,
                ExecutionNames.ForCapacityBlock(WorkflowKind.CapacityBlockExpiry, block.ReservationId, end), SameRun),
            cancellationToken).ConfigureAwait(false);
        var timing = ExpiryTiming.For(block, ExpiryTiming.DefaultLead, ExpiryDurations.Overhead);
        console.WriteLine($"Block {block.Describe()}: EC2 terminates its instances from {CapacityText.Timestamp(timing.TerminationAt)}.");
        var result = await runner.WatchAsync(executionArn, showTimeline: true, cancellationToken).ConfigureAwait(false);
        var summary = ExpirySummary.From(result, block);
        console.WriteLine();
        console.Write(ExpirySummaryRenderer.Render(summary));
        if (connection.Emulator is { } emulator && summary.Clusters.Count > 0)
            await SlurmAfterEnd.ShowAsync(console, emulator, end, summary.Clusters).ConfigureAwait(false);
        return summary.Succeeded ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>The workflow's input (the contract the reconciler and the event router share): EC2's end date as read, ISO 8601 UTC.</summary>
    public static JsonObject Input(string reservationId, DateTimeOffset endDate) => new()
    {
        ["reservationId"] = reservationId,
        ["endDate"] = CapacityListJson.Timestamp(endDate),
        ["mode"] = "expire",
        ["trigger"] = Trigger,
        ["dryRun"] = false,
    };

    /// <summary>"the expiry of Capacity Block cr-… (ends 2026-01-05 13:00:00Z)".</summary>
    public static string Describe(JsonObject input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var end = DateTimeOffset.TryParse(WorkflowJson.Text(input["endDate"]), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? CapacityText.Timestamp(at) : WorkflowJson.Text(input["endDate"]) ?? "no end date";
        var what = WorkflowJson.Text(input["mode"]) == "restore" ? "the restore" : WorkflowJson.Bool(input["dryRun"]) == true ? "a dry run of the expiry" : "the expiry";
        return $"{what} of Capacity Block {WorkflowJson.Text(input["reservationId"]) ?? "(none)"} (ends {end})";
    }

    /// <summary>
    /// An execution of this name is the same run when it expires the same block at the same end date for real: the
    /// schedule and the event router start it with another <c>trigger</c>, which does not make it another run.
    /// </summary>
    public static bool SameRun(JsonObject existing, JsonObject wanted)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(wanted);
        static DateTimeOffset? End(JsonObject input) =>
            DateTimeOffset.TryParse(WorkflowJson.Text(input["endDate"]), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : null;
        return WorkflowJson.Text(existing["reservationId"]) == WorkflowJson.Text(wanted["reservationId"])
            && End(existing) is { } a && End(wanted) is { } b && a == b
            && (WorkflowJson.Text(existing["mode"]) ?? "expire") == WorkflowJson.Text(wanted["mode"])
            && WorkflowJson.Bool(existing["dryRun"]) != true;
    }
}

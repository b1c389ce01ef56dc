using System.Text.Json.Serialization;
using PcsAutomation.Aws.StepFunctions.Model;
using PcsAutomation.Cli.Monitoring;
using PcsAutomation.Cli.Workflows;
using PcsAutomation.StateMachines.Diagrams;

namespace PcsAutomation.Cli.Report;

/// <summary>
/// Reads one execution for its page, through the Step Functions API (the same calls against AWS and the emulator):
/// DescribeExecution, the whole GetExecutionHistory, DescribeStateMachine for the definition; in the emulator, also
/// what only it records (<see cref="EmulatorRecord"/>).
/// </summary>
public sealed class RunReportReader(WorkflowConnection connection)
{
    public async Task<RunReportData> ReadAsync(string executionArn, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executionArn);
        var stepFunctions = connection.Clients.StepFunctions;
        DescribeExecutionResponse execution;
        try
        {
            execution = await stepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = executionArn }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ExecutionDoesNotExistException or InvalidArnException)
        {
            throw new CliException($"No execution '{executionArn}' in {connection.Clients.Factory.Region}: {e.Message}");
        }

        var history = new List<HistoryEvent>();
        string? token = null;
        do
        {
            var page = await stepFunctions.GetExecutionHistoryAsync(
                new GetExecutionHistoryRequest { ExecutionArn = executionArn, MaxResults = 1000, NextToken = token }, cancellationToken).ConfigureAwait(false);
            history.AddRange(page.Events);
            token = page.NextToken;
        }
        while (token is not null);

        var machine = await connection.Clients.StepFunctionsInvoker.InvokeAsync(
            "DescribeStateMachine",
            new DescribeStateMachineRequest(execution.StateMachineArn),
            ReportJsonContext.Default.DescribeStateMachineRequest,
            ReportJsonContext.Default.DescribeStateMachineResponse,
            cancellationToken).ConfigureAwait(false);

        var runHistory = RunHistory.From(history);
        var stop = execution.StopDate ?? history.Select(e => e.Timestamp).DefaultIfEmpty(execution.StartDate).Max();
        var emulator = connection.Emulator is { } session ? EmulatorRecord.Read(session.Aws, execution.StartDate, stop) : null;
        return new RunReportData(
            execution.ExecutionArn,
            execution.Name ?? executionArn.Split(':')[^1],
            machine.Name,
            execution.Status.Value,
            execution.StartDate,
            execution.StopDate,
            execution.Error,
            execution.Cause,
            AslGraphReader.Read(machine.Name, machine.Definition),
            runHistory,
            new NotificationTracker(executionArn).Add(history),
            emulator,
            RunCost.Of(runHistory, emulator),
            connection.Emulator is null ? $"AWS ({connection.Clients.Factory.Region})" : "the local AWS emulator (virtual clock)");
    }

    /// <summary>
    /// <c>--last</c>: the newest execution (by start date) of the workflow machines the connection finds (the stack's,
    /// or the emulator's): ListExecutions, newest first, per machine.
    /// </summary>
    public async Task<string> LastAsync(IReadOnlyList<WorkflowMachine> machines, StateMachineChoice choice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(machines);
        ArgumentNullException.ThrowIfNull(choice);
        var newest = new List<ExecutionListItem>();
        var missing = new List<string>();
        foreach (var machine in machines)
        {
            string arn;
            try
            {
                arn = await connection.MachineArnAsync(machine, choice, cancellationToken).ConfigureAwait(false);
            }
            catch (CliException e)
            {
                missing.Add(e.Message);
                continue;
            }

            var page = await connection.Clients.StepFunctions.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = arn, MaxResults = 1 }, cancellationToken)
                .ConfigureAwait(false);
            newest.AddRange(page.Executions);
        }

        return newest.OrderByDescending(e => e.StartDate).FirstOrDefault()?.ExecutionArn
            ?? throw new CliException($"No execution to report on{(missing.Count == machines.Count ? $": {string.Join("; ", missing)}" : "")}: "
                + "start one (rotate, update, capacity-blocks expire), or pass its ARN.");
    }
}

internal sealed record DescribeStateMachineRequest([property: JsonPropertyName("stateMachineArn")] string StateMachineArn);

internal sealed record DescribeStateMachineResponse(
    [property: JsonPropertyName("stateMachineArn")] string StateMachineArn,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("definition")] string Definition);

[JsonSerializable(typeof(DescribeStateMachineRequest))]
[JsonSerializable(typeof(DescribeStateMachineResponse))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;

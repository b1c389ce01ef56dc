using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Protocol;
using PcsAutomation.States.Runtime;

namespace PcsAutomation.LocalAws.StepFunctions;

public sealed partial class StepFunctionsService
{
    private JsonObject StartExecution(RequestReader reader)
    {
        var machine = Machine(reader.RequiredString("stateMachineArn"));
        var execution = Engine.StartExecution(machine.Definition, machine.Arn, reader.OptionalString("name"), reader.OptionalString("input"), machine.RoleArn);
        return new JsonObject
        {
            ["executionArn"] = execution.Arn,
            ["startDate"] = AwsTimestamp.EpochSeconds(execution.StartDate),
        };
    }

    private static JsonObject DescribeExecution(Execution execution)
    {
        var result = ListItem(execution);
        result["input"] = execution.Input;
        if (execution.Output is { } output) result["output"] = output;
        if (execution.Error is { } error) result["error"] = error;
        if (execution.Cause is { } cause) result["cause"] = cause;
        return result;
    }

    private static JsonObject ListItem(Execution execution)
    {
        var item = new JsonObject
        {
            ["executionArn"] = execution.Arn,
            ["stateMachineArn"] = execution.StateMachineArn,
            ["name"] = execution.Name,
            ["status"] = execution.Status.ToApiName(),
            ["startDate"] = AwsTimestamp.EpochSeconds(execution.StartDate),
        };
        if (execution.StopDate is { } stop) item["stopDate"] = AwsTimestamp.EpochSeconds(stop);
        return item;
    }

    private JsonObject StopExecution(RequestReader reader)
    {
        Engine.StopExecution(reader.RequiredString("executionArn"), reader.OptionalString("error"), reader.OptionalString("cause"));
        return new JsonObject { ["stopDate"] = AwsTimestamp.EpochSeconds(clock.GetUtcNow()) };
    }

    private JsonObject ListExecutions(RequestReader reader)
    {
        var machineArn = Machine(reader.RequiredString("stateMachineArn")).Arn;
        var status = reader.OptionalString("statusFilter");
        // AWS lists the newest executions first.
        var matching = Engine.Executions
            .Where(e => e.StateMachineArn == machineArn && (status is null || e.Status.ToApiName() == status))
            .OrderByDescending(e => e.StartDate).ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
        var (page, next) = Page(matching, reader);
        var result = new JsonObject { ["executions"] = new JsonArray([.. page.Select(e => (JsonNode)ListItem(e))]) };
        if (next is not null) result["nextToken"] = next;
        return result;
    }

    private JsonObject GetExecutionHistory(RequestReader reader)
    {
        var execution = Engine.GetExecution(reader.RequiredString("executionArn"));
        IReadOnlyList<HistoryEvent> events = execution.History;
        if (reader.OptionalBool("reverseOrder") == true) events = [.. events.Reverse()];
        var includeData = reader.OptionalBool("includeExecutionData") ?? true;
        var (page, next) = Page(events, reader);
        var result = new JsonObject { ["events"] = new JsonArray([.. page.Select(e => (JsonNode)HistoryJson(e, includeData))]) };
        if (next is not null) result["nextToken"] = next;
        return result;
    }

    // includeExecutionData selects "execution data (input or output of a history event)" (GetExecutionHistoryInput in
    // ../shared/reference/botocore/stepfunctions.service-2.json). No event details shape marks input or output required;
    // TaskScheduledEventDetails requires parameters, so it stays.
    private static readonly string[] DataMembers = ["input", "output"];

    private static JsonObject HistoryJson(HistoryEvent e, bool includeData)
    {
        var json = new JsonObject
        {
            ["timestamp"] = AwsTimestamp.EpochSeconds(e.Timestamp),
            ["type"] = e.Type,
            ["id"] = e.Id,
            ["previousEventId"] = e.PreviousEventId,
        };
        if (e.DetailsName is { } name && e.Details is { } details)
        {
            var body = (JsonObject)details.DeepClone();
            if (!includeData) foreach (var member in DataMembers) body.Remove(member);
            json[name] = body;
        }
        return json;
    }
}

using System.Text.Json.Nodes;
using PcsAutomation.States.Errors;
using PcsAutomation.States.Json;

namespace PcsAutomation.States.Runtime;

internal sealed partial class ExecutionRunner
{
    private async Task<JsonNode?> RunWaitAsync(StateRun run, JsonNode? input, CancellationToken cancellation)
    {
        var state = run.State;
        var effective = DataFlow.InputPath(state, input);
        var due = state switch
        {
            { Seconds: { } seconds } => run.EnteredTime.AddSeconds(seconds),
            { Timestamp: { } timestamp } => timestamp,
            { SecondsPath: { } path } => run.EnteredTime.AddSeconds(WaitSeconds(state.Name, path, effective)),
            _ => WaitTimestamp(state.Name, state.TimestampPath!, effective),
        };
        // A timestamp in the past does not wait at all.
        await engine.Activity.DelayAsync(due - Time.GetUtcNow(), cancellation).ConfigureAwait(false);
        return DataFlow.OutputPath(state, effective);
    }

    private static long WaitSeconds(string stateName, JsonPath path, JsonNode? input)
    {
        if (path.TrySelect(input, out var value) && JsonValues.TryGetInteger(value, out var seconds) && seconds >= 0)
            return seconds;
        throw StatesErrorException.Runtime(
            $"An error occurred while executing the state '{stateName}'. The SecondsPath parameter does not reference "
            + $"a valid non-negative integer value: '{path.Text}'");
    }

    private static DateTimeOffset WaitTimestamp(string stateName, JsonPath path, JsonNode? input)
    {
        if (path.TrySelect(input, out var value) && JsonValues.TryGetString(value, out var text) && Timestamps.TryParse(text, out var due))
            return due;
        throw StatesErrorException.Runtime(
            $"An error occurred while executing the state '{stateName}'. The TimestampPath parameter does not reference "
            + $"a valid ISO-8601 extended offset date-time format string: '{path.Text}'");
    }
}

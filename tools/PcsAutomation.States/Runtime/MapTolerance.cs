using System.Text.Json.Nodes;
using PcsAutomation.States.Definition;
using PcsAutomation.States.Errors;
using PcsAutomation.States.Json;

namespace PcsAutomation.States.Runtime;

/// <summary>
/// ToleratedFailureCount / ToleratedFailurePercentage of a Map: failed iterations are counted, and the Map fails
/// with States.ExceedToleratedFailureThreshold as soon as either threshold is exceeded.
/// </summary>
internal sealed class MapTolerance(string stateName, long? count, double? percentage, int total)
{
    private int failures;

    public static MapTolerance Resolve(State state, JsonNode? input, int total)
    {
        long? count = state.ToleratedFailureCount;
        double? percentage = state.ToleratedFailurePercentage;
        if (state.ToleratedFailureCountPath is { } countPath)
        {
            count = countPath.TrySelect(input, out var value) && JsonValues.TryGetInteger(value, out var n) && n >= 0
                ? n
                : throw StatesErrorException.Runtime($"The ToleratedFailureCountPath '{countPath.Text}' of state '{state.Name}' does not reference a non-negative integer.");
        }

        if (state.ToleratedFailurePercentagePath is { } percentPath)
        {
            percentage = percentPath.TrySelect(input, out var value) && JsonValues.TryGetNumber(value, out var p) && p is >= 0 and <= 100
                ? (double)p
                : throw StatesErrorException.Runtime($"The ToleratedFailurePercentagePath '{percentPath.Text}' of state '{state.Name}' does not reference a number between 0 and 100.");
        }

        return new MapTolerance(state.Name, count, percentage, total);
    }

    public void RecordFailure()
    {
        var failed = Interlocked.Increment(ref failures);
        var overCount = count is { } c && failed > c;
        var overPercentage = percentage is { } p && total > 0 && failed * 100.0 / total > p;
        // With only a count, or only a percentage, that one decides; with both, exceeding either fails the Map.
        if (overCount || overPercentage)
        {
            throw new StatesErrorException(
                StatesErrorNames.ExceedToleratedFailureThreshold,
                $"The specified tolerated failure threshold was exceeded in Map state '{stateName}'.");
        }
    }
}

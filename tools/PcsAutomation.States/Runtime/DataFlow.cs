using System.Text.Json.Nodes;
using PcsAutomation.States.Definition;
using PcsAutomation.States.Errors;
using PcsAutomation.States.Intrinsics;
using PcsAutomation.States.Json;

namespace PcsAutomation.States.Runtime;

/// <summary>
/// The spec's input and output processing: InputPath → Parameters → (task) → ResultSelector → ResultPath → OutputPath.
/// Every step returns a fresh document (nodes are cloned), so states never share mutable JSON.
/// </summary>
internal static class DataFlow
{
    public static JsonNode? InputPath(State state, JsonNode? input) => ApplyFilter(state, "InputPath", state.InputPath, input);

    public static JsonNode? OutputPath(State state, JsonNode? output) => ApplyFilter(state, "OutputPath", state.OutputPath, output);

    /// <summary>A null InputPath/OutputPath discards everything: the value becomes <c>{}</c>.</summary>
    private static JsonNode? ApplyFilter(State state, string field, NullablePath path, JsonNode? value)
    {
        if (path.Path is null)
            return new JsonObject();
        if (path.Path.Text == "$")
            return value;
        if (!path.Path.TrySelect(value, out var selected))
        {
            throw StatesErrorException.Runtime(
                $"An error occurred while executing the state '{state.Name}'. Invalid path '{path.Path.Text}' : "
                + $"No results for path: {path.Path.Text} (field '{field}')");
        }

        return JsonValues.Clone(selected);
    }

    public static JsonNode? Template(PayloadTemplate? template, EvaluationScope scope, JsonNode? fallback) =>
        template is null ? fallback : template.Evaluate(scope);

    /// <summary>ResultPath: null keeps the state input; "$" replaces it; a path writes the result into a copy of it.</summary>
    public static JsonNode? ResultPath(State state, NullablePath path, JsonNode? stateInput, JsonNode? result)
    {
        if (path.Path is null)
            return JsonValues.Clone(stateInput);
        var document = JsonValues.Clone(stateInput);
        if (ReferencePathWriter.TryWrite(document, path.Path, result, out var written))
            return written;
        throw new StatesErrorException(
            StatesErrorNames.ResultPathMatchFailure,
            $"An error occurred while executing the state '{state.Name}'. Unable to apply ResultPath \"{path.Path.Text}\" "
            + $"to input \"{JsonValues.ToJson(stateInput)}\"");
    }

    public static void CheckSize(string stateName, JsonNode? value, int maxBytes, string what)
    {
        if (JsonValues.Utf8Size(value) > maxBytes)
        {
            throw new StatesErrorException(
                StatesErrorNames.DataLimitExceeded,
                $"The state/task '{stateName}' {what} a result with a size exceeding the maximum number of bytes service limit.");
        }
    }
}

using System.Text.Json.Nodes;
using PcsAutomation.States.Errors;
using PcsAutomation.States.Json;
using PcsAutomation.States.Runtime;

namespace PcsAutomation.States.Intrinsics;

/// <summary>What a path or intrinsic call is evaluated against: the effective input and the context object.</summary>
internal sealed record EvaluationScope(JsonNode? Input, JsonNode? Context, RandomSource Random)
{
    /// <summary>Selects a path, raising <paramref name="error"/> (e.g. States.ParameterPathFailure) when absent.</summary>
    public JsonNode? Select(JsonPath path, string error, string where)
    {
        var root = path.IsContext ? Context : Input;
        if (!path.TrySelect(root, out var value))
        {
            throw new StatesErrorException(
                error,
                $"The JSONPath '{path.Text}' specified for the field '{where}' could not be found in the input '{JsonValues.ToJson(root)}'");
        }

        return value;
    }
}

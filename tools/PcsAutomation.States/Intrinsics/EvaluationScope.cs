using System.Text.Json.Nodes;
using PcsAutomation.States.Errors;
using PcsAutomation.States.Json;
using PcsAutomation.States.Runtime;

namespace PcsAutomation.States.Intrinsics;

/// <summary>
/// What a path or intrinsic call is evaluated against: the effective input and the context object. The context object
/// is built only when a <c>$$</c> path asks for it: most states never do, and it costs allocations per state.
/// </summary>
internal sealed class EvaluationScope(JsonNode? input, Func<JsonNode?> contextFactory, RandomSource random)
{
    private JsonNode? context;
    private bool contextBuilt;

    public JsonNode? Input => input;

    public RandomSource Random => random;

    public JsonNode? Context
    {
        get
        {
            if (!contextBuilt)
            {
                context = contextFactory();
                contextBuilt = true;
            }

            return context;
        }
    }

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

using System.Text.Json.Nodes;
using PcsAutomation.States.Errors;
using PcsAutomation.States.Json;
using PcsAutomation.States.Runtime;

namespace PcsAutomation.States.Intrinsics;

/// <summary>
/// What a path or intrinsic call is evaluated against: the effective input and the context object. The context object
/// is built only when a <c>$$</c> path asks for it: most states never do, and it costs allocations per state.
/// </summary>
internal sealed class EvaluationScope(JsonNode? input, Func<bool, JsonNode?> contextFactory, RandomSource random)
{
    private JsonNode? context;
    private JsonNode? contextWithoutInput;

    public JsonNode? Input => input;

    public RandomSource Random => random;

    /// <summary>The whole context object, <c>$$.Execution.Input</c> included.</summary>
    public JsonNode? Context => context ??= contextFactory(true);

    /// <summary>
    /// The context object a path needs: <c>$$.Execution.Input</c> is a copy of the whole execution input, so it is
    /// left out unless the path can reach it (a Map over a large input would otherwise copy it once per item).
    /// </summary>
    public JsonNode? ContextFor(JsonPath path)
    {
        var text = path.Text;
        var needsInput = text is "$$" or "$$.Execution" || text.StartsWith("$$.Execution.Input", StringComparison.Ordinal)
            || text.StartsWith("$$[", StringComparison.Ordinal) || text.StartsWith("$$..", StringComparison.Ordinal)
            || text.StartsWith("$$.*", StringComparison.Ordinal) || text.StartsWith("$$.Execution[", StringComparison.Ordinal)
            || text.StartsWith("$$.Execution.*", StringComparison.Ordinal) || text.StartsWith("$$.Execution..", StringComparison.Ordinal);
        return needsInput ? Context : contextWithoutInput ??= contextFactory(false);
    }

    /// <summary>Selects a path, raising <paramref name="error"/> (e.g. States.ParameterPathFailure) when absent.</summary>
    public JsonNode? Select(JsonPath path, string error, string where)
    {
        var root = path.IsContext ? ContextFor(path) : Input;
        if (!path.TrySelect(root, out var value))
        {
            throw new StatesErrorException(
                error,
                $"The JSONPath '{path.Text}' specified for the field '{where}' could not be found in the input '{JsonValues.ToJson(root)}'");
        }

        return value;
    }
}

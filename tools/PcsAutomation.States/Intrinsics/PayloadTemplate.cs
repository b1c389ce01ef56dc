using System.Text.Json.Nodes;
using PcsAutomation.States.Errors;
using PcsAutomation.States.Json;

namespace PcsAutomation.States.Intrinsics;

/// <summary>
/// A compiled Parameters / ResultSelector / ItemSelector: static JSON where fields named <c>key.$</c> take the value of
/// a path (<c>$.x</c>, <c>$$.Map.Item.Value</c>) or of an intrinsic function call, as key <c>key</c>.
/// </summary>
internal abstract record PayloadTemplate
{
    /// <summary>Compiles a template; throws <see cref="FormatException"/> naming the bad field.</summary>
    public static PayloadTemplate Compile(JsonNode? node) => node switch
    {
        JsonObject obj => new ObjectTemplate(obj.Select(CompileField).ToList()),
        JsonArray array => new ArrayTemplate(array.Select(Compile).ToList()),
        _ => new StaticTemplate(JsonValues.Clone(node)),
    };

    private static (string, PayloadTemplate) CompileField(KeyValuePair<string, JsonNode?> field)
    {
        if (!field.Key.EndsWith(".$", StringComparison.Ordinal))
            return (field.Key, Compile(field.Value));
        var name = field.Key[..^2];
        if (!JsonValues.TryGetString(field.Value, out var expression))
            throw new FormatException($"field '{field.Key}' must be a string holding a path or an intrinsic function");
        try
        {
            PayloadTemplate compiled = IntrinsicCall.LooksLikeCall(expression)
                ? new IntrinsicTemplate(field.Key, IntrinsicCall.Parse(expression))
                : new PathTemplate(field.Key, JsonPath.Parse(expression));
            return (name, compiled);
        }
        catch (FormatException e)
        {
            throw new FormatException($"field '{field.Key}': {e.Message}", e);
        }
    }

    public abstract JsonNode? Evaluate(EvaluationScope scope);
}

internal sealed record StaticTemplate(JsonNode? Value) : PayloadTemplate
{
    public override JsonNode? Evaluate(EvaluationScope scope) => JsonValues.Clone(Value);
}

internal sealed record ObjectTemplate(IReadOnlyList<(string Name, PayloadTemplate Value)> Fields) : PayloadTemplate
{
    public override JsonNode? Evaluate(EvaluationScope scope)
    {
        var result = new JsonObject();
        foreach (var (name, value) in Fields)
            result[name] = value.Evaluate(scope);
        return result;
    }
}

internal sealed record ArrayTemplate(IReadOnlyList<PayloadTemplate> Items) : PayloadTemplate
{
    public override JsonNode? Evaluate(EvaluationScope scope) =>
        new JsonArray(Items.Select(i => i.Evaluate(scope)).ToArray());
}

internal sealed record PathTemplate(string Field, JsonPath Path) : PayloadTemplate
{
    public override JsonNode? Evaluate(EvaluationScope scope) =>
        JsonValues.Clone(scope.Select(Path, StatesErrorNames.ParameterPathFailure, Field));
}

internal sealed record IntrinsicTemplate(string Field, IntrinsicCall Call) : PayloadTemplate
{
    public override JsonNode? Evaluate(EvaluationScope scope) => IntrinsicFunctions.Evaluate(Call, scope);
}

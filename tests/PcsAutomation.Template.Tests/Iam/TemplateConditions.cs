using System.Text.Json.Nodes;
using PcsAutomation.Template.Tests.Yaml;

namespace PcsAutomation.Template.Tests.Iam;

/// <summary>
/// The template as CloudFormation would deploy it for given parameter values: each <c>Conditions</c> entry evaluated,
/// every <c>Fn::If</c> replaced by the branch it picks, and every <c>Ref AWS::NoValue</c> removed with its property
/// (CloudFormation template reference, "Condition functions" and "Pseudo parameters": AWS::NoValue "removes the
/// corresponding resource property when specified as a return value in the Fn::If intrinsic function").
/// </summary>
/// <remarks>
/// Conditions may use <c>Fn::Equals</c>, <c>Fn::Not</c>, <c>Fn::And</c>, <c>Fn::Or</c> and <c>Condition</c> over
/// literals and parameter <c>Ref</c>s; anything else fails, so a test never reads a half-rendered template.
/// </remarks>
public static class TemplateConditions
{
    /// <summary>The repository's template rendered with its parameter defaults, overridden by <paramref name="parameters"/>.</summary>
    public static JsonNode Load(params (string Name, string Value)[] parameters) =>
        Render(CloudFormationYaml.Load(RepoPaths.Template)!, parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal));

    /// <summary>A rendered copy of <paramref name="template"/>; an unknown parameter name fails.</summary>
    public static JsonNode Render(JsonNode template, IReadOnlyDictionary<string, string> parameters)
    {
        var conditions = Conditions(template, parameters);
        var rendered = template.DeepClone();
        return Resolve(rendered, conditions) ?? throw new InvalidOperationException("The template rendered to nothing.");
    }

    /// <summary>Every <c>Conditions</c> entry of <paramref name="template"/> evaluated for the parameters (defaults, overridden).</summary>
    public static Dictionary<string, bool> Conditions(JsonNode template, IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(parameters);
        var values = ParameterValues(template, parameters);
        var definitions = template["Conditions"] as JsonObject ?? [];
        var conditions = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (name, _) in definitions)
            Evaluate(name, definitions, values, conditions, []);
        return conditions;
    }

    /// <summary>
    /// One condition expression (the same functions; a <c>Rules</c> assertion uses them too) evaluated against
    /// <paramref name="template"/>'s parameters and conditions.
    /// </summary>
    public static bool Holds(JsonNode expression, JsonNode template, IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var values = ParameterValues(template, parameters);
        var definitions = template["Conditions"] as JsonObject ?? [];
        return Truth(expression, definitions, values, Conditions(template, parameters), []);
    }

    private static Dictionary<string, string> ParameterValues(JsonNode template, IReadOnlyDictionary<string, string> overrides)
    {
        var declared = template["Parameters"] as JsonObject ?? [];
        var unknown = overrides.Keys.Where(k => !declared.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException("Not a template parameter: " + string.Join(", ", unknown), nameof(overrides));
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, declaration) in declared)
        {
            if (overrides.TryGetValue(name, out var value))
                values[name] = value;
            else if (declaration?["Default"] is JsonValue defaultValue)
                values[name] = Text(defaultValue);
        }
        return values;
    }

    private static bool Evaluate(string name, JsonObject definitions, Dictionary<string, string> values, Dictionary<string, bool> done, HashSet<string> visiting)
    {
        if (done.TryGetValue(name, out var known))
            return known;
        if (!visiting.Add(name))
            throw new InvalidOperationException("Condition cycle through " + name);
        var definition = definitions[name] ?? throw new InvalidOperationException("No condition named " + name);
        var result = Truth(definition, definitions, values, done, visiting);
        done[name] = result;
        return result;
    }

    private static bool Truth(JsonNode node, JsonObject definitions, Dictionary<string, string> values, Dictionary<string, bool> done, HashSet<string> visiting)
    {
        var (function, argument) = SingleKey(node) ?? throw new NotSupportedException("Not a condition function: " + node.ToJsonString());
        var arguments = argument as JsonArray;
        return function switch
        {
            "Fn::Equals" when arguments is [var left, var right] => Value(left, values) == Value(right, values),
            "Fn::Not" when arguments is [var inner] => !Truth(inner!, definitions, values, done, visiting),
            "Fn::And" when arguments is not null => arguments.All(a => Truth(a!, definitions, values, done, visiting)),
            "Fn::Or" when arguments is not null => arguments.Any(a => Truth(a!, definitions, values, done, visiting)),
            "Condition" => Evaluate((string)argument!, definitions, values, done, visiting),
            _ => throw new NotSupportedException("Unsupported condition: " + node.ToJsonString()),
        };
    }

    private static string Value(JsonNode? node, Dictionary<string, string> values) => node switch
    {
        JsonValue literal => Text(literal),
        JsonObject reference when SingleKey(reference) is ("Ref", JsonValue name) && values.TryGetValue((string)name!, out var value) => value,
        _ => throw new NotSupportedException("Unsupported value in a condition: " + node?.ToJsonString()),
    };

    private static JsonNode? Resolve(JsonNode? node, Dictionary<string, bool> conditions)
    {
        switch (node)
        {
            case JsonObject single when SingleKey(single) is ("Fn::If", JsonArray { Count: 3 } branches):
                var condition = (string?)branches[0] ?? "";
                if (!conditions.TryGetValue(condition, out var holds))
                    throw new InvalidOperationException("Fn::If names an undefined condition: " + condition);
                return Resolve(branches[holds ? 1 : 2]?.DeepClone(), conditions);
            case JsonObject single when IsNoValue(single):
                return null;
            case JsonObject map:
                var resolved = new JsonObject();
                foreach (var (key, value) in map)
                {
                    var child = Resolve(value?.DeepClone(), conditions);
                    if (child is not null || value is null)
                        resolved[key] = child;
                }
                return resolved;
            case JsonArray list:
                return new JsonArray([.. list.Select(item => Resolve(item?.DeepClone(), conditions)).Where(item => item is not null)]);
            default:
                return node;
        }
    }

    // CloudFormation passes every parameter value as a string: 14400 and "14400" are the same value
    private static string Text(JsonValue value) => value.TryGetValue<string>(out var text) ? text : value.ToJsonString();

    private static bool IsNoValue(JsonObject node) => SingleKey(node) is ("Ref", JsonValue name) && (string?)name == "AWS::NoValue";

    private static (string Key, JsonNode? Value)? SingleKey(JsonNode node) =>
        node is JsonObject { Count: 1 } map ? (map.First().Key, map.First().Value) : null;
}

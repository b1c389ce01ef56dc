using System.Text.Json;
using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.EventBridge;

/// <summary>Compiles pattern JSON into matchers, rejecting what EventBridge rejects.</summary>
internal static class PatternParser
{
    public static AwsServiceException Invalid(string reason) =>
        new("InvalidEventPatternException", $"Event pattern is not valid. Reason: {reason}");

    public static PatternObject ParseObject(JsonObject obj)
    {
        if (obj.Count == 0)
            throw Invalid("Empty objects are not allowed");
        var nested = new List<KeyValuePair<string, PatternObject>>();
        var leaves = new List<KeyValuePair<string, IReadOnlyList<LeafMatcher>>>();
        var ors = new List<IReadOnlyList<PatternObject>>();
        foreach (var (field, value) in obj)
        {
            switch (value)
            {
                case JsonObject child:
                    nested.Add(new(field, ParseObject(child)));
                    break;
                case JsonArray array when field == "$or" && array.Count > 0 && array.All(a => a is JsonObject):
                    if (array.Count < 2)
                        throw Invalid("\"$or\" must have at least 2 elements");
                    ors.Add(array.Select(a => ParseObject((JsonObject)a!)).ToList());
                    break;
                case JsonArray array:
                    leaves.Add(new(field, ParseLeaves(field, array)));
                    break;
                default:
                    throw Invalid($"\"{field}\" must be an object or an array");
            }
        }
        return new PatternObject(nested, leaves, ors);
    }

    private static List<LeafMatcher> ParseLeaves(string field, JsonArray array)
    {
        if (array.Count == 0)
            throw Invalid("Empty arrays are not allowed");
        return array.Select(item => item switch
        {
            null => new NullMatcher(),
            JsonObject op => ParseOperator(op),
            JsonValue v => ParseExact(v) ?? throw Invalid($"Match value must be String, number, true, false, or null in \"{field}\""),
            _ => throw Invalid($"Match value must be String, number, true, false, or null in \"{field}\""),
        }).ToList();
    }

    private static LeafMatcher? ParseExact(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => new ExactStringMatcher(value.GetValue<string>()),
        JsonValueKind.Number => new ExactNumberMatcher(value.GetValue<double>()),
        JsonValueKind.True => new ExactBooleanMatcher(true),
        JsonValueKind.False => new ExactBooleanMatcher(false),
        _ => null,
    };

    private static LeafMatcher ParseOperator(JsonObject op)
    {
        if (op.Count != 1)
            throw Invalid("Only one key allowed in match expression");
        var (name, value) = op.First();
        return name switch
        {
            "prefix" => ParseAffix(name, value, (s, ic) => new PrefixMatcher(s, ic)),
            "suffix" => ParseAffix(name, value, (s, ic) => new SuffixMatcher(s, ic)),
            "equals-ignore-case" => new EqualsIgnoreCaseMatcher(RequireString(name, value)),
            "wildcard" => new WildcardMatcher(WildcardPattern.Parse(RequireString(name, value))),
            "exists" => value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                ? new ExistsMatcher(v.GetValue<bool>())
                : throw Invalid("exists match pattern must be either true or false."),
            "numeric" => NumericParser.Parse(value),
            "cidr" => new CidrMatcher(CidrBlock.Parse(RequireString(name, value))),
            "anything-but" => AnythingButParser.Parse(value),
            _ => throw Invalid($"Unrecognized match type {name}"),
        };
    }

    private static LeafMatcher ParseAffix(string name, JsonNode? value, Func<string, bool, LeafMatcher> create)
    {
        if (value is JsonObject { Count: 1 } inner && inner.TryGetPropertyValue("equals-ignore-case", out var text))
            return create(RequireString("equals-ignore-case", text), true);
        if (LeafMatcher.AsString(value) is { } s)
            return create(s, false);
        throw Invalid($"{name} match pattern must be a string or a valid equals-ignore-case expression");
    }

    public static string RequireString(string name, JsonNode? value) =>
        LeafMatcher.AsString(value) ?? throw Invalid($"{name} match pattern must be a string");
}

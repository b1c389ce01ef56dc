using System.Text.Json;
using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.EventBridge;

/// <summary>
/// A compiled EventBridge event pattern: the complete content-filtering language (exact values,
/// prefix, suffix, anything-but, numeric, exists, wildcard, equals-ignore-case, cidr, <c>$or</c>),
/// matched purely against an event's JSON.
/// </summary>
public sealed class EventPattern
{
    private readonly PatternObject root;

    private EventPattern(PatternObject root) => this.root = root;

    /// <summary>The original JSON text of the pattern.</summary>
    public string Json { get; private init; } = "{}";

    /// <summary>Compiles a pattern, throwing <c>InvalidEventPatternException</c> as PutRule and TestEventPattern do.</summary>
    public static EventPattern Parse(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            throw PatternParser.Invalid("Filter is not valid JSON");
        }
        if (node is not JsonObject obj)
            throw PatternParser.Invalid("Filter is not an object");
        return new EventPattern(PatternParser.ParseObject(obj)) { Json = json };
    }

    /// <summary>True when the event (a JSON object) satisfies every field of the pattern.</summary>
    public bool Matches(JsonNode? eventJson) => eventJson is JsonObject obj && root.Matches(obj);

    /// <inheritdoc cref="Matches(JsonNode?)"/>
    public bool Matches(JsonElement eventJson) => Matches(JsonNode.Parse(eventJson.GetRawText()));
}

/// <summary>One level of a pattern: every field must match (AND), and each <c>$or</c> group needs one branch.</summary>
internal sealed record PatternObject(
    IReadOnlyList<KeyValuePair<string, PatternObject>> Nested,
    IReadOnlyList<KeyValuePair<string, IReadOnlyList<LeafMatcher>>> Leaves,
    IReadOnlyList<IReadOnlyList<PatternObject>> OrGroups)
{
    /// <summary>Matches this level against an event object; <paramref name="obj"/> is null when the event lacks it.</summary>
    public bool Matches(JsonObject? obj)
    {
        foreach (var (field, matchers) in Leaves)
        {
            JsonNode? value = null;
            var present = obj is not null && obj.TryGetPropertyValue(field, out value);
            if (!LeafMatches(matchers, present ? EventValues.Leaves(value) : []))
                return false;
        }
        foreach (var (field, nested) in Nested)
        {
            if (!NestedMatches(nested, obj is not null && obj.TryGetPropertyValue(field, out var child) ? child : null))
                return false;
        }
        foreach (var group in OrGroups)
        {
            if (!group.Any(branch => branch.Matches(obj)))
                return false;
        }
        return true;
    }

    private static bool LeafMatches(IReadOnlyList<LeafMatcher> matchers, IReadOnlyList<JsonNode?> values)
    {
        // A field without leaf values (absent, an object, an empty array) only satisfies "exists": false.
        if (values.Count == 0)
            return matchers.Any(m => m is ExistsMatcher { Exists: false });
        return matchers.Any(m => values.Any(m.Matches));
    }

    private static bool NestedMatches(PatternObject nested, JsonNode? child)
    {
        // An array of objects matches when one element satisfies the whole nested pattern.
        var objects = EventValues.Objects(child);
        return objects.Count == 0 ? nested.Matches(null) : objects.Any(nested.Matches);
    }
}

/// <summary>How event values are seen by the matcher: arrays are flattened, objects are not leaves.</summary>
internal static class EventValues
{
    public static IReadOnlyList<JsonNode?> Leaves(JsonNode? node)
    {
        var result = new List<JsonNode?>();
        Collect(node, result);
        return result;

        static void Collect(JsonNode? node, List<JsonNode?> into)
        {
            switch (node)
            {
                case JsonArray array:
                    foreach (var item in array)
                        Collect(item, into);
                    break;
                case JsonObject:
                    break;
                default:
                    into.Add(node);
                    break;
            }
        }
    }

    public static IReadOnlyList<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject obj => [obj],
        JsonArray array => array.SelectMany(Objects).ToList(),
        _ => [],
    };
}

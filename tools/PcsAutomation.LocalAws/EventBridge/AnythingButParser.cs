using System.Text.Json;
using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.EventBridge;

/// <summary>
/// The <c>anything-but</c> forms: a string or number, a list of only strings or only numbers, or an object
/// with <c>prefix</c>, <c>suffix</c>, <c>equals-ignore-case</c> or <c>wildcard</c> (a string or a list of strings).
/// </summary>
internal static class AnythingButParser
{
    public static AnythingButMatcher Parse(JsonNode? value) => value switch
    {
        JsonArray list => new AnythingButMatcher(ParseList(list)),
        JsonObject inner => new AnythingButMatcher(ParseInner(inner)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => new AnythingButMatcher([new ExactStringMatcher(v.GetValue<string>())]),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => new AnythingButMatcher([new ExactNumberMatcher(v.GetValue<double>())]),
        _ => throw PatternParser.Invalid("Value of anything-but must be an array or single string/number value."),
    };

    private static List<LeafMatcher> ParseList(JsonArray list)
    {
        if (list.Count == 0)
            throw PatternParser.Invalid("Empty arrays are not allowed");
        if (list.All(i => LeafMatcher.AsString(i) is not null))
            return list.Select(i => (LeafMatcher)new ExactStringMatcher(LeafMatcher.AsString(i)!)).ToList();
        if (list.All(i => LeafMatcher.AsNumber(i) is not null))
            return list.Select(i => (LeafMatcher)new ExactNumberMatcher(LeafMatcher.AsNumber(i)!.Value)).ToList();
        throw PatternParser.Invalid("Inside anything but list, start|null|boolean is not supported; values must be all strings or all numbers.");
    }

    private static List<LeafMatcher> ParseInner(JsonObject inner)
    {
        if (inner.Count != 1)
            throw PatternParser.Invalid("Only one key allowed in match expression");
        var (name, value) = inner.First();
        Func<string, LeafMatcher> create = name switch
        {
            "prefix" => s => new PrefixMatcher(s, false),
            "suffix" => s => new SuffixMatcher(s, false),
            "equals-ignore-case" => s => new EqualsIgnoreCaseMatcher(s),
            "wildcard" => s => new WildcardMatcher(WildcardPattern.Parse(s)),
            _ => throw PatternParser.Invalid($"Unsupported anything-but pattern: {name}"),
        };
        var texts = value is JsonArray { Count: > 0 } array && array.All(i => LeafMatcher.AsString(i) is not null)
            ? array.Select(i => LeafMatcher.AsString(i)!).ToList()
            : [PatternParser.RequireString(name, value)];
        return texts.Select(create).ToList();
    }
}

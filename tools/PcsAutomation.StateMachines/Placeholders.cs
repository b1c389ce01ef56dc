using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PcsAutomation.StateMachines;

/// <summary>
/// <c>{{parameter}}</c> in a fragment's keys and strings. A string that is nothing but one placeholder becomes the
/// argument's JSON value (an object, an array, a number, null); inside a longer string or a key the argument must be
/// a string or a number and is inserted as text. Arguments are inserted as they are, never scanned again.
/// </summary>
public static partial class Placeholders
{
    /// <summary>What opens a placeholder; any <c>{{</c> not starting a well-formed one is an error.</summary>
    public const string Opening = "{{";

    [GeneratedRegex(@"\{\{([A-Za-z][A-Za-z0-9]*)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    /// <summary>Every placeholder name in <paramref name="node"/>'s keys and strings; a malformed one is an error naming <paramref name="where"/>.</summary>
    public static IReadOnlySet<string> Names(JsonNode? node, string where)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        Collect(node, where, names);
        return names;
    }

    /// <summary>A copy of <paramref name="node"/> with every placeholder replaced from <paramref name="arguments"/>.</summary>
    public static JsonNode? Substitute(JsonNode? node, IReadOnlyDictionary<string, JsonNode?> arguments, string where)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    var name = SubstituteText(key, arguments, $"{where}, key '{key}'");
                    if (copy.ContainsKey(name))
                        throw new FragmentException($"{where}: two keys become '{name}' (the second is '{key}')");
                    copy[name] = Substitute(value, arguments, $"{where}.{key}");
                }
                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select((item, i) => Substitute(item, arguments, $"{where}[{i}]"))]);
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                var whole = Placeholder().Match(text);
                if (whole.Success && whole.Length == text.Length)
                    return Argument(whole.Groups[1].Value, arguments, where)?.DeepClone();
                return JsonValue.Create(SubstituteText(text, arguments, where));
            default:
                return node?.DeepClone();
        }
    }

    private static string SubstituteText(string text, IReadOnlyDictionary<string, JsonNode?> arguments, string where)
    {
        CheckWellFormed(text, where);
        return Placeholder().Replace(text, match =>
        {
            var name = match.Groups[1].Value;
            var argument = Argument(name, arguments, where);
            return argument?.GetValueKind() switch
            {
                JsonValueKind.String => argument.GetValue<string>(),
                JsonValueKind.Number => argument.ToJsonString(),
                _ => throw new FragmentException(
                    $"{where}: {{{{{name}}}}} sits inside a longer text, so its value must be a string or a number, not {Describe(argument)}"),
            };
        });
    }

    private static JsonNode? Argument(string name, IReadOnlyDictionary<string, JsonNode?> arguments, string where) =>
        arguments.TryGetValue(name, out var value)
            ? value
            : throw new FragmentException($"{where}: {{{{{name}}}}} is not a parameter of the fragment");

    private static void Collect(JsonNode? node, string where, HashSet<string> names)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    CollectText(key, $"{where}, key '{key}'", names);
                    Collect(value, $"{where}.{key}", names);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    Collect(array[i], $"{where}[{i}]", names);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                CollectText(value.GetValue<string>(), where, names);
                break;
        }
    }

    private static void CollectText(string text, string where, HashSet<string> names)
    {
        CheckWellFormed(text, where);
        foreach (Match match in Placeholder().Matches(text))
            names.Add(match.Groups[1].Value);
    }

    /// <summary>Every <c>{{</c> must open a placeholder: a typo such as <c>{{ next }}</c> would otherwise reach the definition.</summary>
    private static void CheckWellFormed(string text, string where)
    {
        var remainder = Placeholder().Replace(text, string.Empty);
        if (remainder.Contains(Opening, StringComparison.Ordinal))
            throw new FragmentException($"{where}: malformed placeholder in '{text}' (write {{{{name}}}}: letters and digits, starting with a letter)");
    }

    private static string Describe(JsonNode? node) => node is null ? "null" : node.GetValueKind().ToString().ToLowerInvariant();
}

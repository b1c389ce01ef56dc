using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PcsAutomation.StateMachines.Diagrams;

/// <summary>A Choice rule in a few words for an edge label: <c>plan.dryRun = true</c>, <c>not(x present)</c>, <c>a ≥ 20 and b</c>.</summary>
public static class ChoiceCondition
{
    private static readonly (string Suffix, string Symbol)[] Comparisons =
    [
        ("GreaterThanEquals", "≥"), ("LessThanEquals", "≤"), ("GreaterThan", ">"), ("LessThan", "<"), ("Equals", "="), ("Matches", "~"),
    ];

    public static string Describe(JsonObject rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule["And"] is JsonArray all) return string.Join(" and ", all.OfType<JsonObject>().Select(Describe));
        if (rule["Or"] is JsonArray any) return string.Join(" or ", any.OfType<JsonObject>().Select(Describe));
        if (rule["Not"] is JsonObject not) return $"not({Describe(not)})";
        if (rule["Condition"] is JsonValue condition) return condition.ToString(); // JSONata flavour
        var variable = Variable(AslGraphReader.Text(rule["Variable"]) ?? "?");
        foreach (var (key, value) in rule)
        {
            if (key is "Variable" or "Next" or "Comment") continue;
            if (key == "IsPresent") return $"{variable} {(IsTrue(value) ? "present" : "absent")}";
            if (key == "IsNull") return $"{variable} {(IsTrue(value) ? "null" : "not null")}";
            if (key.StartsWith("Is", StringComparison.Ordinal)) return $"{variable} {(IsTrue(value) ? "" : "not ")}{key[2..].ToLowerInvariant()}";
            var isPath = key.EndsWith("Path", StringComparison.Ordinal);
            var op = isPath ? key[..^4] : key;
            var symbol = Comparisons.FirstOrDefault(c => op.EndsWith(c.Suffix, StringComparison.Ordinal)).Symbol ?? op;
            var operand = isPath ? Variable(AslGraphReader.Text(value) ?? "?") : Literal(value);
            return $"{variable} {symbol} {operand}";
        }

        return variable;
    }

    /// <summary>A path without its <c>$.</c>: the names say enough.</summary>
    private static string Variable(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static bool IsTrue(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    private static string Literal(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>().ToString(CultureInfo.InvariantCulture),
        null => "null",
        _ => node.ToJsonString(),
    };
}

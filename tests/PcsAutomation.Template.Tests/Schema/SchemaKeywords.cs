using System.Text.Json;

namespace PcsAutomation.Template.Tests.Schema;

/// <summary>Lists the keywords a JSON schema uses, walking only the places where subschemas live.</summary>
public static class SchemaKeywords
{
    /// <summary>Keywords whose value is a map of subschemas.</summary>
    private static readonly HashSet<string> SchemaMaps = ["properties", "patternProperties", "definitions"];

    /// <summary>Keywords whose value is a subschema or an array of subschemas.</summary>
    private static readonly HashSet<string> Subschemas =
        ["items", "additionalItems", "additionalProperties", "not", "allOf", "anyOf", "oneOf"];

    /// <summary>Every keyword used anywhere in <paramref name="schema"/>, with how often.</summary>
    public static IReadOnlyDictionary<string, int> Used(JsonElement schema)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        Walk(schema, counts);
        return counts;
    }

    private static void Walk(JsonElement schema, Dictionary<string, int> counts)
    {
        if (schema.ValueKind != JsonValueKind.Object)
            return;   // `additionalProperties: false` and boolean schemas carry no keywords
        foreach (var keyword in schema.EnumerateObject())
        {
            counts[keyword.Name] = counts.GetValueOrDefault(keyword.Name) + 1;
            var value = keyword.Value;
            if (SchemaMaps.Contains(keyword.Name) && value.ValueKind == JsonValueKind.Object)
            {
                foreach (var sub in value.EnumerateObject())
                    Walk(sub.Value, counts);
            }
            else if (Subschemas.Contains(keyword.Name) && value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in value.EnumerateArray())
                    Walk(item, counts);
            }
            else if (Subschemas.Contains(keyword.Name))
            {
                Walk(value, counts);
            }
        }
    }
}

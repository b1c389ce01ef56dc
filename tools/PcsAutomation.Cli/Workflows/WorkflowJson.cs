using System.Text.Json;
using System.Text.Json.Nodes;

namespace PcsAutomation.Cli.Workflows;

/// <summary>
/// Reading a workflow's output and notification details by member name, leniently: what is missing or of another type
/// reads as null or empty, never as an exception (the summary is printed whatever the execution left).
/// </summary>
public static class WorkflowJson
{
    /// <summary>The JSON object in <paramref name="json"/>, or null when it is empty, not JSON or not an object.</summary>
    public static JsonObject? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The first member named <paramref name="name"/>, breadth first (the shallowest wins).</summary>
    public static JsonNode? Find(JsonNode root, string name) => All(root, name).FirstOrDefault();

    /// <summary>Every member named <paramref name="name"/>, breadth first.</summary>
    public static IEnumerable<JsonNode?> All(JsonNode root, string name)
    {
        var queue = new Queue<JsonNode>([root]);
        while (queue.TryDequeue(out var node))
        {
            if (node is JsonObject o)
            {
                foreach (var (key, value) in o)
                {
                    if (key == name) yield return value;
                    if (value is not null) queue.Enqueue(value);
                }
            }
            else if (node is JsonArray a)
            {
                foreach (var item in a)
                    if (item is not null) queue.Enqueue(item);
            }
        }
    }

    /// <summary>A non-empty string value, else null.</summary>
    public static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    public static bool? Bool(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    /// <summary>The string items of an array (others skipped); none when it is not an array.</summary>
    public static IReadOnlyList<string> Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(Text).OfType<string>()] : [];
}

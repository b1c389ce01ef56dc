using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.EventBridge;

/// <summary>Builds what a target receives: the whole event, a constant, a JSONPath selection or a transformed template.</summary>
internal static class TargetInput
{
    public static JsonNode? For(RuleTarget target, JsonNode evt)
    {
        if (target.Input is { } constant)
            return JsonNode.Parse(constant);
        if (target.InputPath is { } path)
            return Select(evt, path)?.DeepClone();
        if (target.InputTransformer is { } transformer)
            return Transform(transformer, evt);
        return evt.DeepClone();
    }

    /// <summary>Follows a simple JSONPath (<c>$</c>, <c>$.a.b</c>, <c>$.a[0]</c>); a missing step gives null.</summary>
    public static JsonNode? Select(JsonNode? node, string path)
    {
        if (path == "$")
            return node;
        if (!path.StartsWith("$.", StringComparison.Ordinal))
            return null;
        foreach (var step in path[2..].Split('.'))
        {
            var name = step;
            var index = -1;
            var bracket = step.IndexOf('[', StringComparison.Ordinal);
            if (bracket > 0 && step.EndsWith(']') && int.TryParse(step[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture, out var i))
                (name, index) = (step[..bracket], i);
            node = node is JsonObject obj && obj.TryGetPropertyValue(name, out var child) ? child : null;
            if (index >= 0)
                node = node is JsonArray array && index < array.Count ? array[index] : null;
        }
        return node;
    }

    // Inside quotes a placeholder is replaced by the raw text of a string value; outside quotes by its JSON.
    private static JsonNode? Transform(InputTransformer transformer, JsonNode evt)
    {
        var values = transformer.InputPathsMap.ToDictionary(p => p.Key, p => Select(evt, p.Value), StringComparer.Ordinal);
        var template = transformer.InputTemplate;
        var output = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '"' && (i == 0 || template[i - 1] != '\\'))
                inQuotes = !inQuotes;
            var close = c == '<' ? template.IndexOf('>', i) : -1;
            if (close > i && values.TryGetValue(template[(i + 1)..close], out var value))
            {
                output.Append(inQuotes ? RawText(value) : value?.ToJsonString() ?? "null");
                i = close;
                continue;
            }
            output.Append(c);
        }
        var text = output.ToString();
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    private static string RawText(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? JsonEncodedText.Encode(v.GetValue<string>()).ToString()
            : value?.ToJsonString() ?? "null";
}

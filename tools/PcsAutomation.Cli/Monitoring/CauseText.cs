using System.Text.Json;
using System.Text.Json.Nodes;

namespace PcsAutomation.Cli.Monitoring;

/// <summary>The readable part of a Step Functions cause: a Lambda error cause is JSON ({"errorMessage", "errorType", ...}).</summary>
public static class CauseText
{
    public static string? Message(string? cause)
    {
        if (string.IsNullOrWhiteSpace(cause)) return null;
        var trimmed = cause.Trim();
        if (!trimmed.StartsWith('{')) return trimmed;
        try
        {
            return JsonNode.Parse(trimmed) is JsonObject o && o["errorMessage"] is JsonValue m && m.TryGetValue<string>(out var text)
                ? text
                : trimmed;
        }
        catch (JsonException)
        {
            return trimmed;
        }
    }
}

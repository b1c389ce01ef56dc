using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PcsAutomation.Aws.Runtime.Json;

/// <summary>
/// Reads the members a modelled error carries beyond its message (resourceId, quotaCode, ...). Building an error
/// never throws: a non-JSON body (a proxy's HTML page) or a member of the wrong type still yields the typed exception.
/// </summary>
internal static class ErrorMembers
{
    public static JsonElement Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : default;
        }
        catch (JsonException)
        {
            return default;
        }
    }

    public static T? Read<T>(JsonElement body, string name, JsonTypeInfo<T> typeInfo)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty(name, out var member))
            return default;
        try
        {
            return member.Deserialize(typeInfo);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}

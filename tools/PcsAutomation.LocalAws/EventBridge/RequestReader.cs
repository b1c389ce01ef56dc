using System.Text.Json;
using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.EventBridge;

/// <summary>Reads awsJson request members, failing like the real front end: wrong JSON types are
/// <c>SerializationException</c>, missing required members are <c>ValidationException</c>.</summary>
internal static class RequestReader
{
    public static string? OptionalString(JsonObject request, string member) => request[member] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var other => throw WrongType(other, "String"),
    };

    public static string RequiredString(JsonObject request, string member) =>
        OptionalString(request, member) ?? throw MissingMember(member);

    public static JsonArray? OptionalArray(JsonObject request, string member) => request[member] switch
    {
        null => null,
        JsonArray a => a,
        var other => throw WrongType(other, "List"),
    };

    public static JsonObject? OptionalObject(JsonObject request, string member) => request[member] switch
    {
        null => null,
        JsonObject o => o,
        var other => throw WrongType(other, "Structure"),
    };

    public static bool OptionalBool(JsonObject request, string member) => request[member] switch
    {
        null => false,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        var other => throw WrongType(other, "Boolean"),
    };

    public static int? OptionalInt(JsonObject request, string member) => request[member] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i) => i,
        var other => throw WrongType(other, "Integer"),
    };

    public static List<string> StringList(JsonArray array) =>
        array.Select(item => item is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw WrongType(item, "String")).ToList();

    public static AwsServiceException MissingMember(string member) =>
        Validation($"1 validation error detected: Value null at '{Camel(member)}' failed to satisfy constraint: Member must not be null");

    public static AwsServiceException Validation(string message) => new("ValidationException", message);

    public static string Camel(string member) => char.ToLowerInvariant(member[0]) + member[1..];

    // The messages of the AWS JSON front end when a member has the wrong JSON type.
    private static AwsServiceException WrongType(JsonNode? found, string expected) => new("SerializationException", found switch
    {
        JsonObject => "Start of structure or map found where not expected.",
        JsonArray => "Start of list found where not expected",
        JsonValue v => $"{v.GetValueKind().ToString().ToUpperInvariant()}_VALUE can not be converted to {(expected is "Integer" ? "an" : "a")} {expected}",
        _ => $"Unexpected null for {expected}",
    });
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.Protocol;

/// <summary>
/// Reads members of a JSON request and turns every type mismatch or missing required member into the
/// service's own validation error, so that malformed input never escapes as a 500.
/// </summary>
public sealed class RequestReader(JsonObject json, Func<string, AwsServiceException> invalid, string path = "")
{
    public JsonObject Json { get; } = json;

    public bool Has(string name) => Json.TryGetPropertyValue(name, out var node) && node is not null;

    public string RequiredString(string name) =>
        OptionalString(name) ?? throw invalid($"1 validation error detected: Value at '{Path(name)}' failed to satisfy constraint: Member must not be null");

    public string? OptionalString(string name) => Value(name, JsonValueKind.String, n => n.GetValue<string>());

    public int? OptionalInt(string name) =>
        Has(name)
            ? Value(name, JsonValueKind.Number, n => n.AsValue().TryGetValue<int>(out var i)
                ? i
                : throw invalid($"Value at '{Path(name)}' is not a valid integer"))
            : null;

    public int RequiredInt(string name) =>
        OptionalInt(name) ?? throw invalid($"1 validation error detected: Value at '{Path(name)}' failed to satisfy constraint: Member must not be null");

    public bool? OptionalBool(string name) =>
        Json.TryGetPropertyValue(name, out var node) && node is not null
            ? node.GetValueKind() switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw invalid($"Value at '{Path(name)}' must be a boolean"),
            }
            : null;

    public RequestReader? OptionalObject(string name) =>
        Json.TryGetPropertyValue(name, out var node) && node is not null
            ? node is JsonObject o ? new RequestReader(o, invalid, Path(name)) : throw invalid($"Value at '{Path(name)}' must be an object")
            : null;

    public RequestReader RequiredObject(string name) =>
        OptionalObject(name) ?? throw invalid($"1 validation error detected: Value at '{Path(name)}' failed to satisfy constraint: Member must not be null");

    public IReadOnlyList<RequestReader>? OptionalObjectList(string name) =>
        Array(name)?.Select((n, i) => n is JsonObject o
            ? new RequestReader(o, invalid, $"{Path(name)}.{i + 1}")
            : throw invalid($"Value at '{Path(name)}.{i + 1}' must be an object")).ToList();

    public IReadOnlyList<string>? OptionalStringList(string name) =>
        Array(name)?.Select((n, i) => n is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw invalid($"Value at '{Path(name)}.{i + 1}' must be a string")).ToList();

    public IReadOnlyDictionary<string, string>? OptionalStringMap(string name)
    {
        if (!Json.TryGetPropertyValue(name, out var node) || node is null) return null;
        if (node is not JsonObject map) throw invalid($"Value at '{Path(name)}' must be a map");
        return map.ToDictionary(
            p => p.Key,
            p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? v.GetValue<string>()
                : throw invalid($"Value at '{Path(name)}.{p.Key}' must be a string"),
            StringComparer.Ordinal);
    }

    public string Path(string name) => path.Length == 0 ? name : $"{path}.{name}";

    private JsonArray? Array(string name) =>
        Json.TryGetPropertyValue(name, out var node) && node is not null
            ? node as JsonArray ?? throw invalid($"Value at '{Path(name)}' must be a list")
            : null;

    private T? Value<T>(string name, JsonValueKind kind, Func<JsonNode, T> read) where T : notnull
    {
        if (!Json.TryGetPropertyValue(name, out var node) || node is null) return default;
        if (node is not JsonValue value || value.GetValueKind() != kind)
            throw invalid($"Value at '{Path(name)}' must be {(kind == JsonValueKind.String ? "a string" : "a number")}");
        return read(node);
    }
}

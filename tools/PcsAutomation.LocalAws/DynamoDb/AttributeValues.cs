using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.DynamoDb;

/// <summary>
/// The low-level attribute value format (<c>{"S": "x"}</c>, <c>{"N": "1"}</c>, B, BOOL, NULL, M, L, SS, NS, BS):
/// validation with DynamoDB's messages, equality (numbers by value, sets unordered) and ordering.
/// </summary>
internal static class AttributeValues
{
    public static readonly string[] TypeNames = ["S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS"];

    public static AwsServiceException Invalid(string message) => new("ValidationException", message);

    /// <summary>Checks one attribute value and returns it with numbers normalized ("01.50" → "1.5"), as DynamoDB stores them.</summary>
    public static JsonObject Validate(JsonNode? node)
    {
        if (node is not JsonObject obj)
            throw new AwsServiceException("SerializationException", "Unexpected value type in payload; expected an AttributeValue structure");
        var present = obj.Where(p => p.Value is not null).ToList();
        if (present.Count != 1)
            throw Invalid(present.Count == 0
                ? "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"
                : "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        var (type, value) = (present[0].Key, present[0].Value!);
        JsonNode normalized = type switch
        {
            "S" => String(value),
            "N" => JsonValue.Create(NormalizeNumber(String(value))),
            "B" => JsonValue.Create(Binary(String(value))),
            "BOOL" => value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? value.DeepClone() : throw Serialization(),
            "NULL" => value.GetValueKind() == JsonValueKind.True ? value.DeepClone()
                : throw Invalid("One or more parameter values were invalid: Null attribute value types must have the value of true"),
            "M" => value is JsonObject map ? new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Validate(p.Value)))) : throw Serialization(),
            "L" => value is JsonArray list ? new JsonArray(list.Select(i => (JsonNode?)Validate(i)).ToArray()) : throw Serialization(),
            "SS" => Set(value, "string", v => String(v)),
            "NS" => Set(value, "number", v => NormalizeNumber(String(v))),
            "BS" => Set(value, "binary", v => Binary(String(v))),
            _ => throw Invalid("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"),
        };
        return new JsonObject { [type] = normalized };
    }

    public static string TypeOf(JsonObject value) => value.First().Key;

    public static JsonNode Inner(JsonObject value) => value.First().Value!;

    public static string? StringOf(JsonObject value, string type) =>
        TypeOf(value) == type && Inner(value) is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static decimal? NumberOf(JsonObject value) =>
        StringOf(value, "N") is { } n ? decimal.Parse(n, NumberStyles.Float, CultureInfo.InvariantCulture) : null;

    public static JsonObject Number(decimal value) => new() { ["N"] = Format(value) };

    /// <summary>Deep equality: numbers by value, sets regardless of order.</summary>
    public static bool AreEqual(JsonObject? a, JsonObject? b)
    {
        if (a is null || b is null)
            return a is null && b is null;
        var type = TypeOf(a);
        if (type != TypeOf(b))
            return false;
        return type switch
        {
            "N" => NumberOf(a) == NumberOf(b),
            "SS" or "NS" or "BS" => SetItems(a).ToHashSet(StringComparer.Ordinal).SetEquals(SetItems(b)),
            "M" => Inner(a).AsObject().Count == Inner(b).AsObject().Count
                && Inner(a).AsObject().All(p => Inner(b).AsObject()[p.Key] is JsonObject other && AreEqual((JsonObject)p.Value!, other)),
            "L" => Inner(a).AsArray().Count == Inner(b).AsArray().Count
                && Inner(a).AsArray().Zip(Inner(b).AsArray()).All(p => AreEqual((JsonObject)p.First!, (JsonObject)p.Second!)),
            _ => JsonNode.DeepEquals(Inner(a), Inner(b)),
        };
    }

    /// <summary>Orders two scalars of the same type (S, N or B); null when they cannot be ordered.</summary>
    public static int? Compare(JsonObject a, JsonObject b) => (TypeOf(a), TypeOf(b)) switch
    {
        ("N", "N") => NumberOf(a)!.Value.CompareTo(NumberOf(b)!.Value),
        ("S", "S") => string.CompareOrdinal(StringOf(a, "S"), StringOf(b, "S")),
        ("B", "B") => CompareBytes(Convert.FromBase64String(StringOf(a, "B")!), Convert.FromBase64String(StringOf(b, "B")!)),
        _ => null,
    };

    public static IEnumerable<string> SetItems(JsonObject set) => Inner(set).AsArray().Select(i => i!.GetValue<string>());

    public static string NormalizeNumber(string text)
    {
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || text.Trim().Length != text.Length)
            throw Invalid($"The parameter cannot be converted to a numeric value: {text}");
        return Format(value);
    }

    private static string Format(decimal value) =>
        // Dividing by 1.000... drops trailing zeros of the decimal's scale.
        (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static string String(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : throw Serialization();

    private static string Binary(string base64)
    {
        try
        {
            return Convert.ToBase64String(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            throw new AwsServiceException("SerializationException", "Base64 encoded length is expected a multiple of 4 bytes but found: " + base64.Length);
        }
    }

    private static JsonArray Set(JsonNode value, string kind, Func<JsonNode, string> item)
    {
        if (value is not JsonArray list)
            throw Serialization();
        if (list.Count == 0)
            throw Invalid($"One or more parameter values were invalid: An {kind} set  may not be empty");
        var items = list.Select(i => item(i ?? throw Serialization())).ToList();
        if (items.Distinct(StringComparer.Ordinal).Count() != items.Count)
            throw Invalid($"Input collection [{string.Join(", ", list.Select(i => i!.GetValue<string>()))}] contains duplicates.");
        return new JsonArray(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());
    }

    private static int CompareBytes(byte[] a, byte[] b) => a.AsSpan().SequenceCompareTo(b);

    private static AwsServiceException Serialization() =>
        new("SerializationException", "Unexpected value type in payload");
}

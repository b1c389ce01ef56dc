using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PcsAutomation.States.Json;

/// <summary>Small helpers over <see cref="JsonNode"/> values: kinds, numbers, text, size.</summary>
public static class JsonValues
{
    public static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    public static bool IsNumber(JsonNode? node) => Kind(node) == JsonValueKind.Number;

    public static bool IsString(JsonNode? node) => Kind(node) == JsonValueKind.String;

    public static bool IsBoolean(JsonNode? node) => Kind(node) is JsonValueKind.True or JsonValueKind.False;

    public static bool TryGetString(JsonNode? node, out string value)
    {
        value = IsString(node) ? node!.GetValue<string>() : "";
        return IsString(node);
    }

    public static bool TryGetNumber(JsonNode? node, out decimal value)
    {
        value = 0;
        if (!IsNumber(node))
            return false;
        var text = node!.ToJsonString();
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            return true;
        // Outside decimal's range: compare through double, still exact enough for ordering.
        value = double.Parse(text, CultureInfo.InvariantCulture) > 0 ? decimal.MaxValue : decimal.MinValue;
        return true;
    }

    /// <summary>An integral JSON number (1, 1.0, 1e2) as a long; false for 1.5, strings, or out of range.</summary>
    public static bool TryGetInteger(JsonNode? node, out long value)
    {
        value = 0;
        if (!TryGetNumber(node, out var number) || number != decimal.Truncate(number)
            || number > long.MaxValue || number < long.MinValue)
            return false;
        value = (long)number;
        return true;
    }

    /// <summary>Ordering of two numbers or two strings (ordinal); null when they are not comparable.</summary>
    public static int? Compare(JsonNode? left, JsonNode? right)
    {
        if (TryGetNumber(left, out var a) && TryGetNumber(right, out var b))
            return a.CompareTo(b);
        if (TryGetString(left, out var s) && TryGetString(right, out var t))
            return string.CompareOrdinal(s, t);
        return null;
    }

    public static JsonNode? Parse(string json) =>
        JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 512 });

    public static string ToJson(JsonNode? node) => node?.ToJsonString() ?? "null";

    public static int Utf8Size(JsonNode? node) => Encoding.UTF8.GetByteCount(ToJson(node));

    public static JsonNode? Clone(JsonNode? node) => node?.DeepClone();

    public static JsonNode Number(long value) => JsonValue.Create(value);
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PcsAutomation.Aws.Runtime.Json;

/// <summary>
/// awsJson timestamps: epoch seconds as a JSON number, possibly fractional (1732550400.123). Millisecond precision,
/// as the AWS SDKs keep. A string (ISO 8601 or numeric) is accepted on read for tolerance, never written.
/// </summary>
public sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => FromSeconds(reader.GetDecimal()),
            JsonTokenType.String => FromText(reader.GetString()!),
            _ => throw new JsonException($"Expected epoch seconds, found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var milliseconds = value.ToUnixTimeMilliseconds();
        if (milliseconds % 1000 == 0)
            writer.WriteNumberValue(milliseconds / 1000);
        else
            writer.WriteNumberValue(milliseconds / 1000m);
    }

    private static DateTimeOffset FromSeconds(decimal seconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)decimal.Round(seconds * 1000m, MidpointRounding.AwayFromZero));

    private static DateTimeOffset FromText(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? FromSeconds(seconds)
            : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : throw new JsonException("Timestamp is neither epoch seconds nor ISO 8601.");
}

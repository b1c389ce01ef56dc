using System.Globalization;
using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.Protocol;

/// <summary>Timestamps on the wire: PCS models them as ISO 8601 strings, Secrets Manager as epoch seconds.</summary>
public static class AwsTimestamp
{
    public static string Iso8601(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static JsonNode EpochSeconds(DateTimeOffset time) =>
        JsonValue.Create(Math.Round(time.ToUnixTimeMilliseconds() / 1000.0, 3));
}

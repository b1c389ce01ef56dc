using System.Text.Json.Serialization;
using System.Text.Json;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Lambda.Events;

/// <summary>Source-generated JSON for the event types this library defines.</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(CloudWatchEvent<CloudTrailDetail>))]
[JsonSerializable(typeof(CloudWatchEvent<JsonElement>))]
public sealed partial class LambdaEventsJsonContext : JsonSerializerContext
{
    private static LambdaEventsJsonContext? strict;

    /// <summary>The instance to use: <see cref="LambdaJson.StrictOptions"/> (no default encoder at start-up; the same bytes).</summary>
    public static LambdaEventsJsonContext Strict => strict ??= new(LambdaJson.StrictOptions(Default.GeneratedSerializerOptions));
}

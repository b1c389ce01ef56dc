using System.Text.Json;
using System.Text.Json.Serialization;

namespace PcsAutomation.Lambda.Events;

/// <summary>Source-generated JSON for the event types this library defines.</summary>
[JsonSerializable(typeof(CloudWatchEvent<CloudTrailDetail>))]
[JsonSerializable(typeof(CloudWatchEvent<JsonElement>))]
public sealed partial class LambdaEventsJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace PcsAutomation.Lambda.Events;

/// <summary>
/// The EventBridge (CloudWatch Events) envelope, shaped like Amazon.Lambda.CloudWatchEvents' <c>CloudWatchEvent&lt;T&gt;</c>.
/// Every member may be absent: real events omit some (the EventBridge guide's scheduled event has no <c>version</c>),
/// so a missing member is null rather than a parse failure.
/// </summary>
/// <typeparam name="TDetail">The <c>detail</c> type, e.g. <see cref="CloudTrailDetail"/>, or <c>JsonElement</c>.</typeparam>
public sealed record CloudWatchEvent<TDetail>
{
    [JsonPropertyName("version")] public string? Version { get; init; }
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("detail-type")] public string? DetailType { get; init; }
    [JsonPropertyName("source")] public string? Source { get; init; }
    [JsonPropertyName("account")] public string? Account { get; init; }
    [JsonPropertyName("time")] public DateTimeOffset? Time { get; init; }
    [JsonPropertyName("region")] public string? Region { get; init; }
    [JsonPropertyName("resources")] public IReadOnlyList<string> Resources { get; init; } = [];
    [JsonPropertyName("detail")] public TDetail? Detail { get; init; }
}

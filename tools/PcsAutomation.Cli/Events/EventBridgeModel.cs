using System.Text.Json.Serialization;

namespace PcsAutomation.Cli.Events;

/// <summary>One PutEvents entry (EventBridge API shape <c>PutEventsRequestEntry</c>).</summary>
public sealed record EventEntry(
    [property: JsonPropertyName("Source")] string Source,
    [property: JsonPropertyName("DetailType")] string DetailType,
    [property: JsonPropertyName("Detail")] string Detail,
    [property: JsonPropertyName("Resources"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Resources = null,
    [property: JsonPropertyName("EventBusName"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EventBusName = null);

public sealed record PutEventsRequest([property: JsonPropertyName("Entries")] IReadOnlyList<EventEntry> Entries);

public sealed record PutEventsResultEntry(
    [property: JsonPropertyName("EventId")] string? EventId,
    [property: JsonPropertyName("ErrorCode")] string? ErrorCode,
    [property: JsonPropertyName("ErrorMessage")] string? ErrorMessage);

public sealed record PutEventsResponse(
    [property: JsonPropertyName("FailedEntryCount")] int FailedEntryCount,
    [property: JsonPropertyName("Entries")] IReadOnlyList<PutEventsResultEntry> Entries);

[JsonSerializable(typeof(PutEventsRequest))]
[JsonSerializable(typeof(PutEventsResponse))]
internal sealed partial class EventBridgeJsonContext : JsonSerializerContext;

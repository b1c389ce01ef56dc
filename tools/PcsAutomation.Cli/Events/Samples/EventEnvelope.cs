using System.Text.Json.Nodes;

namespace PcsAutomation.Cli.Events.Samples;

/// <summary>
/// The envelope EventBridge puts around every event: <c>version</c>, <c>id</c>, <c>detail-type</c>, <c>source</c>,
/// <c>account</c>, <c>time</c>, <c>region</c>, <c>resources</c>, <c>detail</c> (the reference samples in
/// ../shared/reference/events/, e.g. scheduled-event.json; https://docs.aws.amazon.com/eventbridge/latest/ref/overiew-event-structure.html).
/// </summary>
internal static class EventEnvelope
{
    public static JsonObject Create(SampleContext context, string seed, string source, string detailType, JsonNode detail, params string[] resources) => new()
    {
        ["version"] = "0",
        ["id"] = context.Uuid(seed),
        ["detail-type"] = detailType,
        ["source"] = source,
        ["account"] = context.Account,
        ["time"] = SampleContext.Timestamp(context.Time),
        ["region"] = context.Region,
        ["resources"] = new JsonArray([.. resources.Select(r => (JsonNode?)JsonValue.Create(r))]),
        ["detail"] = detail,
    };
}

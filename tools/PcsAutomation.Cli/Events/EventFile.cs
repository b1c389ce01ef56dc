using System.Text.Json;
using System.Text.Json.Nodes;

namespace PcsAutomation.Cli.Events;

/// <summary>A file the CLI cannot send, with one line saying why (file name and the missing or bad member).</summary>
public sealed class EventFileException(string message) : Exception(message);

/// <summary>
/// Reads the events of a JSON file as PutEvents entries. Accepted shapes: an event as EventBridge delivers it
/// (<c>source</c>, <c>detail-type</c>, <c>detail</c>, optional <c>resources</c>, <c>time</c>: the <c>events/</c> samples),
/// a PutEvents entry (<c>Source</c>, <c>DetailType</c>, <c>Detail</c> as a string), an array of those, or
/// <c>{"Entries": [...]}</c>. The envelope's <c>id</c>, <c>account</c> and <c>region</c> are set by the bus, not sent.
/// </summary>
public static class EventFile
{
    public const int MaxEntries = 10; // PutEvents' limit per call

    public static IReadOnlyList<EventEntry> Parse(string json, string fileName)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new EventFileException($"{fileName}: not JSON ({e.Message})");
        }

        var items = root switch
        {
            JsonArray array => array,
            JsonObject o when o["Entries"] is JsonArray entries => entries,
            JsonObject o => new JsonArray(o.DeepClone()),
            _ => throw new EventFileException($"{fileName}: expected an event object or an array of events"),
        };
        if (items.Count is 0 or > MaxEntries)
            throw new EventFileException($"{fileName}: {items.Count} events; PutEvents takes 1 to {MaxEntries}");
        return [.. items.Select((item, i) => Entry(item as JsonObject ?? throw new EventFileException($"{fileName}: event {i + 1} is not an object"), Label(fileName, i, items.Count)))];
    }

    private static string Label(string fileName, int index, int count) => count == 1 ? fileName : $"{fileName}, event {index + 1}";

    private static EventEntry Entry(JsonObject e, string label)
    {
        var envelope = e.ContainsKey("detail-type") || e.ContainsKey("source") || e.ContainsKey("detail");
        var source = Required(e, envelope ? "source" : "Source", label);
        var detailType = Required(e, envelope ? "detail-type" : "DetailType", label);
        var detailNode = e[envelope ? "detail" : "Detail"];
        var detail = detailNode switch
        {
            JsonObject o => o.ToJsonString(),
            JsonValue v when v.TryGetValue<string>(out var text) && IsObject(text) => text,
            null => throw new EventFileException($"{label}: missing '{(envelope ? "detail" : "Detail")}'"),
            _ => throw new EventFileException($"{label}: '{(envelope ? "detail" : "Detail")}' must be a JSON object"),
        };
        var resources = e[envelope ? "resources" : "Resources"] is JsonArray r
            ? r.Select(x => x is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new EventFileException($"{label}: resources must be strings")).ToList()
            : null;
        var bus = e["EventBusName"] is JsonValue b && b.TryGetValue<string>(out var busName) ? busName : null;
        return new EventEntry(source, detailType, detail, resources, bus);
    }

    private static string Required(JsonObject e, string name, string label) =>
        e[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0
            ? s
            : throw new EventFileException($"{label}: missing '{name}'");

    private static bool IsObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonObject;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

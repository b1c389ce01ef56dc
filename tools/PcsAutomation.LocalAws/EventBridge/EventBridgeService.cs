using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.EventBridge;

/// <summary>
/// EventBridge's awsJson1_1 API (<c>X-Amz-Target: AWSEvents.&lt;Operation&gt;</c>): PutEvents, TestEventPattern and the
/// rule and target operations, over an <see cref="EventBus"/>.
/// </summary>
public sealed partial class EventBridgeService(EventBus bus)
{
    /// <summary>The X-Amz-Target prefix of this service.</summary>
    public const string TargetPrefix = "AWSEvents";

    private const int MaxEntries = 10;

    /// <summary>Runs one operation; errors are <see cref="AwsServiceException"/> with the real codes.</summary>
    public JsonNode Invoke(string operation, JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return operation switch
        {
            "PutEvents" => PutEvents(request),
            "TestEventPattern" => TestEventPattern(request),
            "PutRule" => PutRule(request),
            "DescribeRule" => DescribeRule(request),
            "ListRules" => ListRules(request),
            "DeleteRule" => DeleteRule(request),
            "EnableRule" => SetEnabled(request, true),
            "DisableRule" => SetEnabled(request, false),
            "PutTargets" => PutTargets(request),
            "ListTargetsByRule" => ListTargetsByRule(request),
            "RemoveTargets" => RemoveTargets(request),
            _ => throw new AwsServiceException("UnknownOperationException", $"Operation {operation} is not supported."),
        };
    }

    private JsonObject PutEvents(JsonObject request)
    {
        var entries = RequestReader.OptionalArray(request, "Entries") ?? throw RequestReader.MissingMember("Entries");
        if (entries.Count is 0 or > MaxEntries)
            throw RequestReader.Validation("1 validation error detected: Value '[PutEventsRequestEntry]' at 'entries' failed to satisfy constraint: "
                + (entries.Count == 0 ? "Member must have length greater than or equal to 1" : $"Member must have length less than or equal to {MaxEntries}"));
        var results = new JsonArray();
        var failed = 0;
        foreach (var item in entries)
        {
            var entry = item as JsonObject ?? throw new AwsServiceException("SerializationException", "Unexpected value for PutEventsRequestEntry");
            var (result, evt, busName) = AcceptEntry(entry);
            if (evt is null)
                failed++;
            results.Add(result);
            if (evt is not null)
                bus.Publish(evt, busName);
        }
        return new JsonObject { ["FailedEntryCount"] = failed, ["Entries"] = results };
    }

    // Entry problems are reported per entry (ErrorCode/ErrorMessage), not as a request error.
    private (JsonObject Result, JsonObject? Event, string Bus) AcceptEntry(JsonObject entry)
    {
        var source = RequestReader.OptionalString(entry, "Source");
        var detailType = RequestReader.OptionalString(entry, "DetailType");
        var detailText = RequestReader.OptionalString(entry, "Detail");
        var busName = BusName(RequestReader.OptionalString(entry, "EventBusName"));
        var resources = RequestReader.OptionalArray(entry, "Resources") is { } r ? RequestReader.StringList(r) : [];
        var at = EntryTime(entry["Time"]);
        static (JsonObject, JsonObject?, string) Fail(string code, string message) =>
            (new JsonObject { ["ErrorCode"] = code, ["ErrorMessage"] = message }, null, "");
        if (string.IsNullOrEmpty(source))
            return Fail("InvalidArgument", "Parameter Source is not valid. Reason: Source is a required argument.");
        if (string.IsNullOrEmpty(detailType))
            return Fail("InvalidArgument", "Parameter DetailType is not valid. Reason: DetailType is a required argument.");
        if (string.IsNullOrEmpty(detailText))
            return Fail("InvalidArgument", "Parameter Detail is not valid. Reason: Detail is a required argument.");
        if (ParseObject(detailText) is not { } detail)
            return Fail("MalformedDetail", "Detail is malformed.");
        // Sources starting with "aws." belong to AWS services; PutEvents refuses them.
        if (source.StartsWith("aws.", StringComparison.Ordinal))
            return Fail("NotAuthorizedForSourceException", "Not authorized for the source.");
        if (!bus.HasBus(busName))
            return Fail("ResourceNotFoundException", $"Event bus {busName} does not exist.");
        var evt = bus.Envelope(source, detailType, detail, resources, at ?? bus.Time.GetUtcNow());
        return (new JsonObject { ["EventId"] = evt["id"]!.GetValue<string>() }, evt, busName);
    }

    private static JsonObject TestEventPattern(JsonObject request)
    {
        var patternText = RequestReader.RequiredString(request, "EventPattern");
        var eventText = RequestReader.RequiredString(request, "Event");
        var pattern = EventPattern.Parse(patternText);
        // The API reference also lists "resources", but the service accepts events without it.
        string[] required = ["id", "account", "source", "time", "region", "detail-type"];
        if (ParseObject(eventText) is not { } evt || required.Any(f => !evt.ContainsKey(f)))
            throw RequestReader.Validation("Parameter Event is not valid.");
        return new JsonObject { ["Result"] = pattern.Matches(evt) };
    }

    private static JsonObject? ParseObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // awsJson timestamps are epoch seconds; accept an ISO string too, as some clients send one.
    private static DateTimeOffset? EntryTime(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => DateTimeOffset.FromUnixTimeMilliseconds((long)(v.GetValue<double>() * 1000)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String
            && DateTimeOffset.TryParse(v.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) => t,
        _ => throw new AwsServiceException("SerializationException", "Unexpected value for Time"),
    };

    private static string BusName(string? nameOrArn) =>
        string.IsNullOrEmpty(nameOrArn) ? EventBus.DefaultBusName
        : nameOrArn.StartsWith("arn:", StringComparison.Ordinal) ? nameOrArn[(nameOrArn.LastIndexOf('/') + 1)..]
        : nameOrArn;
}

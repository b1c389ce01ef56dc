using System.Globalization;
using System.Text.Json;

namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>
/// Parses and checks an EventBridge event about Capacity Blocks, never throwing: the envelope
/// (<c>detail-type</c>, <c>source</c>, <c>account</c>, <c>region</c>, <c>time</c>, <c>resources</c>, <c>detail</c>:
/// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-events-structure.html) must be an object from
/// <c>aws.ec2</c> with a known detail-type, of this account and Region (an event bus may carry other accounts' events),
/// and name a well-formed reservation id (delivered, warning) or an instance (interruption warning). The EC2 page's
/// samples are documentation templates with <c>detail_type</c> and no region (../shared/reference/README.md): such a
/// shape is rejected with that reason, a real event always has <c>detail-type</c> and <c>region</c>.
/// </summary>
public static class CapacityBlockEventParser
{
    public static CapacityBlockEventParse Parse(string json, string ownAccount, string ownRegion)
    {
        try
        {
            using var document = JsonDocument.Parse(json ?? "");
            return Parse(document.RootElement, ownAccount, ownRegion);
        }
        catch (JsonException e)
        {
            return Reject($"not JSON: {e.Message}");
        }
    }

    public static CapacityBlockEventParse Parse(JsonElement root, string ownAccount, string ownRegion)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownAccount);
        ArgumentException.ThrowIfNullOrEmpty(ownRegion);
        if (root.ValueKind != JsonValueKind.Object)
            return Reject($"the event is a JSON {root.ValueKind}, not an object");
        var detailType = Text(root, "detail-type");
        if (detailType is null)
            return Reject(root.TryGetProperty("detail_type", out _)
                ? "it has detail_type, not detail-type: that is the EC2 documentation's template, not an EventBridge event"
                : "detail-type is missing");
        var kind = CapacityBlockEventTypes.KindOf(detailType);
        if (kind is null)
            return Reject($"detail-type '{Clip(detailType)}' is not a Capacity Block event");
        if (Text(root, "source") is var source && source != CapacityBlockEventTypes.Source)
            return Reject($"source '{Clip(source ?? "(none)")}', not {CapacityBlockEventTypes.Source}");
        var account = Text(root, "account");
        if (account != ownAccount)
            return Reject(account is null ? $"account is missing: it cannot be checked against this function's account {ownAccount}" : $"event from account {Clip(account)}, not this function's account {ownAccount}");
        var region = Text(root, "region");
        if (region != ownRegion)
            return Reject(region is null ? $"region is missing: it cannot be checked against this function's Region {ownRegion}" : $"event from Region {Clip(region)}, not this function's Region {ownRegion}");
        if (!root.TryGetProperty("detail", out var detail) || detail.ValueKind != JsonValueKind.Object)
            return Reject("detail is missing or not an object");

        var resources = root.TryGetProperty("resources", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).ToList()
            : [];
        var reservation = Text(detail, "capacity-reservation-id");
        var instance = Text(detail, "instance-id");
        if (kind == CapacityBlockEventKinds.InterruptionWarning)
        {
            if (string.IsNullOrEmpty(instance))
                return Reject("detail.instance-id is missing: the interruption warning names no instance");
        }
        else if (!ReservationIds.IsValid(reservation))
        {
            return Reject(reservation is null ? "detail.capacity-reservation-id is missing" : $"detail.capacity-reservation-id {ReservationIds.Problem(reservation)}");
        }
        var endText = Text(detail, "end-date");
        return new(new CapacityBlockEvent(
            Text(root, "id"), detailType, kind, account, region, Date(Text(root, "time")), resources, reservation, endText, Date(endText),
            instance, Date(Text(detail, "instance-termination-time")), Text(detail, "instance-lifecycle")), null);
    }

    private static CapacityBlockEventParse Reject(string reason) => new(null, reason);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Date(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;

    private static string Clip(string text) => ReservationIds.Clip(text);
}

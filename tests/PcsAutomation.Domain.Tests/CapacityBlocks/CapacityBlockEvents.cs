using System.Text.Json.Nodes;

namespace PcsAutomation.Domain.Tests.CapacityBlocks;

/// <summary>
/// Capacity Block events as EventBridge delivers them: the envelope every event has (version, id, detail-type, source,
/// account, time, region, resources, detail) around the <c>detail</c> and <c>resources</c> of the EC2 page's templates,
/// ../shared/reference/events/ec2-capacity-block-*.docs-template.json (read in place).
/// </summary>
internal static class CapacityBlockEvents
{
    public const string Account = "123456789012";
    public const string Region = "us-east-2";

    public static string TemplatePath(string name) => Path.Combine(SharedEvents.Value, $"ec2-capacity-block-{name}.docs-template.json");

    private static readonly Lazy<string> SharedEvents = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var events = Path.Combine(dir.FullName, "shared", "reference", "events");
            if (Directory.Exists(events))
                return events;
        }
        throw new DirectoryNotFoundException("shared/reference/events not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The template <paramref name="name"/> (delivered, expiration-warning) in a real envelope for <paramref name="reservationId"/>.</summary>
    public static JsonObject Reservation(string name, string detailType, string reservationId, string endDate, string account = Account, string region = Region)
    {
        var template = JsonNode.Parse(File.ReadAllText(TemplatePath(name)))!.AsObject();
        var detail = template["detail"]!.AsObject().DeepClone().AsObject();
        detail["capacity-reservation-id"] = reservationId;
        detail["end-date"] = endDate;
        return Envelope(detailType, template["source"]!.GetValue<string>(), $"arn:aws:ec2:{region}:{account}:capacity-reservation/{reservationId}", detail, account, region);
    }

    /// <summary>The interruption warning of the EC2 page (capacity-blocks-monitor.html) for <paramref name="instanceId"/>.</summary>
    public static JsonObject Interruption(string instanceId, string lifecycle = "capacity-block") =>
        Envelope("EC2 Capacity Reservation Instance Interruption Warning", "aws.ec2", $"arn:aws:ec2:{Region}:{Account}:instance/{instanceId}", new JsonObject
        {
            ["instance-id"] = instanceId,
            ["instance-action"] = "terminate",
            ["instance-termination-time"] = "2026-03-02T11:00:00Z",
            ["availability-zone-id"] = "use2-az1",
            ["instance-lifecycle"] = lifecycle,
        }, Account, Region);

    private static JsonObject Envelope(string detailType, string source, string resource, JsonObject detail, string account, string region) => new()
    {
        ["version"] = "0",
        ["id"] = "7bf73129-1428-4cd3-a780-95db273d1602",
        ["detail-type"] = detailType,
        ["source"] = source,
        ["account"] = account,
        ["time"] = "2026-03-02T10:50:00Z",
        ["region"] = region,
        ["resources"] = new JsonArray(resource),
        ["detail"] = detail,
    };
}

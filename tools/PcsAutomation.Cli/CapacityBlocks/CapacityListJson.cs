using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PcsAutomation.Domain.CapacityBlocks;

namespace PcsAutomation.Cli.CapacityBlocks;

/// <summary>
/// <c>capacity-blocks list --output json</c>, for scripts: <c>now</c>, <c>leadMinutes</c>, <c>blocks[]</c> (soonest end
/// first: <c>reservationId</c>, <c>known</c>, <c>reservationType</c>, <c>instanceType</c>, <c>availabilityZone</c>,
/// <c>instanceCount</c>, <c>state</c>, <c>ultraserverType</c>, <c>startDate</c>, <c>endDate</c>, <c>timeLeftSeconds</c>,
/// <c>expirationWarningAt</c>, <c>terminationAt</c>, <c>deadline</c>, <c>actionStartsAt</c>, <c>leadRaised</c>,
/// <c>planned</c>, <c>noPlan</c>, <c>nodeGroups[]</c> with each one's <c>action</c> and <c>reason</c>, and <c>actedOn</c>
/// (false with <c>leftAlone</c> saying why for a cluster the workflow does not manage), <c>findings[]</c>,
/// <c>notes[]</c>), <c>interruptible[]</c>, and the <c>findings[]</c> and <c>notes[]</c> tied to no listed block.
/// Instants are ISO 8601 UTC to the second; what is unknown is null, never left out.
/// <c>jq -r '.blocks[] | select(.timeLeftSeconds &lt; 7200) | .reservationId'</c> lists the blocks ending within two hours.
/// </summary>
public static class CapacityListJson
{
    // Relaxed escaping: instants keep their "+00:00" and messages their arrows (the output is a document for scripts, never HTML).
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(CapacityListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var json = new JsonObject
        {
            ["now"] = Timestamp(listing.Now),
            ["leadMinutes"] = (int)listing.Lead.TotalMinutes,
            ["blocks"] = Array(listing.Blocks.Select(b => Block(b, listing.Now))),
            ["interruptible"] = Array(listing.Interruptible.Select(u => (JsonNode)new JsonObject
            {
                ["clusterId"] = u.ClusterId,
                ["clusterName"] = u.ClusterName,
                ["nodeGroupId"] = u.NodeGroupId,
                ["nodeGroupName"] = u.NodeGroupName,
                ["reservationId"] = u.ReservationId,
            })),
            ["findings"] = Findings(listing.OtherFindings),
            ["notes"] = Findings(listing.OtherNotes),
        };
        return json.ToJsonString(Indented);
    }

    private static JsonObject Block(ListedBlock block, DateTimeOffset now)
    {
        var reservation = block.Reservation;
        var timing = block.Timing;
        return new JsonObject
        {
            ["reservationId"] = block.ReservationId,
            ["known"] = reservation is not null,
            ["reservationType"] = reservation?.ReservationType,
            ["instanceType"] = reservation?.InstanceType,
            ["availabilityZone"] = reservation?.AvailabilityZone,
            ["instanceCount"] = reservation?.TotalInstanceCount,
            ["state"] = reservation?.State,
            ["ultraserverType"] = reservation?.UltraserverType,
            ["startDate"] = Timestamp(reservation?.StartDate),
            ["endDate"] = Timestamp(reservation?.EndDate),
            ["timeLeftSeconds"] = block.TimeLeft(now) is { } left ? (long)left.TotalSeconds : null,
            ["expirationWarningAt"] = Timestamp(timing?.ExpirationWarningAt),
            ["terminationAt"] = Timestamp(timing?.TerminationAt),
            ["deadline"] = Timestamp(block.Plan?.Timing.Deadline),
            ["actionStartsAt"] = Timestamp(block.Plan?.Timing.ActionStartsAt),
            ["leadRaised"] = block.Plan?.Timing.LeadRaised(),
            ["planned"] = block.Plan is not null,
            ["noPlan"] = block.NoPlan,
            ["nodeGroups"] = Array(block.Groups.Select(g => (JsonNode)Group(g))),
            ["findings"] = Findings(block.Findings),
            ["notes"] = Findings(block.Notes),
        };
    }

    private static JsonObject Group(ListedGroup group)
    {
        var use = group.Use;
        var action = group.Action;
        return new JsonObject
        {
            ["clusterId"] = use.ClusterId,
            ["clusterName"] = use.ClusterName,
            ["nodeGroupId"] = use.NodeGroupId,
            ["nodeGroupName"] = use.NodeGroupName,
            ["kind"] = use.Kind,
            ["sources"] = Strings(use.Sources),
            ["minInstanceCount"] = use.MinInstanceCount,
            ["maxInstanceCount"] = use.MaxInstanceCount,
            ["actedOn"] = action is not null && group.LeftAlone is null,
            ["leftAlone"] = group.LeftAlone,
            ["action"] = action?.Action,
            ["reason"] = action?.Reason,
            ["successorReservationId"] = action?.SuccessorReservationId,
            ["replacementNodeGroupId"] = action?.ReplacementNodeGroupId,
            ["replacementNodeGroupName"] = action?.ReplacementNodeGroupName,
            ["remaining"] = Strings(action?.Remaining ?? []),
            ["done"] = Strings(action?.Done ?? []),
        };
    }

    /// <summary>Findings and notes: <c>code</c>, <c>source</c>, <c>message</c>, <c>clusterId</c>, <c>nodeGroupId</c>, <c>reservationId</c>, <c>queueId</c>, <c>needsOperator</c>.</summary>
    public static JsonArray Findings(IEnumerable<CapacityFinding> findings) => Array(findings.Select(f => (JsonNode)new JsonObject
    {
        ["code"] = f.Code,
        ["source"] = f.Source,
        ["message"] = f.Message,
        ["clusterId"] = f.ClusterId,
        ["nodeGroupId"] = f.NodeGroupId,
        ["reservationId"] = f.ReservationId,
        ["queueId"] = f.QueueId,
        ["needsOperator"] = f.NeedsOperator,
    }));

    public static string? Timestamp(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonArray Strings(IEnumerable<string> values) => Array(values.Select(v => (JsonNode)JsonValue.Create(v)));

    private static JsonArray Array(IEnumerable<JsonNode> nodes) => new([.. nodes]);
}

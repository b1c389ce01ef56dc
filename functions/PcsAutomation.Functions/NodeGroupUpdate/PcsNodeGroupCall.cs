using System.Text.Json;
using PcsAutomation.Lambda.Events;

namespace PcsAutomation.Functions.NodeGroupUpdate;

/// <summary>
/// The parts of a CloudTrail record of CreateComputeNodeGroup or UpdateComputeNodeGroup (guide L10748) the AMI audit
/// reads, as the "AWS API Call via CloudTrail" event carries it
/// (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail.html). Request members follow
/// the API model (../shared/reference/botocore/pcs.service-2.json: clusterIdentifier, computeNodeGroupIdentifier or
/// computeNodeGroupName, amiId, customLaunchTemplate {id, version}, clientToken); the response carries the group
/// (<c>computeNodeGroup</c> with id and clusterId).
/// </summary>
/// <param name="SetsImage">The call names an image: a create (every group gets one), or an update with amiId or customLaunchTemplate. Scaling-only updates (a rotation's scale-down and restore) do not.</param>
internal sealed record PcsNodeGroupCall(
    string EventName,
    string ClusterIdentifier,
    string NodeGroupIdentifier,
    bool SetsImage,
    string? AmiId,
    string? ClientToken,
    string? ErrorCode,
    string? EventId,
    string? EventTime,
    string? Caller)
{
    public const string CreateComputeNodeGroup = "CreateComputeNodeGroup";
    public const string UpdateComputeNodeGroup = "UpdateComputeNodeGroup";
    public const string EventSource = "pcs.amazonaws.com";

    /// <summary>
    /// The call, or null with why the event is not one the audit reads (another service or operation). A record the
    /// audit should read but cannot (no cluster, no group, a member of the wrong type) throws <see cref="InvalidCloudTrailEvent"/>
    /// naming the member.
    /// </summary>
    public static (PcsNodeGroupCall? Call, string? NotAudited) Read(CloudWatchEvent<CloudTrailDetail> envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var detail = envelope.Detail ?? throw new InvalidCloudTrailEvent("the event has no detail (the CloudTrail record).");
        if (detail.EventSource != EventSource || detail.EventName is not (CreateComputeNodeGroup or UpdateComputeNodeGroup))
            return (null, $"not a PCS {CreateComputeNodeGroup} or {UpdateComputeNodeGroup} call (eventSource {detail.EventSource ?? "(none)"}, eventName {detail.EventName ?? "(none)"})");

        var request = Object(detail.RequestParameters, "detail.requestParameters");
        var response = Object(detail.ResponseElements, "detail.responseElements");
        var group = response is { } r ? Object(Member(r, "computeNodeGroup"), "detail.responseElements.computeNodeGroup") : null;
        if (request is null && detail.ErrorCode is null)
            throw new InvalidCloudTrailEvent($"{detail.EventName}: detail.requestParameters is missing, so the call's cluster and node group are unknown.");

        var cluster = FirstText(("detail.requestParameters.clusterIdentifier", request, "clusterIdentifier"), ("detail.responseElements.computeNodeGroup.clusterId", group, "clusterId"));
        // The guide's own CloudTrail sample (L10800-10815) calls a node group id "computeNodeId" where the API says
        // computeNodeGroupId: both are read, after the members the API model names.
        var nodeGroup = FirstText(
            ("detail.requestParameters.computeNodeGroupIdentifier", request, "computeNodeGroupIdentifier"),
            ("detail.responseElements.computeNodeGroup.id", group, "id"),
            ("detail.requestParameters.computeNodeGroupId", request, "computeNodeGroupId"),
            ("detail.requestParameters.computeNodeId", request, "computeNodeId"),
            ("detail.responseElements.computeNodeGroup.computeNodeId", group, "computeNodeId"),
            ("detail.requestParameters.computeNodeGroupName", request, "computeNodeGroupName"));
        if (detail.ErrorCode is null && cluster is null)
            throw new InvalidCloudTrailEvent($"{detail.EventName}: names no cluster (detail.requestParameters.clusterIdentifier, detail.responseElements.computeNodeGroup.clusterId).");
        if (detail.ErrorCode is null && nodeGroup is null)
            throw new InvalidCloudTrailEvent(
                $"{detail.EventName}: names no node group (detail.requestParameters.computeNodeGroupIdentifier, computeNodeGroupId, computeNodeId or computeNodeGroupName, detail.responseElements.computeNodeGroup.id).");

        var amiId = FirstText(("detail.requestParameters.amiId", request, "amiId"));
        var template = request is { } q ? Object(Member(q, "customLaunchTemplate"), "detail.requestParameters.customLaunchTemplate") : null;
        var setsImage = detail.EventName == CreateComputeNodeGroup || amiId is not null || template is not null;
        return (new PcsNodeGroupCall(
            detail.EventName, cluster ?? "", nodeGroup ?? "", setsImage, amiId,
            FirstText(("detail.requestParameters.clientToken", request, "clientToken")),
            detail.ErrorCode, detail.EventId, detail.EventTime?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            detail.UserIdentity?.Arn ?? detail.UserIdentity?.InvokedBy ?? detail.UserIdentity?.PrincipalId), null);
    }

    private static JsonElement? Member(JsonElement obj, string name) => obj.TryGetProperty(name, out var value) ? value : null;

    /// <summary>The object, null when absent or JSON null; anything else is malformed.</summary>
    private static JsonElement? Object(JsonElement? element, string path) => element switch
    {
        null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { ValueKind: JsonValueKind.Object } => element,
        _ => throw new InvalidCloudTrailEvent($"{path} is a JSON {element.Value.ValueKind.ToString().ToLowerInvariant()}, not an object."),
    };

    /// <summary>The first of the members present: a non-empty string; a member of another type is malformed.</summary>
    private static string? FirstText(params (string Path, JsonElement? Parent, string Name)[] candidates)
    {
        foreach (var (path, parent, name) in candidates)
        {
            if (parent is not { } obj || Member(obj, name) is not { } value || value.ValueKind == JsonValueKind.Null)
                continue;
            if (value.ValueKind != JsonValueKind.String)
                throw new InvalidCloudTrailEvent($"{path} is a JSON {value.ValueKind.ToString().ToLowerInvariant()}, not a string.");
            if (value.GetString() is { Length: > 0 } text)
                return text;
        }
        return null;
    }
}

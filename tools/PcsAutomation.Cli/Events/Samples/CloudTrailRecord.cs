using System.Text.Json.Nodes;

namespace PcsAutomation.Cli.Events.Samples;

/// <summary>
/// The CloudTrail record EventBridge carries as <c>detail</c>, in the order and with the members of the reference samples
/// (../shared/reference/events/secretsmanager-rotation-succeeded.via-cloudtrail.json for a service event,
/// aws-api-call-via-cloudtrail.s3-createbucket.json for an API call).
/// </summary>
internal static class CloudTrailRecord
{
    public static JsonObject Create(
        SampleContext context, string kind, string eventVersion, JsonObject userIdentity, string eventSource, string eventName, (string SourceIp, string UserAgent) caller,
        JsonNode? requestParameters, JsonNode? responseElements, string eventType, JsonObject? additionalEventData = null, string? requestId = null)
    {
        var detail = new JsonObject
        {
            ["eventVersion"] = eventVersion,
            ["userIdentity"] = userIdentity,
            ["eventTime"] = SampleContext.Timestamp(context.Time),
            ["eventSource"] = eventSource,
            ["eventName"] = eventName,
            ["awsRegion"] = context.Region,
            ["sourceIPAddress"] = caller.SourceIp,
            ["userAgent"] = caller.UserAgent,
            ["requestParameters"] = requestParameters,
            ["responseElements"] = responseElements,
        };
        if (additionalEventData is not null) detail["additionalEventData"] = additionalEventData;
        detail["requestID"] = requestId ?? context.Uuid(kind + "-request");
        detail["eventID"] = context.Uuid(kind + "-event");
        detail["readOnly"] = false;
        detail["eventType"] = eventType;
        detail["managementEvent"] = true;
        detail["recipientAccountId"] = context.Account;
        detail["eventCategory"] = "Management";
        return detail;
    }
}

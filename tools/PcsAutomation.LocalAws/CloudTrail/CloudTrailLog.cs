using System.Globalization;
using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.CloudTrail;

/// <summary>
/// The account's CloudTrail management events, already in the EventBridge envelope ("AWS API Call via
/// CloudTrail" and "AWS Service Event via CloudTrail", see shared/reference/events/). The EventBridge bus
/// subscribes to <see cref="Recorded"/>; tests read <see cref="Events"/>.
/// </summary>
public sealed class CloudTrailLog(string accountId, string region, TimeProvider clock, IdGenerator ids)
{
    public const string ApiCallDetailType = "AWS API Call via CloudTrail";
    public const string ServiceEventDetailType = "AWS Service Event via CloudTrail";

    private readonly List<JsonObject> events = [];
    private readonly Lock gate = new();

    /// <summary>Raised for each new event (a deep copy, so handlers cannot change the log).</summary>
    public event Action<JsonObject>? Recorded;

    public IReadOnlyList<JsonObject> Events
    {
        get { lock (gate) return events.Select(e => (JsonObject)e.DeepClone()).ToList(); }
    }

    /// <summary>Records a mutating API call. <paramref name="requestParameters"/> must already be free of secret values.</summary>
    public JsonObject RecordApiCall(ApiCallRecord call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var detail = new JsonObject
        {
            ["eventVersion"] = "1.09",
            ["userIdentity"] = UserIdentity(call.AccessKeyId),
            ["eventTime"] = Timestamp(),
            ["eventSource"] = call.EventSource,
            ["eventName"] = call.EventName,
            ["awsRegion"] = region,
            ["sourceIPAddress"] = call.SourceIpAddress ?? "127.0.0.1",
            ["userAgent"] = call.UserAgent ?? "",
            ["requestParameters"] = call.RequestParameters?.DeepClone(),
            ["responseElements"] = call.ResponseElements?.DeepClone(),
            ["requestID"] = call.RequestId,
            ["eventID"] = ids.Uuid(),
            ["readOnly"] = false,
            ["eventType"] = "AwsApiCall",
            ["managementEvent"] = true,
            ["recipientAccountId"] = accountId,
            ["eventCategory"] = "Management",
        };
        if (call.ErrorCode is not null)
        {
            detail["errorCode"] = call.ErrorCode;
            detail["errorMessage"] = call.ErrorMessage;
        }
        return Append(Envelope(ApiCallDetailType, call.Source, detail));
    }

    /// <summary>Records a service event such as Secrets Manager's RotationStarted/RotationSucceeded/RotationFailed.</summary>
    public JsonObject RecordServiceEvent(string source, string eventSource, string eventName, JsonObject additionalEventData, string? errorMessage = null)
    {
        ArgumentNullException.ThrowIfNull(additionalEventData);
        var detail = new JsonObject
        {
            ["eventVersion"] = "1.08",
            ["userIdentity"] = new JsonObject { ["accountId"] = accountId, ["invokedBy"] = eventSource },
            ["eventTime"] = Timestamp(),
            ["eventSource"] = eventSource,
            ["eventName"] = eventName,
            ["awsRegion"] = region,
            ["sourceIPAddress"] = eventSource,
            ["userAgent"] = eventSource,
            ["requestParameters"] = null,
            ["responseElements"] = null,
            ["additionalEventData"] = additionalEventData.DeepClone(),
            ["requestID"] = ids.Uuid(),
            ["eventID"] = ids.Uuid(),
            ["readOnly"] = false,
            ["eventType"] = "AwsServiceEvent",
            ["managementEvent"] = true,
            ["recipientAccountId"] = accountId,
            ["eventCategory"] = "Management",
        };
        if (errorMessage is not null) detail["errorMessage"] = errorMessage;
        return Append(Envelope(ServiceEventDetailType, source, detail));
    }

    private JsonObject Envelope(string detailType, string source, JsonObject detail) => new()
    {
        ["version"] = "0",
        ["id"] = ids.Uuid(),
        ["detail-type"] = detailType,
        ["source"] = source,
        ["account"] = accountId,
        ["time"] = Timestamp(),
        ["region"] = region,
        ["resources"] = new JsonArray(),
        ["detail"] = detail,
    };

    private JsonObject UserIdentity(string? accessKeyId) => new()
    {
        ["type"] = "IAMUser",
        ["principalId"] = accessKeyId ?? "ANONYMOUS",
        ["arn"] = $"arn:aws:iam::{accountId}:user/local",
        ["accountId"] = accountId,
        ["accessKeyId"] = accessKeyId,
        ["userName"] = "local",
    };

    private string Timestamp() =>
        clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private JsonObject Append(JsonObject envelope)
    {
        lock (gate) events.Add(envelope);
        Recorded?.Invoke((JsonObject)envelope.DeepClone());
        return envelope;
    }
}

/// <summary>What a CloudTrail API-call record needs from the HTTP layer and the service.</summary>
public sealed record ApiCallRecord(
    string Source,
    string EventSource,
    string EventName,
    JsonObject? RequestParameters,
    JsonNode? ResponseElements,
    string RequestId,
    string? AccessKeyId,
    string? UserAgent = null,
    string? SourceIpAddress = null,
    string? ErrorCode = null,
    string? ErrorMessage = null);

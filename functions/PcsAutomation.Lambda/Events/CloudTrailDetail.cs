using System.Text.Json;
using System.Text.Json.Serialization;

namespace PcsAutomation.Lambda.Events;

/// <summary>
/// The <c>detail</c> of "AWS API Call via CloudTrail" and "AWS Service Event via CloudTrail" events (CloudTrail record
/// format). Service-specific parts stay <see cref="JsonElement"/>: each handler reads the few members it needs,
/// e.g. Secrets Manager's <c>additionalEventData.SecretId</c> on <c>RotationSucceeded</c>.
/// </summary>
public sealed record CloudTrailDetail
{
    [JsonPropertyName("eventVersion")] public string? EventVersion { get; init; }
    [JsonPropertyName("userIdentity")] public CloudTrailUserIdentity? UserIdentity { get; init; }
    [JsonPropertyName("eventTime")] public DateTimeOffset? EventTime { get; init; }
    [JsonPropertyName("eventSource")] public string? EventSource { get; init; }
    [JsonPropertyName("eventName")] public string? EventName { get; init; }
    [JsonPropertyName("awsRegion")] public string? AwsRegion { get; init; }
    [JsonPropertyName("sourceIPAddress")] public string? SourceIPAddress { get; init; }
    [JsonPropertyName("userAgent")] public string? UserAgent { get; init; }
    [JsonPropertyName("requestParameters")] public JsonElement? RequestParameters { get; init; }
    [JsonPropertyName("responseElements")] public JsonElement? ResponseElements { get; init; }
    [JsonPropertyName("additionalEventData")] public JsonElement? AdditionalEventData { get; init; }
    [JsonPropertyName("serviceEventDetails")] public JsonElement? ServiceEventDetails { get; init; }
    [JsonPropertyName("errorCode")] public string? ErrorCode { get; init; }
    [JsonPropertyName("errorMessage")] public string? ErrorMessage { get; init; }
    [JsonPropertyName("requestID")] public string? RequestId { get; init; }
    [JsonPropertyName("eventID")] public string? EventId { get; init; }
    [JsonPropertyName("readOnly")] public bool? ReadOnly { get; init; }
    [JsonPropertyName("eventType")] public string? EventType { get; init; }
    [JsonPropertyName("managementEvent")] public bool? ManagementEvent { get; init; }
    [JsonPropertyName("recipientAccountId")] public string? RecipientAccountId { get; init; }
    [JsonPropertyName("eventCategory")] public string? EventCategory { get; init; }
}

/// <summary>Who made the call (<c>userIdentity</c>); for service events, <see cref="InvokedBy"/> names the service.</summary>
public sealed record CloudTrailUserIdentity
{
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("principalId")] public string? PrincipalId { get; init; }
    [JsonPropertyName("arn")] public string? Arn { get; init; }
    [JsonPropertyName("accountId")] public string? AccountId { get; init; }
    [JsonPropertyName("userName")] public string? UserName { get; init; }
    [JsonPropertyName("invokedBy")] public string? InvokedBy { get; init; }
    [JsonPropertyName("sessionContext")] public JsonElement? SessionContext { get; init; }
}

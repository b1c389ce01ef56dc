using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.Host;

/// <summary>
/// How the HTTP layer reaches one awsJson service: the <c>X-Amz-Target</c> prefix, the SigV4 signing name,
/// the JSON version, and the service object's <c>Invoke(operation, request)</c>.
/// </summary>
/// <param name="TargetPrefix">Before the dot of <c>X-Amz-Target</c>, e.g. "AWSParallelComputingService".</param>
/// <param name="SigningName">The service in the SigV4 credential scope, e.g. "pcs".</param>
/// <param name="JsonVersion">"1.0" or "1.1".</param>
/// <param name="EventSource">CloudTrail's <c>eventSource</c>, e.g. "pcs.amazonaws.com".</param>
/// <param name="Invoke">The service; throws <see cref="AwsServiceException"/> for modelled errors.</param>
public sealed record JsonServiceRegistration(
    string TargetPrefix,
    string SigningName,
    string JsonVersion,
    string EventSource,
    Func<string, JsonObject, JsonNode> Invoke)
{
    /// <summary>The EventBridge <c>source</c> of this service's CloudTrail events, e.g. "aws.pcs".</summary>
    public string EventBridgeSource => "aws." + EventSource.Split('.')[0];

    /// <summary>Member name of the error message: "message" (PCS, Step Functions) or "Message" (Secrets Manager).</summary>
    public string MessageMember { get; init; } = "message";

    /// <summary>Error for injected throttling; PCS models ThrottlingException as HTTP 429.</summary>
    public int ThrottlingStatus { get; init; } = 400;

    /// <summary>Error code for injected 5xx faults (PCS InternalServerException, Secrets Manager InternalServiceError).</summary>
    public string InternalErrorCode { get; init; } = "InternalFailure";

    /// <summary>Request members CloudTrail never shows (secret values).</summary>
    public IReadOnlySet<string> SensitiveMembers { get; init; } = new HashSet<string>();

    /// <summary>Read-only operations (not recorded as CloudTrail management write events).</summary>
    public Func<string, bool> IsReadOnly { get; init; } = DefaultIsReadOnly;

    /// <summary>How CloudTrail spells this service's request and response members (SNS: camelCase, where the wire
    /// protocol is PascalCase); identity by default.</summary>
    public Func<JsonNode?, JsonNode?> CloudTrailMembers { get; init; } = node => node;

    public string ContentType => $"application/x-amz-json-{JsonVersion}";

    public static bool DefaultIsReadOnly(string operation) =>
        operation.StartsWith("Get", StringComparison.Ordinal) || operation.StartsWith("List", StringComparison.Ordinal) ||
        operation.StartsWith("Describe", StringComparison.Ordinal) || operation.StartsWith("BatchGet", StringComparison.Ordinal) ||
        operation.StartsWith("Test", StringComparison.Ordinal) || operation is "Query" or "Scan";
}

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

    /// <summary>
    /// The member of the throttling error that says when to retry, in whole seconds: PCS's ThrottlingException has
    /// <c>retryAfterSeconds</c> ("The number of seconds to wait before retrying the request",
    /// ../shared/reference/botocore/pcs.service-2.json). Null: the service's error has none.
    /// </summary>
    public string? RetryAfterMember { get; init; }

    /// <summary>Error code for injected 5xx faults (PCS InternalServerException, Secrets Manager InternalServiceError).</summary>
    public string InternalErrorCode { get; init; } = "InternalFailure";

    /// <summary>Request members CloudTrail never shows (secret values).</summary>
    public IReadOnlySet<string> SensitiveMembers { get; init; } = new HashSet<string>();

    /// <summary>Read-only operations (not recorded as CloudTrail management write events).</summary>
    public Func<string, bool> IsReadOnly { get; init; } = DefaultIsReadOnly;

    /// <summary>How CloudTrail spells this service's request and response members (SNS: camelCase, where the wire
    /// protocol is PascalCase); identity by default.</summary>
    public Func<JsonNode?, JsonNode?> CloudTrailMembers { get; init; } = node => node;

    /// <summary>
    /// The service's throttling error: <c>ThrottlingException</c> with <see cref="ThrottlingStatus"/> (EC2's query
    /// endpoint renders it as <c>RequestLimitExceeded</c>), and <see cref="RetryAfterMember"/> rounded up to a whole
    /// second (at least 1) when the wait is known.
    /// </summary>
    public AwsServiceException Throttling(TimeSpan? retryAfter) => new("ThrottlingException", "Rate exceeded", ThrottlingStatus)
    {
        Members = RetryAfterMember is { } member && retryAfter is { } wait
            ? new JsonObject { [member] = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) }
            : null,
    };

    public string ContentType => $"application/x-amz-json-{JsonVersion}";

    public static bool DefaultIsReadOnly(string operation) =>
        operation.StartsWith("Get", StringComparison.Ordinal) || operation.StartsWith("List", StringComparison.Ordinal) ||
        operation.StartsWith("Describe", StringComparison.Ordinal) || operation.StartsWith("BatchGet", StringComparison.Ordinal) ||
        operation.StartsWith("Test", StringComparison.Ordinal) || operation is "Query" or "Scan";
}

using System.Net;

namespace PcsAutomation.Aws.Runtime;

/// <summary>Which failures the AWS SDKs' standard retry mode retries (and nothing else: never a validation error).</summary>
internal static class AwsRetryClassifier
{
    /// <summary>The SDKs' throttling error codes.</summary>
    public static readonly IReadOnlySet<string> ThrottlingCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    };

    /// <summary>The SDKs' transient error codes.</summary>
    public static readonly IReadOnlySet<string> TransientCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalError",
    };

    /// <summary>The SDKs' transient HTTP statuses.</summary>
    public static readonly IReadOnlySet<HttpStatusCode> TransientStatuses = new HashSet<HttpStatusCode>
    {
        HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout,
    };

    public static bool IsRetryable(AwsErrorResponse error) =>
        ThrottlingCodes.Contains(error.Code) || TransientCodes.Contains(error.Code) || TransientStatuses.Contains(error.StatusCode);
}

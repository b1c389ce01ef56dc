using Amazon.Runtime;

namespace PcsAutomation.Aws.Runtime;

/// <summary>
/// Whether a failure that reached the caller (after the client's own retries) is still worth retrying later, by the
/// same rules the clients retry with (<see cref="AwsRetryClassifier"/>): throttling, transient codes, 5xx, timeouts and
/// network failures. A validation, conflict or not-found error is never transient.
/// </summary>
public static class AwsTransientFailures
{
    /// <summary>True for a throttled, 5xx or timed-out call, from our JSON clients or the AWS SDK's.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        AmazonServiceException service => IsTransientCode(service.ErrorCode) || AwsRetryClassifier.TransientStatuses.Contains(service.StatusCode),
        TimeoutException or HttpRequestException => true,
        // HttpClient reports its timeout as a cancellation wrapping a TimeoutException.
        TaskCanceledException { InnerException: TimeoutException } => true,
        // The AWS SDK reports a network failure or its own per-request timeout this way.
        AmazonClientException { InnerException: { } inner } => IsTransient(inner),
        _ => false,
    };

    private static bool IsTransientCode(string? code) =>
        code is not null && (AwsRetryClassifier.ThrottlingCodes.Contains(code) || AwsRetryClassifier.TransientCodes.Contains(code));
}

using System.Net;
using Amazon.Runtime;
using PcsAutomation.Aws.PCS;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Aws.Runtime;
using PcsAutomation.Aws.SecretsManager;
using PcsAutomation.Aws.SecretsManager.Model;
using PcsAutomation.Aws.StepFunctions;
using PcsAutomation.Aws.StepFunctions.Model;

namespace PcsAutomation.Functions.Rotation;

/// <summary>
/// The secret-rotation handlers' AWS access: clients built from the process's one <see cref="AwsClientFactory"/>,
/// and the rule that turns a failure still transient after the client's own retries into <see cref="TransientAwsError"/>
/// (the state machine retries that name; every other error surfaces as its own type).
/// </summary>
internal static class SecretRotationAws
{
    // The SDKs' standard-mode throttling and transient codes (AwsRetryClassifier's lists): what is worth a later retry.
    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "RequestThrottled", "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalServerError", "InternalServerException",
        "InternalServiceError", "InternalFailure", "ServiceUnavailable",
    };

    public static IAmazonPCS CreatePcs(AwsClientFactory aws) =>
        new AmazonPCSClient(aws.CreateJsonInvoker(AmazonPCSClient.ServiceMetadata, AmazonPCSException.FromErrorResponse));

    public static IAmazonSecretsManager CreateSecretsManager(AwsClientFactory aws) =>
        new AmazonSecretsManagerClient(aws.CreateJsonInvoker(AmazonSecretsManagerClient.ServiceMetadata, AmazonSecretsManagerException.FromErrorResponse));

    public static IAmazonStepFunctions CreateStepFunctions(AwsClientFactory aws) =>
        new AmazonStepFunctionsClient(aws.CreateJsonInvoker(AmazonStepFunctionsClient.ServiceMetadata, AmazonStepFunctionsException.FromErrorResponse));

    /// <summary>Runs one AWS call; a transient failure becomes <see cref="TransientAwsError"/> naming the operation, code and resource.</summary>
    public static async Task<T> Call<T>(string operation, string resourceId, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (TransientCode(e) is { } code)
        {
            throw new TransientAwsError($"{operation} on {resourceId} failed transiently ({code}); the step can be retried.", e);
        }
    }

    /// <summary>The error code when <paramref name="error"/> is worth retrying later, else null.</summary>
    public static string? TransientCode(Exception error) => error switch
    {
        AmazonServiceException service when TransientCodes.Contains(service.ErrorCode ?? "") => service.ErrorCode,
        AmazonServiceException service when (int)service.StatusCode >= 500 || service.StatusCode == HttpStatusCode.TooManyRequests =>
            service.ErrorCode is { Length: > 0 } code ? code : ((int)service.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        HttpRequestException => "HttpRequestException",
        TimeoutException => "Timeout",
        TaskCanceledException { InnerException: TimeoutException } => "Timeout",
        _ => null,
    };
}

using Amazon.Runtime;
using PcsAutomation.Aws.Runtime;

namespace PcsAutomation.Functions.Workflows;

/// <summary>
/// Runs one AWS call of a rotation step and turns a failure that is still transient after the client's own retries
/// into <see cref="TransientAwsError"/>, which the state machine retries with backoff. Every other failure (conflict,
/// validation, not found) surfaces as it is, for the ASL to branch on.
/// </summary>
internal static class AwsCalls
{
    /// <param name="operation">e.g. "PCS.UpdateComputeNodeGroup": names the call in the error.</param>
    /// <param name="resource">The id the call is about (cluster, node group, table): never a secret.</param>
    public static async Task<T> RunAsync<T>(string operation, string resource, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && AwsTransientFailures.IsTransient(e))
        {
            throw new TransientAwsError($"{operation} on {resource} failed transiently: {Describe(e)}", e);
        }
    }

    // The code and status only: a service message may quote request parameters.
    private static string Describe(Exception e) => e switch
    {
        AmazonServiceException service => $"{service.ErrorCode ?? "no error code"} (HTTP {(int)service.StatusCode})",
        _ => e.GetType().Name,
    };
}

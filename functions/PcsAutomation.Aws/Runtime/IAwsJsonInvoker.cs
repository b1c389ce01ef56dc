using System.Text.Json.Serialization.Metadata;

namespace PcsAutomation.Aws.Runtime;

/// <summary>
/// Sends one JSON-protocol operation (<c>POST /</c>, <c>X-Amz-Target</c>), signed, with retries, and returns the
/// deserialized response or throws the service's typed exception (built by the client's error factory).
/// Typed clients (<c>AmazonPCSClient</c>, ...) are thin wrappers over this; tests substitute a recording fake.
/// </summary>
public interface IAwsJsonInvoker
{
    Task<TResponse> InvokeAsync<TRequest, TResponse>(
        string operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestInfo,
        JsonTypeInfo<TResponse> responseInfo,
        CancellationToken cancellationToken = default);
}

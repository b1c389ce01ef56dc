namespace PcsAutomation.Lambda.Client;

/// <summary>
/// The Lambda Runtime API (version 2018-06-01), one method per endpoint. The loop talks only to this, so a test can
/// drive one invocation against a fake server or a recording fake.
/// </summary>
public interface IRuntimeApiClient
{
    /// <summary><c>GET /runtime/invocation/next</c>: blocks until Lambda hands over the next event.</summary>
    Task<InvocationRequest> GetNextInvocationAsync(CancellationToken cancellationToken = default);

    /// <summary><c>POST /runtime/invocation/{awsRequestId}/response</c>: the handler's JSON result.</summary>
    Task SendResponseAsync(string awsRequestId, ReadOnlyMemory<byte> response, CancellationToken cancellationToken = default);

    /// <summary><c>POST /runtime/invocation/{awsRequestId}/error</c> with <c>Lambda-Runtime-Function-Error-Type</c>.</summary>
    Task ReportInvocationErrorAsync(string awsRequestId, LambdaError lambdaError, CancellationToken cancellationToken = default);

    /// <summary><c>POST /runtime/init/error</c>: the function could not start; Lambda fails the invocation with this error.</summary>
    Task ReportInitializationErrorAsync(LambdaError lambdaError, CancellationToken cancellationToken = default);
}

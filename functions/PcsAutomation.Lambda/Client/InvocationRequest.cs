namespace PcsAutomation.Lambda.Client;

/// <summary>One event handed over by <c>/runtime/invocation/next</c>: its body and the <c>Lambda-Runtime-*</c> headers.</summary>
/// <param name="AwsRequestId"><c>Lambda-Runtime-Aws-Request-Id</c>.</param>
/// <param name="Deadline"><c>Lambda-Runtime-Deadline-Ms</c> (Unix milliseconds) as an instant.</param>
/// <param name="InvokedFunctionArn"><c>Lambda-Runtime-Invoked-Function-Arn</c>.</param>
/// <param name="TraceId"><c>Lambda-Runtime-Trace-Id</c> (X-Ray), when tracing is on.</param>
/// <param name="Payload">The event, as the caller sent it (JSON).</param>
public sealed record InvocationRequest(
    string AwsRequestId,
    DateTimeOffset Deadline,
    string InvokedFunctionArn,
    string? TraceId,
    ReadOnlyMemory<byte> Payload);

using System.Net;
using Amazon.Runtime;

namespace PcsAutomation.Aws.Runtime;

/// <summary>What a service answered when a call failed, before it becomes a typed exception.</summary>
/// <param name="Code">The error code without namespace: <c>__type</c> or <c>x-amzn-ErrorType</c>, e.g. "ConflictException".</param>
/// <param name="Message">The <c>message</c> / <c>Message</c> member, or empty.</param>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="RequestId">The <c>x-amzn-RequestId</c> header, when present.</param>
/// <param name="Body">The raw JSON body, for errors with extra members (e.g. <c>resourceId</c>).</param>
public sealed record AwsErrorResponse(string Code, string Message, HttpStatusCode StatusCode, string? RequestId, string Body)
{
    /// <summary>The error as a plain <see cref="AmazonServiceException"/>: what an error factory returns for a code it does not model.</summary>
    public AmazonServiceException ToServiceException() =>
        new(Message.Length > 0 ? Message : Code, (int)StatusCode >= 500 ? ErrorType.Receiver : ErrorType.Sender, Code, RequestId, StatusCode);
}

/// <summary>Turns an error response into the service's typed exception (a subclass of <see cref="Amazon.Runtime.AmazonServiceException"/>).</summary>
public delegate Amazon.Runtime.AmazonServiceException AwsErrorFactory(AwsErrorResponse error);

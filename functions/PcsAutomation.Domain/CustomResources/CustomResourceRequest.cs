using System.Text.Json;

namespace PcsAutomation.Domain.CustomResources;

/// <summary>
/// The stack operation behind a request: <c>Create</c>, <c>Update</c> or <c>Delete</c> (custom resource request objects,
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html, and request types,
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requesttypes.html).
/// </summary>
public enum CustomResourceRequestType
{
    Create,
    Update,
    Delete,
}

/// <summary>
/// A CloudFormation custom resource request as it arrived, read defensively (<see cref="CustomResourceRequestParser"/>):
/// a field that is missing or not a string is null here and named in <see cref="Problems"/>, so that a malformed request
/// can still be answered FAILED when it carries a usable <see cref="ResponseUrl"/>. Fields and their meaning:
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html.
/// </summary>
/// <param name="RequestType">Null when missing or not one of Create, Update, Delete (<see cref="RawRequestType"/> has the text).</param>
/// <param name="ResponseUrl">The pre-signed S3 URL the response is PUT to; null when missing or not an absolute http(s) URL.</param>
/// <param name="PhysicalResourceId">What the provider answered before: sent with Update and Delete only.</param>
/// <param name="ResourceProperties">The template's properties, verbatim, <c>ServiceToken</c> included; null when absent.</param>
/// <param name="OldResourceProperties">The properties before the change: Update only.</param>
/// <param name="Problems">What is wrong with the envelope, each naming its field; empty when the request is well formed.</param>
public sealed record CustomResourceRequest(
    CustomResourceRequestType? RequestType,
    string? RawRequestType,
    Uri? ResponseUrl,
    string? StackId,
    string? RequestId,
    string? ResourceType,
    string? LogicalResourceId,
    string? PhysicalResourceId,
    IReadOnlyDictionary<string, JsonElement>? ResourceProperties,
    IReadOnlyDictionary<string, JsonElement>? OldResourceProperties,
    IReadOnlyList<string> Problems)
{
    /// <summary>A response can be sent: CloudFormation gave a usable URL. Without one the request cannot be answered at all.</summary>
    public bool CanBeAnswered => ResponseUrl is not null;

    /// <summary>
    /// The response URL without its query (the pre-signed URL's signature and credentials live there, and never reach a
    /// log): scheme, host, port and path.
    /// </summary>
    public string? ResponseUrlForLogs => ResponseUrl?.GetLeftPart(UriPartial.Path);
}

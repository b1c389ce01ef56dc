using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws;

/// <summary>An error an emulated service answers with, in the real service's shape (<c>__type</c> and HTTP status).</summary>
/// <param name="code">The error code, e.g. "ConflictException", "ValidationException".</param>
/// <param name="message">The message the real service would give.</param>
/// <param name="statusCode">The HTTP status (400 for client errors, 404, 409, 429, 500...).</param>
public sealed class AwsServiceException(string code, string message, int statusCode = 400) : Exception(message)
{
    public string Code { get; } = code;
    public int StatusCode { get; } = statusCode;

    /// <summary>Extra members of the modelled error (PCS: <c>resourceId</c>, <c>resourceType</c>, <c>reason</c>...).</summary>
    public JsonObject? Members { get; init; }
}

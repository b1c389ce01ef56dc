using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.Protocol;

/// <summary>
/// Idempotency tokens: the same token with the same request returns the first answer again; the same token
/// with a different request is refused with the service's conflict error.
/// </summary>
public sealed class ClientTokenStore(string tokenMember)
{
    private readonly Dictionary<(string Operation, string Token), (JsonObject Request, JsonNode Response)> seen = [];

    /// <summary>Returns the earlier answer for a replay, null for a first use; throws <paramref name="mismatch"/> on reuse with other parameters.</summary>
    public JsonNode? Replay(string operation, JsonObject request, Func<AwsServiceException> mismatch)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(mismatch);
        if (Token(request) is not { } token || !seen.TryGetValue((operation, token), out var earlier)) return null;
        if (!JsonNode.DeepEquals(Strip(request), earlier.Request)) throw mismatch();
        return earlier.Response.DeepClone();
    }

    public void Remember(string operation, JsonObject request, JsonNode response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (Token(request) is { } token) seen[(operation, token)] = (Strip(request), response.DeepClone());
    }

    private string? Token(JsonObject request) =>
        request.TryGetPropertyValue(tokenMember, out var node) && node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private JsonObject Strip(JsonObject request)
    {
        var copy = (JsonObject)request.DeepClone();
        copy.Remove(tokenMember);
        return copy;
    }
}

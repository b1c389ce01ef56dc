using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PcsAutomation.Cli.Invoke;

/// <summary>One HTTP attempt of an AWS call: the service (SigV4 signing name), the operation, the HTTP status (0: no response) and the error code.</summary>
/// <param name="CallKey">Tells attempts of one call apart from a second call: the SDK's <c>amz-sdk-invocation-id</c>, else a hash of the operation and body.</param>
public sealed record AwsAttempt(string Service, string Operation, int Status, string? ErrorCode, string CallKey);

/// <summary>
/// The transport under the invoked function's AWS clients (<c>AwsClientOptions.HttpMessageHandler</c>, which the JSON
/// clients and the AWSSDK clients share): it passes every request on and keeps what was called and how it ended, never a
/// body, a header value or a credential. The service comes from the SigV4 credential scope of the <c>Authorization</c>
/// header, the operation from <c>X-Amz-Target</c> (awsJson) or the <c>Action</c> form member (the query protocol of EC2
/// and SNS).
/// </summary>
public sealed partial class AwsCallRecorder(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly List<AwsAttempt> attempts = [];
    private readonly Lock gate = new();

    public IReadOnlyList<AwsAttempt> Attempts
    {
        get { lock (gate) return [.. attempts]; }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var service = Service(request) ?? request.RequestUri?.Host ?? "unknown";
        var operation = Operation(request, body);
        var key = request.Headers.TryGetValues("amz-sdk-invocation-id", out var ids) ? ids.First()
            : $"{service}.{operation}.{Convert.ToHexString(SHA256.HashData(body))}";
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
        {
            Add(new AwsAttempt(service, operation, 0, e.GetType().Name, key));
            throw;
        }
        var status = (int)response.StatusCode;
        var error = status >= 400 ? await ErrorCodeAsync(response, cancellationToken).ConfigureAwait(false) : null;
        Add(new AwsAttempt(service, operation, status, error, key));
        return response;
    }

    private void Add(AwsAttempt attempt)
    {
        lock (gate) attempts.Add(attempt);
    }

    // Authorization: AWS4-HMAC-SHA256 Credential=<key id>/<date>/<region>/<service>/aws4_request, ... (read raw: the AWSSDK
    // adds it without validation, so the typed header may not parse it)
    private static string? Service(HttpRequestMessage request) =>
        request.Headers.TryGetValues("Authorization", out var values) && CredentialScope().Match(string.Join(",", values)) is { Success: true } match
            ? match.Groups["service"].Value
            : null;

    private static string Operation(HttpRequestMessage request, byte[] body)
    {
        if (request.Headers.TryGetValues("X-Amz-Target", out var targets) && targets.First() is { } target)
            return target[(target.LastIndexOf('.') + 1)..];
        if (request.Content?.Headers.ContentType?.MediaType == "application/x-www-form-urlencoded")
        {
            var form = System.Text.Encoding.UTF8.GetString(body);
            foreach (var pair in form.Split('&'))
                if (pair.StartsWith("Action=", StringComparison.Ordinal)) return Uri.UnescapeDataString(pair["Action=".Length..]);
        }
        return $"{request.Method} {request.RequestUri?.AbsolutePath}";
    }

    /// <summary>The error code AWS sends: <c>x-amzn-ErrorType</c>, else the JSON <c>__type</c>, else the XML <c>&lt;Code&gt;</c>.</summary>
    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Headers.TryGetValues("x-amzn-ErrorType", out var types) && types.First() is { Length: > 0 } type)
            return Shorten(type.Split(':')[0]);
        // Buffered: the client reads the same body after this.
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind == JsonValueKind.Object &&
                (json.RootElement.TryGetProperty("__type", out var t) || json.RootElement.TryGetProperty("code", out t)) &&
                t.ValueKind == JsonValueKind.String)
                return Shorten(t.GetString()!);
        }
        catch (JsonException)
        {
            // not JSON: the query protocol's XML
        }
        return XmlCode().Match(text) is { Success: true } code ? code.Groups[1].Value : null;
    }

    // awsJson error types may be qualified: "com.amazonaws.pcs#ConflictException".
    private static string Shorten(string type) => type[(type.LastIndexOf('#') + 1)..];

    [GeneratedRegex(@"Credential=[^/]+/\d{8}/[^/]+/(?<service>[^/]+)/aws4_request")]
    private static partial Regex CredentialScope();

    [GeneratedRegex(@"<Code>([^<]+)</Code>")]
    private static partial Regex XmlCode();
}

using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.Tests.Support;

/// <summary>
/// A minimal awsJson client for HTTP-layer tests, with its own SigV4 signing (independent of the emulator's
/// verifier, so a shared mistake cannot hide). Signs at a fixed time: the emulator does not check request time.
/// </summary>
internal sealed class SignedClient(Uri endpoint, string accessKey = LocalAwsOptions.TestAccessKeyId,
    string secretKey = LocalAwsOptions.TestSecretAccessKey, string region = "us-east-1") : IDisposable
{
    private const string AmzDate = "20260105T080000Z";
    private readonly HttpClient http = new() { BaseAddress = endpoint };

    public async Task<(int Status, JsonObject? Body, HttpResponseMessage Response)> SendAsync(
        string target, string body, string signingService, string jsonVersion = "1.0",
        string? signingRegion = null, Action<HttpRequestMessage>? tamper = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        var contentType = $"application/x-amz-json-{jsonVersion}";
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", AmzDate);
        request.Headers.TryAddWithoutValidation("Authorization", Authorization(target, body, contentType, signingService, signingRegion ?? region));
        tamper?.Invoke(request);
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonObject? json = null;
        try
        {
            json = JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
        }
        return ((int)response.StatusCode, json, response);
    }

    public string Authorization(string target, string body, string contentType, string service, string signingRegion)
    {
        var host = endpoint.Authority;
        const string signedHeaders = "content-type;host;x-amz-date;x-amz-target";
        var canonical = $"POST\n/\n\ncontent-type:{contentType}\nhost:{host}\nx-amz-date:{AmzDate}\nx-amz-target:{target}\n\n{signedHeaders}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(body)))}";
        var scope = $"{AmzDate[..8]}/{signingRegion}/{service}/aws4_request";
        var toSign = $"AWS4-HMAC-SHA256\n{AmzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        foreach (var part in new[] { AmzDate[..8], signingRegion, service, "aws4_request" }) key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        var signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
        return $"AWS4-HMAC-SHA256 Credential={accessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
    }

    public void Dispose() => http.Dispose();

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}

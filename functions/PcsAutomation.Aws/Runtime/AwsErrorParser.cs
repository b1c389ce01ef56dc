using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace PcsAutomation.Aws.Runtime;

/// <summary>Reads an awsJson error response: code from <c>x-amzn-ErrorType</c> or the body's <c>__type</c>/<c>code</c>, message from <c>message</c>/<c>Message</c>.</summary>
internal static class AwsErrorParser
{
    public static AwsErrorResponse Parse(HttpStatusCode status, HttpResponseHeaders headers, byte[] body)
    {
        var (bodyCode, message) = ReadBody(body);
        var code = Header(headers, "x-amzn-ErrorType") ?? bodyCode;
        var sanitized = code is null ? "" : Sanitize(code);
        var requestId = Header(headers, "x-amzn-RequestId") ?? Header(headers, "x-amz-request-id");
        return new AwsErrorResponse(
            sanitized.Length > 0 ? sanitized : status.ToString(),
            message ?? "",
            status,
            requestId,
            System.Text.Encoding.UTF8.GetString(body));
    }

    /// <summary>
    /// "aws.protocoltests#FooError:http://internal.amazon.com/..." becomes "FooError": the part after '#', before ':'
    /// (the awsJson1_0/1_1 specifications' rule for error type values).
    /// </summary>
    public static string Sanitize(string code)
    {
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
            code = code[..colon];
        var hash = code.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
            code = code[(hash + 1)..];
        return code.Trim();
    }

    private static (string? Code, string? Message) ReadBody(byte[] body)
    {
        if (body.Length == 0)
            return (null, null);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (null, null);
            var root = document.RootElement;
            return (String(root, "__type") ?? String(root, "code"), String(root, "message") ?? String(root, "Message"));
        }
        catch (JsonException)
        {
            return (null, null); // e.g. an HTML page from a proxy: the status code speaks for it
        }
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}

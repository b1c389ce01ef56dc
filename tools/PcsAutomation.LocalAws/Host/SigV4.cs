using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PcsAutomation.LocalAws.Host;

/// <summary>The parts of a SigV4 <c>Authorization</c> header.</summary>
public sealed record SigV4Credential(string AccessKeyId, string Date, string Region, string Service, IReadOnlyList<string> SignedHeaders, string Signature)
{
    public string Scope => $"{Date}/{Region}/{Service}/aws4_request";
}

/// <summary>AWS Signature Version 4, as far as a server needs it: parse the header, rebuild the signature.</summary>
public static class SigV4
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    private static readonly string[] RequiredParts = ["Credential", "SignedHeaders", "Signature"];

    /// <summary>Parses <c>AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request, SignedHeaders=a;b, Signature=hex</c>.</summary>
    public static SigV4Credential? Parse(string header, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(header);
        problem = null;
        if (!header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            problem = $"Unsupported authorization type; expected {Algorithm}.";
            return null;
        }
        var parts = header[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var missing = RequiredParts.Where(k => !parts.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            problem = string.Join(" ", missing.Select(m => $"Authorization header requires '{m}' parameter.")) +
                      $" Authorization={header.Split(' ')[0]}";
            return null;
        }
        var scope = parts["Credential"].Split('/');
        if (scope.Length != 5 || scope[4] != "aws4_request" || scope.Any(s => s.Length == 0))
        {
            problem = "Credential should be scoped to a valid region, service and date: AKID/yyyyMMdd/region/service/aws4_request.";
            return null;
        }
        return new SigV4Credential(scope[0], scope[1], scope[2], scope[3], parts["SignedHeaders"].Split(';'), parts["Signature"]);
    }

    public static string CanonicalRequest(string method, string path, string query, IReadOnlyList<(string Name, string Value)> headers, IReadOnlyList<string> signedHeaders, string payloadHash)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(signedHeaders);
        var builder = new StringBuilder();
        builder.Append(method).Append('\n').Append(CanonicalPath(path)).Append('\n').Append(CanonicalQuery(query)).Append('\n');
        foreach (var name in signedHeaders)
        {
            var values = headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => Trim(h.Value));
            builder.Append(name).Append(':').Append(string.Join(',', values)).Append('\n');
        }
        builder.Append('\n').Append(string.Join(';', signedHeaders)).Append('\n').Append(payloadHash);
        return builder.ToString();
    }

    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        $"{Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

    public static string Signature(string secretKey, SigV4Credential credential, string stringToSign)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), credential.Date);
        key = Hmac(key, credential.Region);
        key = Hmac(key, credential.Service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    public static string PayloadHash(ReadOnlySpan<byte> body) => Hex(SHA256.HashData(body));

    /// <summary>Compares signatures in constant time.</summary>
    public static bool SameSignature(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static string Trim(string value) => string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim();

    /// <summary>Non-S3 services: normalized path (no '.', '..', empty segments), each segment URI-encoded once.</summary>
    private static string CanonicalPath(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment == "..")
            {
                if (segments.Count > 0) segments.RemoveAt(segments.Count - 1);
                continue;
            }
            segments.Add(Encode(Uri.UnescapeDataString(segment)));
        }
        var canonical = "/" + string.Join('/', segments);
        return path.EndsWith('/') && segments.Count > 0 ? canonical + "/" : canonical;
    }

    private static string CanonicalQuery(string query)
    {
        if (query.StartsWith('?')) query = query[1..];
        if (query.Length == 0) return "";
        return string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(p => (Key: Encode(Uri.UnescapeDataString(p[0])), Value: p.Length > 1 ? Encode(Uri.UnescapeDataString(p[1])) : ""))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
    }

    /// <summary>RFC 3986 encoding: unreserved characters stay, everything else is %XX of its UTF-8 bytes.</summary>
    private static string Encode(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~') builder.Append(c);
            else builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}

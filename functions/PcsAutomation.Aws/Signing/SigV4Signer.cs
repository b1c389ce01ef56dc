using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;

namespace PcsAutomation.Aws.Signing;

/// <summary>How a session token travels with a signed request.</summary>
public enum SessionTokenPlacement
{
    /// <summary>The <c>X-Amz-Security-Token</c> header is signed (what AWS services expect; the SDKs' default).</summary>
    InSignedHeaders,

    /// <summary>The header is added after signing (some services require it unsigned; suite case post-sts-header-after).</summary>
    AfterSigning,
}

/// <summary>AWS Signature Version 4 (header form, HMAC-SHA256), proven against the official test suite.</summary>
public static class SigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string SecurityTokenHeader = "X-Amz-Security-Token";

    public static SigV4Signature Sign(
        SigV4Request request,
        ImmutableCredentials credentials,
        SigV4Scope scope,
        SessionTokenPlacement tokenPlacement = SessionTokenPlacement.InSignedHeaders)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(scope);

        var headersToSign = request.Headers.ToList();
        var headersToAdd = new List<KeyValuePair<string, string>>();
        var hasToken = !string.IsNullOrEmpty(credentials.Token)
            && !headersToSign.Any(h => h.Key.Equals(SecurityTokenHeader, StringComparison.OrdinalIgnoreCase));
        if (hasToken)
        {
            var token = new KeyValuePair<string, string>(SecurityTokenHeader, credentials.Token);
            headersToAdd.Add(token);
            if (tokenPlacement == SessionTokenPlacement.InSignedHeaders)
                headersToSign.Add(token);
        }

        var headers = SigV4Canonical.Headers(headersToSign);
        var signedHeaders = string.Join(';', headers.Keys);
        var canonicalRequest = string.Join('\n',
            request.Method.ToUpperInvariant(),
            SigV4Canonical.Path(request.Path),
            SigV4Canonical.Query(request.Query),
            string.Concat(headers.Select(h => $"{h.Key}:{h.Value}\n")),
            signedHeaders,
            Hex(SHA256.HashData(request.Body.Span)));

        var stringToSign = string.Join('\n',
            Algorithm,
            scope.AmzDate,
            scope.CredentialScope,
            Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        var signature = Hex(HMACSHA256.HashData(SigningKey(credentials.SecretKey, scope), Encoding.UTF8.GetBytes(stringToSign)));
        var authorization =
            $"{Algorithm} Credential={credentials.AccessKey}/{scope.CredentialScope}, SignedHeaders={signedHeaders}, Signature={signature}";
        return new SigV4Signature(canonicalRequest, stringToSign, authorization, headersToAdd);
    }

    private static byte[] SigningKey(string secretKey, SigV4Scope scope)
    {
        var key = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        foreach (var part in new[] { scope.DateStamp, scope.Region, scope.Service, "aws4_request" })
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        return key;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}

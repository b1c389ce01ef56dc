using Microsoft.AspNetCore.Http;

namespace PcsAutomation.LocalAws.Host;

/// <summary>
/// Checks that a request is SigV4-signed for the routed service and the emulator's Region, and verifies the
/// signature when the access key is known (<see cref="LocalAwsOptions.Credentials"/>). The request time is not
/// compared with the clock: clients sign with real time while the emulator runs on virtual time.
/// </summary>
public sealed class Authenticator(LocalAwsOptions options)
{
    /// <summary>The caller's access key id, or throws the error the real service answers with.</summary>
    public string Authenticate(HttpRequest request, JsonServiceRegistration service, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(service);
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0)
            throw new AwsServiceException("MissingAuthenticationTokenException", "Missing Authentication Token", 403);
        var credential = SigV4.Parse(header, out var problem)
                         ?? throw new AwsServiceException("IncompleteSignatureException", problem ?? "Incomplete signature.", 403);
        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (amzDate.Length < 8)
            throw new AwsServiceException("IncompleteSignatureException",
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.", 403);
        if (credential.Service != service.SigningName)
            throw new AwsServiceException("InvalidSignatureException",
                $"Credential should be scoped to correct service: '{service.SigningName}'. ", 403);
        if (credential.Region != options.Region)
            throw new AwsServiceException("InvalidSignatureException",
                $"Credential should be scoped to a valid region. ", 403);
        if (!amzDate.StartsWith(credential.Date, StringComparison.Ordinal))
            throw new AwsServiceException("InvalidSignatureException",
                $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{credential.Date}' != '{amzDate[..8]}', from '{amzDate}'.", 403);
        if (!credential.SignedHeaders.Contains("host"))
            throw new AwsServiceException("InvalidSignatureException", "'Host' must be a 'SignedHeader' in the AWS Authorization.", 403);

        if (!options.Credentials.TryGetValue(credential.AccessKeyId, out var secretKey))
        {
            if (options.AcceptUnknownAccessKeys) return credential.AccessKeyId;
            throw new AwsServiceException("UnrecognizedClientException", "The security token included in the request is invalid.", 403);
        }
        var headers = request.Headers.SelectMany(h => h.Value.Select(v => (h.Key, v ?? ""))).ToList();
        var payloadHash = request.Headers["X-Amz-Content-Sha256"].ToString() is { Length: > 0 } declared ? declared : SigV4.PayloadHash(body);
        var canonical = SigV4.CanonicalRequest(request.Method, request.Path.HasValue ? request.Path.Value! : "/",
            request.QueryString.Value ?? "", headers, credential.SignedHeaders, payloadHash);
        var expected = SigV4.Signature(secretKey, credential, SigV4.StringToSign(amzDate, credential.Scope, canonical));
        if (!SigV4.SameSignature(expected, credential.Signature))
            throw new AwsServiceException("InvalidSignatureException",
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.", 403);
        return credential.AccessKeyId;
    }
}

namespace PcsAutomation.Aws.Signing;

/// <summary>The parts of an HTTP request that SigV4 signs.</summary>
/// <param name="Method">The HTTP method, e.g. "POST".</param>
/// <param name="Path">The decoded (not percent-encoded) path, e.g. "/" or "/example space/".</param>
/// <param name="Query">The raw query string without '?', possibly percent-encoded; empty when there is none.</param>
/// <param name="Headers">Every header to sign, in request order; duplicate names are allowed (their values are joined).</param>
/// <param name="Body">The request payload.</param>
public sealed record SigV4Request(
    string Method,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    ReadOnlyMemory<byte> Body);

/// <summary>Where the signature applies: the credential scope's region and service, and the signing time.</summary>
public sealed record SigV4Scope(string Region, string Service, DateTimeOffset Time)
{
    /// <summary>The <c>X-Amz-Date</c> form of <see cref="Time"/>: <c>yyyyMMddTHHmmssZ</c>.</summary>
    public string AmzDate => Time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The date stamp of the credential scope: <c>yyyyMMdd</c>.</summary>
    public string DateStamp => Time.UtcDateTime.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    public string CredentialScope => $"{DateStamp}/{Region}/{Service}/aws4_request";
}

/// <summary>The signer's intermediate and final products (the suite checks all three).</summary>
/// <param name="CanonicalRequest">Task 1 of SigV4.</param>
/// <param name="StringToSign">Task 2 of SigV4.</param>
/// <param name="Authorization">The <c>Authorization</c> header value.</param>
/// <param name="HeadersToAdd">Headers the caller must add to the request (the session token), signed or not.</param>
public sealed record SigV4Signature(
    string CanonicalRequest,
    string StringToSign,
    string Authorization,
    IReadOnlyList<KeyValuePair<string, string>> HeadersToAdd);

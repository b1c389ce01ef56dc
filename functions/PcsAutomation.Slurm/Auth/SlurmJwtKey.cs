using System.Diagnostics;
using System.Security.Cryptography;

using PcsAutomation.Slurm.Errors;

namespace PcsAutomation.Slurm.Auth;

/// <summary>
/// The HS256 signing key of a cluster's Slurm REST API: the bytes of the base64 secret string PCS keeps in Secrets
/// Manager (guide L6907-6915: <c>SecretString | base64 --decode &gt; jwt.key</c>; the cluster secret and the JWT key are one
/// resource, L2371, L2446-2450). A class, not a record, so nothing prints its bytes: <see cref="ToString"/> and the
/// debugger show only where it came from.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class SlurmJwtKey
{
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly byte[] bytes;

    private SlurmJwtKey(byte[] bytes, string secretArn, string? secretVersion)
    {
        this.bytes = bytes;
        SecretArn = secretArn;
        SecretVersion = secretVersion;
    }

    /// <summary>The secret the key was read from (an ARN is not secret).</summary>
    public string SecretArn { get; }

    /// <summary>The secret version read; null when the current version (AWSCURRENT) was asked for without naming one.</summary>
    public string? SecretVersion { get; }

    /// <summary>
    /// The key from the secret's string: base64, decoded to the signing bytes. A value that is not base64, or decodes to
    /// nothing, is refused naming the secret, never showing the value.
    /// </summary>
    public static SlurmJwtKey FromSecretString(string secretString, string secretArn, string? secretVersion)
    {
        ArgumentNullException.ThrowIfNull(secretString);
        ArgumentException.ThrowIfNullOrWhiteSpace(secretArn);
        var text = secretString.Trim();
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        if (text.Length == 0 || !Convert.TryFromBase64String(text, buffer, out var written) || written == 0)
        {
            CryptographicOperations.ZeroMemory(buffer);
            throw new SlurmKeyFormatException(
                $"The Slurm key secret {secretArn}{VersionText(secretVersion)} does not hold a base64 key (guide L6907-6915: the secret " +
                "string is the base64 of the JWT signing key); its value is not shown.");
        }
        var key = buffer.AsSpan(0, written).ToArray();
        CryptographicOperations.ZeroMemory(buffer);
        return new SlurmJwtKey(key, secretArn, secretVersion);
    }

    /// <summary>A key from raw bytes (tests and fixed vectors); <paramref name="source"/> names it in place of a secret ARN.</summary>
    public static SlurmJwtKey FromBytes(ReadOnlySpan<byte> key, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (key.IsEmpty)
            throw new ArgumentException("A Slurm JWT key has at least one byte.", nameof(key));
        return new SlurmJwtKey(key.ToArray(), source, null);
    }

    /// <summary>HMAC-SHA256 of <paramref name="data"/> under this key (the JWS signature of HS256, RFC 7518 §3.2).</summary>
    internal byte[] Sign(ReadOnlySpan<byte> data) => HMACSHA256.HashData(bytes, data);

    /// <summary>True when both hold the same bytes (compared in constant time): a re-read that found no new key.</summary>
    public bool SameKeyAs(SlurmJwtKey other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return CryptographicOperations.FixedTimeEquals(bytes, other.bytes);
    }

    public override string ToString() => $"SlurmJwtKey({SecretArn}{VersionText(SecretVersion)}, value redacted)";

    private static string VersionText(string? version) => version is null ? " (current version)" : $" version {version}";
}

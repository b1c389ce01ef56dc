using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PcsAutomation.Domain.Workflows;

/// <summary>
/// Idempotency tokens for mutating calls (PCS clientToken, Secrets Manager ClientRequestToken): a retried or re-run
/// step sends the same token, so AWS treats it as the same request. 36 characters, UUID-shaped (RFC 9562 version 8,
/// "custom"), which fits PCS's clientToken (8-100 characters, shape SBClientToken in
/// ../shared/reference/botocore/pcs.service-2.json) and RotateSecret's ClientRequestToken (32-64, shape
/// ClientRequestTokenType in secretsmanager.service-2.json).
/// </summary>
public static class ClientTokens
{
    public static string For(string executionArn, string step, string? resource = null)
    {
        ArgumentNullException.ThrowIfNull(executionArn);
        ArgumentNullException.ThrowIfNull(step);

        // Each part is length-prefixed so ("a:b", "c") and ("a", "b:c") differ, and a null resource differs from "".
        var buffer = new List<byte>();
        Append(buffer, executionArn);
        Append(buffer, step);
        if (resource is not null)
        {
            Append(buffer, resource);
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer.ToArray(), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 9562 variant
        var hex = Convert.ToHexStringLower(hash[..16]);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }

    private static void Append(List<byte> buffer, string part)
    {
        var bytes = Encoding.UTF8.GetBytes(part);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        buffer.AddRange(length);
        buffer.AddRange(bytes);
    }
}

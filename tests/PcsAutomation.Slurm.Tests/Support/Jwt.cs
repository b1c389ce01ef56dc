using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace PcsAutomation.Slurm.Tests.Support;

/// <summary>A JWT taken apart and checked independently of the product's minter (HMACSHA256 here, over the raw key bytes).</summary>
internal sealed record Jwt(string Raw, JsonObject Header, JsonObject Claims, string SigningInput, byte[] Signature)
{
    public static Jwt Decode(string token)
    {
        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        return new Jwt(
            token,
            (JsonObject)JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!,
            (JsonObject)JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!,
            $"{parts[0]}.{parts[1]}",
            Base64Url.DecodeFromChars(parts[2]));
    }

    /// <summary>True when the signature is HMAC-SHA256 of the signing input under <paramref name="key"/>.</summary>
    public bool SignedWith(byte[] key) =>
        CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(SigningInput)), Signature);
}

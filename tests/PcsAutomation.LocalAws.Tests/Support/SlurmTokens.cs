using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.Tests.Support;

/// <summary>
/// Test tokens minted as the guide's Python example does (guide L6918-6962): HS256 with the base64-decoded cluster secret,
/// claims exp, iat, sub, uid, gid and id {gecos, dir, gids, shell}. Written here, apart from the emulator's verification
/// and from the product's minting, so each checks the other.
/// </summary>
internal static class SlurmTokens
{
    public static JsonObject GuideClaims(DateTimeOffset now, TimeSpan lifetime) => new()
    {
        ["exp"] = (now + lifetime).ToUnixTimeSeconds(),
        ["iat"] = now.ToUnixTimeSeconds(),
        ["sub"] = "ec2-user",
        ["uid"] = 1000,
        ["gid"] = 1000,
        ["id"] = new JsonObject { ["gecos"] = "EC2 User", ["dir"] = "/home/ec2-user", ["gids"] = new JsonArray(1000), ["shell"] = "/bin/bash" },
    };

    public static string Mint(byte[] key, JsonObject claims, string alg = "HS256")
    {
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($$"""{"alg":"{{alg}}","typ":"JWT"}"""));
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var signature = Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(header + "." + payload)));
        return $"{header}.{payload}.{signature}";
    }

    public static string Mint(byte[] key, DateTimeOffset now, TimeSpan? lifetime = null, Action<JsonObject>? edit = null)
    {
        var claims = GuideClaims(now, lifetime ?? TimeSpan.FromMinutes(10));
        edit?.Invoke(claims);
        return Mint(key, claims);
    }

    /// <summary>The cluster's current JWT key as a client gets it: GetSecretValue (AWSCURRENT), then base64 --decode (guide L6903-6915).</summary>
    public static byte[] CurrentKey(LocalAws aws, string cluster)
    {
        var arn = aws.State.FindCluster(cluster)!.SecretArn;
        var value = aws.Call("secretsmanager", "GetSecretValue", new JsonObject { ["SecretId"] = arn })["SecretString"]!.GetValue<string>();
        return Convert.FromBase64String(value);
    }
}

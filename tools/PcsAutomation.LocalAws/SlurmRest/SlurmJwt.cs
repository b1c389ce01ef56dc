using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PcsAutomation.LocalAws.SlurmRest;

/// <summary>Who a valid token says the caller is (the claims slurmctld takes the identity from).</summary>
public sealed record SlurmJwtIdentity(string UserName, long Uid, long Gid);

/// <summary>
/// Checks a Slurm REST JWT the way the PCS cluster's slurmctld does, written from the guide and Slurm's sources, not from
/// the product's minting code: HS256 only (the PCS key is a shared secret; Slurm's <c>auth/jwt</c> also knows RS256 with a
/// JWKS, which PCS does not use), signed with the base64-decoded cluster secret (guide L6903-6915: <c>base64 --decode</c>
/// into <c>jwt.key</c>; L2371, L2446-2450: the cluster secret is the JWT key); <c>exp</c> not passed
/// (<c>src/plugins/auth/jwt/auth_jwt.c</c>: <c>exp &lt; now</c> is "token expired"), <c>iat</c> not in the future; and the
/// claims the guide requires (L6863-6873, and its Python example L6946-6958): a user name, <c>uid</c>, <c>gid</c>,
/// and <c>id</c> with <c>gecos</c>, <c>dir</c>, <c>shell</c>, <c>gids</c>. The user name comes from <c>sun</c>, <c>username</c>
/// or a <c>name</c> inside <c>id</c> (guide L6879-6883), or <c>sub</c>, which the guide's working example uses instead of
/// <c>sun</c> (digest line 19: the guide spells both). Pure: no clock read, no I/O.
/// </summary>
public static class SlurmJwt
{
    private static readonly string[] IdentityTexts = ["gecos", "dir", "shell"];

    /// <summary>The identity, or null with <paramref name="failure"/> saying why (for tests and the call log; never the token).</summary>
    public static SlurmJwtIdentity? Verify(string token, byte[] key, DateTimeOffset now, out string failure)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(key);
        var parts = token.Split('.');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0)) return Fail("not a signed JWT (three dot-separated parts)", out failure);
        JsonElement header, claims;
        byte[] signature;
        try
        {
            header = JsonSerializer.Deserialize<JsonElement>(Base64Url.DecodeFromChars(parts[0]));
            claims = JsonSerializer.Deserialize<JsonElement>(Base64Url.DecodeFromChars(parts[1]));
            signature = Base64Url.DecodeFromChars(parts[2]);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return Fail("a part is not base64url JSON", out failure);
        }
        if (header.ValueKind != JsonValueKind.Object || claims.ValueKind != JsonValueKind.Object)
            return Fail("header or claims not a JSON object", out failure);
        if (!header.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || alg.GetString() != "HS256")
            return Fail("alg is not HS256", out failure);
        var expected = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(expected, signature)) return Fail("signature does not match the cluster's current key", out failure);

        if (Number(claims, "exp") is not { } exp) return Fail("no exp claim", out failure);
        if (exp < now.ToUnixTimeSeconds()) return Fail("expired", out failure);
        if (Number(claims, "iat") is not { } iat) return Fail("no iat claim", out failure);
        if (iat > now.ToUnixTimeSeconds()) return Fail("issued in the future (iat after now)", out failure);
        var id = claims.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.Object ? i : (JsonElement?)null;
        var user = Text(claims, "sun") ?? Text(claims, "username") ?? (id is { } idName ? Text(idName, "name") : null) ?? Text(claims, "sub");
        if (user is null) return Fail("no user name claim (sun, username, sub or id.name)", out failure);
        if (Number(claims, "uid") is not { } uid) return Fail("no uid claim", out failure);
        if (Number(claims, "gid") is not { } gid) return Fail("no gid claim", out failure);
        if (id is not { } identity) return Fail("no id claim", out failure);
        foreach (var member in IdentityTexts)
            if (Text(identity, member, allowEmpty: true) is null) return Fail($"no id.{member} claim", out failure);
        if (!identity.TryGetProperty("gids", out var gids) || gids.ValueKind != JsonValueKind.Array
            || gids.EnumerateArray().Any(g => g.ValueKind != JsonValueKind.Number))
            return Fail("no id.gids claim (a list of group ids)", out failure);
        failure = "";
        return new SlurmJwtIdentity(user, uid, gid);
    }

    private static SlurmJwtIdentity? Fail(string why, out string failure)
    {
        failure = why;
        return null;
    }

    private static long? Number(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;

    private static string? Text(JsonElement o, string name, bool allowEmpty = false) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && (allowEmpty || v.GetString()!.Length > 0) ? v.GetString() : null;
}

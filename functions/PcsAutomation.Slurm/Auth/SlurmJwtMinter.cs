using System.Buffers;
using System.Text;
using System.Text.Json;

namespace PcsAutomation.Slurm.Auth;

/// <summary>
/// Mints the HS256 JWTs PCS's slurmrestd accepts (guide L6861-6962): header <c>{"alg":"HS256","typ":"JWT"}</c>, the claims
/// of the guide's Python example in its order (<c>exp</c>, <c>iat</c>, <c>sub</c>, <c>uid</c>, <c>gid</c>,
/// <c>id{gecos,dir,gids,shell}</c>, L6946-6958), signed with the key's bytes (L6915, L6942-6945, L6960). Times come from the
/// <see cref="TimeProvider"/>, in whole seconds as the example's <c>int(time.time())</c>.
/// </summary>
/// <remarks>
/// The user name goes in <c>sub</c>: the guide's claim list and FAQ say <c>sun</c> (L6866, L6879, L7060) but its working
/// Python example sends <c>sub</c> (L6949), and the digest (../shared/seed/pcs-digest.md line 19) reads <c>sun</c> as a
/// garble of <c>sub</c>, so we follow the example. Upstream Slurm's auth/jwt reads <c>sun</c>, then <c>username</c>, then
/// the <c>userclaimfield</c> of AuthAltParameters (SchedMD/slurm src/plugins/auth/jwt/auth_jwt.c, slurm-25-05-8-1); the
/// guide's note L6877-6883 lists the same alternatives, so PCS presumably sets <c>userclaimfield=sub</c>. The project
/// README lists this as an assumption.
/// </remarks>
public sealed class SlurmJwtMinter
{
    /// <summary>The default lifetime: long enough for one workflow step, short enough that a leaked token soon lapses.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(5);

    private static readonly byte[] Header = """{"alg":"HS256","typ":"JWT"}"""u8.ToArray();

    private readonly TimeProvider clock;
    private readonly SlurmIdentity identity;
    private readonly TimeSpan lifetime;

    public SlurmJwtMinter(TimeProvider clock, SlurmIdentity identity, TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(identity);
        identity.Validate();
        var span = lifetime ?? DefaultLifetime;
        if (span < TimeSpan.FromMinutes(1) || span > TimeSpan.FromHours(1))
            throw new ArgumentOutOfRangeException(nameof(lifetime), span, "A Slurm token's lifetime must be between 1 minute and 1 hour.");
        this.clock = clock;
        this.identity = identity;
        this.lifetime = span;
    }

    public SlurmIdentity Identity => identity;

    public TimeSpan Lifetime => lifetime;

    /// <summary>A token for <see cref="Identity"/>, valid from now for <see cref="Lifetime"/>, signed with <paramref name="key"/>.</summary>
    public SlurmToken Mint(SlurmJwtKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(clock.GetUtcNow().ToUnixTimeSeconds());
        var expiresAt = issuedAt + TimeSpan.FromSeconds(Math.Floor(lifetime.TotalSeconds));
        var signingInput = $"{Base64Url(Header)}.{Base64Url(Claims(issuedAt, expiresAt))}";
        var signature = key.Sign(Encoding.ASCII.GetBytes(signingInput));
        return new SlurmToken($"{signingInput}.{Base64Url(signature)}", identity.UserName, issuedAt, expiresAt);
    }

    private byte[] Claims(DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("exp", expiresAt.ToUnixTimeSeconds());
            json.WriteNumber("iat", issuedAt.ToUnixTimeSeconds());
            json.WriteString("sub", identity.UserName); // the guide's example (L6949), not its "sun" (see remarks)
            json.WriteNumber("uid", identity.Uid);
            json.WriteNumber("gid", identity.Gid);
            json.WriteStartObject("id");
            json.WriteString("gecos", identity.Gecos);
            json.WriteString("dir", identity.HomeDirectory);
            json.WriteStartArray("gids");
            foreach (var gid in identity.Gids)
                json.WriteNumberValue(gid);
            json.WriteEndArray();
            json.WriteString("shell", identity.Shell);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>base64url without padding (RFC 7515 §2).</summary>
    private static string Base64Url(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}

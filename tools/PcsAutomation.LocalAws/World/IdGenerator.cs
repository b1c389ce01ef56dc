namespace PcsAutomation.LocalAws.World;

/// <summary>Identifiers shaped like the real ones, drawn from the world's seeded random source (deterministic runs).</summary>
public sealed class IdGenerator(Random random)
{
    private const string LowerAlphanumerics = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Hex = "0123456789abcdef";

    /// <summary>PCS ids: <c>pcs_</c> + 10 lowercase alphanumerics (guide L2282, L2822).</summary>
    public string PcsId() => "pcs_" + Draw(LowerAlphanumerics, 10);

    public string InstanceId() => "i-" + Draw(Hex, 17);

    public string CapacityReservationId() => "cr-" + Draw(Hex, 17);

    public string LaunchTemplateId() => "lt-" + Draw(Hex, 17);

    /// <summary>The 6-character suffix Secrets Manager appends to a secret's name in its ARN (guide L2297: <c>-a12ABC</c>).</summary>
    public string SecretArnSuffix() => Draw(Alphanumerics, 6);

    public string Uuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }

    public string RequestId() => Uuid();

    /// <summary>A random base64 key like the cluster's Slurm auth key (guide L2323: "base64-encoded key").</summary>
    public string Base64Key(int bytes = 32)
    {
        var buffer = new byte[bytes];
        random.NextBytes(buffer);
        return Convert.ToBase64String(buffer);
    }

    public string PrivateIp() => $"10.3.{128 + random.Next(0, 48)}.{random.Next(2, 254)}";

    private string Draw(string alphabet, int length) =>
        string.Create(length, (alphabet, random), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
        });
}

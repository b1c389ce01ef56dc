using PcsAutomation.Slurm.Auth;
using PcsAutomation.Slurm.Connection;

namespace PcsAutomation.Slurm.Tests.Support;

/// <summary>Keys as PCS stores them: the base64 of random bytes (guide L6907-6915).</summary>
internal static class TestKeys
{
    public const string SecretArn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:pcs!slurm-secret-pcs_abc123-AbCdEf";

    /// <summary>Bytes 0 to 31, the fixed vector's key.</summary>
    public static readonly byte[] FixedBytes = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    public const string FixedBase64 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    public static readonly byte[] OldBytes = [.. Enumerable.Range(0, 32).Select(i => (byte)(0xA0 + i))];

    public static readonly byte[] NewBytes = [.. Enumerable.Range(0, 32).Select(i => (byte)(0x40 + (i * 3)))];

    public static string Base64(byte[] bytes) => Convert.ToBase64String(bytes);

    public static SlurmJwtKey Key(byte[] bytes, string version = "v-old") => SlurmJwtKey.FromSecretString(Base64(bytes), SecretArn, version);

    public static SlurmKeyReference Reference(string version = "v-old") => new(SecretArn, version, SlurmKeyOrigin.ClusterSecret);
}

/// <summary>A Secrets Manager stand-in: the value per version, AWSCURRENT for a null version; records every read.</summary>
internal sealed class FakeSecrets : ISecretValueReader
{
    private readonly Dictionary<string, string?> versions = new(StringComparer.Ordinal);

    public List<(string SecretId, string? VersionId)> Reads { get; } = [];

    public string? Current { get; set; }

    public FakeSecrets WithVersion(string version, string? value)
    {
        versions[version] = value;
        return this;
    }

    public Task<string?> GetSecretStringAsync(string secretId, string? versionId, CancellationToken cancellationToken)
    {
        Reads.Add((secretId, versionId));
        return Task.FromResult(versionId is null ? Current : versions[versionId]);
    }
}

using PcsAutomation.Slurm.Connection;
using PcsAutomation.Slurm.Errors;

namespace PcsAutomation.Slurm.Auth;

/// <summary>Where the client gets its signing key: the version the cluster names, and after a refusal the current one.</summary>
public interface ISlurmKeySource
{
    /// <summary>The key at the version GetCluster named.</summary>
    Task<SlurmJwtKey> ReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The key at the secret's current version (AWSCURRENT), read when slurmctld refused a token with error 1007: a rotation
    /// moves the key before GetCluster reports the new version (guide L7074-7076: every token signed before it fails).
    /// </summary>
    Task<SlurmJwtKey> ReadCurrentAsync(CancellationToken cancellationToken);
}

/// <summary>The key from Secrets Manager (guide L6848-6858: GetSecretValue on the jwtKey's secret ARN and version).</summary>
public sealed class SecretSlurmKeySource : ISlurmKeySource
{
    private readonly SlurmKeyReference reference;
    private readonly ISecretValueReader secrets;

    public SecretSlurmKeySource(SlurmKeyReference reference, ISecretValueReader secrets)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference.SecretArn);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference.SecretVersion);
        this.reference = reference;
        this.secrets = secrets;
    }

    public SlurmKeyReference Reference => reference;

    public Task<SlurmJwtKey> ReadAsync(CancellationToken cancellationToken) => ReadAsync(reference.SecretVersion, cancellationToken);

    public Task<SlurmJwtKey> ReadCurrentAsync(CancellationToken cancellationToken) => ReadAsync(null, cancellationToken);

    private async Task<SlurmJwtKey> ReadAsync(string? version, CancellationToken cancellationToken)
    {
        var value = await secrets.GetSecretStringAsync(reference.SecretArn, version, cancellationToken).ConfigureAwait(false);
        if (value is null)
            throw new SlurmKeyFormatException(
                $"The Slurm key secret {reference.SecretArn} {(version is null ? "(current version)" : $"version {version}")} has no SecretString " +
                "(guide L6907-6915: PCS keeps the key as a base64 string).");
        return SlurmJwtKey.FromSecretString(value, reference.SecretArn, version);
    }

    public override string ToString() => $"SecretSlurmKeySource({reference.SecretArn}, version {reference.SecretVersion}, {reference.Origin})";
}

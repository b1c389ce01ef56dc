namespace PcsAutomation.Slurm.Auth;

/// <summary>
/// Secrets Manager's GetSecretValue as this project needs it (../shared/reference/botocore/secretsmanager.service-2.json:
/// <c>SecretId</c>, <c>VersionId</c>; the answer's <c>SecretString</c>). The caller implements it over its AWS client;
/// only the functions that talk to slurmrestd may hold <c>secretsmanager:GetSecretValue</c>.
/// </summary>
public interface ISecretValueReader
{
    /// <summary>The secret string of <paramref name="secretId"/> at <paramref name="versionId"/>, or at AWSCURRENT when null; null when it has none.</summary>
    Task<string?> GetSecretStringAsync(string secretId, string? versionId, CancellationToken cancellationToken);
}

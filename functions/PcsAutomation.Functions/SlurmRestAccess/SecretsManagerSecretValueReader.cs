using PcsAutomation.Aws.SecretsManager;
using PcsAutomation.Aws.SecretsManager.Model;
using PcsAutomation.Slurm.Auth;

namespace PcsAutomation.Functions.SlurmRestAccess;

/// <summary>
/// The Slurm client's <see cref="ISecretValueReader"/> over Secrets Manager's GetSecretValue
/// (../shared/reference/botocore/secretsmanager.service-2.json; guide L6848-6858: the JWT key's secret ARN and version).
/// The value goes straight to <see cref="SlurmJwtKey"/>; nothing here logs or keeps it.
/// </summary>
public sealed class SecretsManagerSecretValueReader(IAmazonSecretsManager secrets) : ISecretValueReader
{
    public async Task<string?> GetSecretStringAsync(string secretId, string? versionId, CancellationToken cancellationToken)
    {
        var response = await secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = secretId, VersionId = versionId }, cancellationToken)
            .ConfigureAwait(false);
        return response.SecretString;
    }
}

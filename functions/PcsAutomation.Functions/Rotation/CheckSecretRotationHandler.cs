using PcsAutomation.Aws.PCS;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Aws.SecretsManager;
using PcsAutomation.Aws.SecretsManager.Model;
using PcsAutomation.Domain.Rotation;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.Rotation;

/// <summary><c>CheckSecretRotation</c> input: <paramref name="PreviousVersionId"/> is the plan's AWSCURRENT before the rotation.</summary>
internal sealed record CheckSecretRotationInput(string? ClusterId, string? SecretArn, string? PreviousVersionId, int? Attempt);

/// <summary>
/// <paramref name="Status"/>: <c>SUCCEEDED</c> (new AWSCURRENT and the cluster uses it), <c>FAILED</c> (no rotation in
/// flight and AWSCURRENT unchanged) or <c>PENDING</c> (AWSPENDING still there: poll again after <paramref name="WaitSeconds"/>).
/// </summary>
internal sealed record CheckSecretRotationOutput(string Status, string? CurrentVersionId, string? ClusterSecretVersion, int Attempt, int WaitSeconds);

/// <summary>
/// <c>CheckSecretRotation</c>: verifies the rotation from state, not from the event: it is the fallback when no
/// event arrives and the check after one did (guide L2429: <c>lastRotatedDate</c> is a secondary check; the design asks
/// that <c>GetCluster</c>'s <c>authKey.secretVersion</c> follows). Reads version stages only, never the secret value.
/// </summary>
internal sealed class CheckSecretRotationHandler(IAmazonSecretsManager secrets, IAmazonPCS pcs)
{
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string Pending = "PENDING";

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var handler = new CheckSecretRotationHandler(services.Aws.CreateSecretsManager(), services.Aws.CreatePcs());
        return HandlerWrapper.Create(handler.HandleAsync,
            RotationJsonContext.Default.CheckSecretRotationInput, RotationJsonContext.Default.CheckSecretRotationOutput);
    }

    public async Task<CheckSecretRotationOutput> HandleAsync(CheckSecretRotationInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var clusterId = WorkflowInput.ClusterId(input.ClusterId);
        var secretArn = RotationInput.SecretArn(input.SecretArn);
        var previous = WorkflowInput.Required(input.PreviousVersionId, "previousVersionId");
        var attempt = WorkflowInput.Attempt(input.Attempt);
        var cancellationToken = context.CancellationToken;
        using var scope = context.Logger.BeginScope("clusterId", clusterId);

        var secret = await AwsCalls.RunAsync("SecretsManager.DescribeSecret", secretArn, () => secrets.DescribeSecretAsync(
            new DescribeSecretRequest { SecretId = secretArn }, cancellationToken), cancellationToken).ConfigureAwait(false);
        var cluster = await AwsCalls.RunAsync("PCS.GetCluster", clusterId, () => pcs.GetClusterAsync(
            new GetClusterRequest { ClusterIdentifier = clusterId }, cancellationToken), cancellationToken).ConfigureAwait(false);

        var current = SecretStages.CurrentVersion(secret.VersionIdsToStages);
        var rotationInFlight = SecretStages.UnfinishedVersion(secret.VersionIdsToStages) is not null;
        var clusterVersion = cluster.Cluster?.SlurmConfiguration?.AuthKey?.SecretVersion;

        string status;
        if (current is not null && current != previous)
        {
            // Secrets Manager is done; the cluster must use the new key, else nodes restored now could not join.
            if (clusterVersion != current)
                throw new RotationNotVerified(
                    $"The secret {secretArn} has a new AWSCURRENT version {current}, but cluster {clusterId} uses version {clusterVersion ?? "(none)"}.");
            status = Succeeded;
        }
        else
        {
            // AWSPENDING left and nothing promoted: still running (or failed leaving AWSPENDING, which the bounded poll ends).
            status = rotationInFlight ? Pending : Failed;
        }

        context.Logger.LogInformation(
            $"Rotation of {secretArn}: {status} (AWSCURRENT {current ?? "(none)"}, previous {previous}, cluster uses {clusterVersion ?? "(none)"}, last rotated {secret.LastRotatedDate?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "never"})");
        return new CheckSecretRotationOutput(status, current, clusterVersion, attempt + 1, PollingBackoff.NextWaitSeconds(attempt));
    }
}

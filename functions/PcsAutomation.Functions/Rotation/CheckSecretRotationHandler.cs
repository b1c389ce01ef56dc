using PcsAutomation.Aws.PCS;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Aws.SecretsManager;
using PcsAutomation.Aws.SecretsManager.Model;
using PcsAutomation.Domain.Rotation;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.Rotation;

/// <summary>
/// <c>CheckSecretRotation</c> input: <paramref name="PreviousVersionId"/> is the plan's AWSCURRENT before the rotation;
/// <paramref name="StrictVerification"/> the plan's (tag <c>pcs-automation:strict-verification</c> or the stack default).
/// </summary>
internal sealed record CheckSecretRotationInput(string? ClusterId, string? SecretArn, string? PreviousVersionId, int? Attempt, bool? StrictVerification);

/// <summary>
/// <paramref name="Status"/> (<see cref="RotationVerification"/>): <c>SUCCEEDED</c> (new AWSCURRENT and the cluster
/// reports it), <c>ROTATED_UNCONFIRMED</c> (new AWSCURRENT, the cluster reports another version: succeeded with a
/// warning), <c>FAILED</c> (no rotation in flight and AWSCURRENT unchanged) or <c>PENDING</c> (AWSPENDING still there:
/// poll again after <paramref name="WaitSeconds"/>). <paramref name="Reason"/> says why, for the notification.
/// </summary>
internal sealed record CheckSecretRotationOutput(
    string Status, string? CurrentVersionId, string? ClusterSecretVersion, string Reason, DateTimeOffset? LastRotatedDate, int Attempt, int WaitSeconds);

/// <summary>
/// <c>CheckSecretRotation</c>: verifies the rotation from state, not from the event: it is the fallback when no
/// event arrives and the check after one did (guide L2429: <c>lastRotatedDate</c> is a secondary check). Whether
/// <c>GetCluster</c>'s <c>authKey.secretVersion</c> follows is checked but, unless strict, a mismatch is a warning
/// (<see cref="RotationVerification"/>); strict, it is <see cref="RotationNotVerified"/>, which the ASL retries a few
/// times. Reads version stages only, never the secret value.
/// </summary>
[LambdaFunction(Policies = "PcsRead, DescribeClusterSecrets")]
internal sealed class CheckSecretRotationHandler(IAmazonSecretsManager secrets, IAmazonPCS pcs)
{
    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var handler = new CheckSecretRotationHandler(services.Aws.CreateSecretsManager(), services.Aws.CreatePcs());
        return HandlerWrapper.Create(handler.HandleAsync,
            RotationJsonContext.Strict.CheckSecretRotationInput, RotationJsonContext.Strict.CheckSecretRotationOutput);
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
        var check = RotationVerification.Decide(previous, current, rotationInFlight, clusterVersion, input.StrictVerification ?? false);

        var lastRotated = secret.LastRotatedDate?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "never";
        if (check.Status == RotationVerification.NotVerified)
            throw new RotationNotVerified($"Cluster {clusterId}, secret {secretArn}: {check.Reason} (last rotated {lastRotated}).");
        if (check.Status == RotationVerification.RotatedUnconfirmed)
            context.Logger.LogWarning($"Rotation of {secretArn}: {check.Reason} (last rotated {lastRotated})");
        else
            context.Logger.LogInformation($"Rotation of {secretArn}: {check.Status}: {check.Reason} (last rotated {lastRotated})");
        return new CheckSecretRotationOutput(
            check.Status, current, clusterVersion, check.Reason, secret.LastRotatedDate, attempt + 1, PollingBackoff.NextWaitSeconds(attempt));
    }
}

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

/// <summary><c>RotateClusterSecret</c> input: the step runs with <c>.waitForTaskToken</c> and gets the token from <c>$$.Task.Token</c>.</summary>
internal sealed record RotateClusterSecretInput(string? ClusterId, string? ExecutionArn, string? SecretArn, string? TaskToken);

/// <summary>What was started (the state machine ignores it: the step's result is what the router sends back).</summary>
/// <param name="RotationStarted">False when Secrets Manager refused the rotation; the step was then failed through its token.</param>
/// <param name="VersionId">The AWSPENDING version the rotation creates, when started.</param>
internal sealed record RotateClusterSecretOutput(bool RotationStarted, string? VersionId);

/// <summary>
/// <c>RotateClusterSecret</c>: starts the managed rotation of the cluster secret and leaves the step waiting. The task
/// token goes into the lease first, so the <c>RotationEventRouter</c> can complete the step when Secrets Manager's
/// RotationSucceeded/RotationFailed event arrives (guide L2429-2431: only that event says the rotation is done).
/// </summary>
/// <remarks>
/// The cluster's status is read again right before RotateSecret: the drain takes many minutes, and a cluster that went
/// to a status the rotation refuses meanwhile (<see cref="ClusterStatusPolicy"/>) fails the step with
/// <see cref="ClusterStateForbidsRotation"/>, before the secret is touched; the restore follows.
/// </remarks>
[LambdaFunction(Policies = "ClusterLease, PcsReadClusterStatus, RotateClusterSecrets, FailOwnTask")]
internal sealed class RotateClusterSecretHandler(IAmazonSecretsManager secrets, ClusterReader reader, ClusterLeaseTable lease, TaskTokenCallbacks callbacks)
{
    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var handler = new RotateClusterSecretHandler(
            services.Aws.CreateSecretsManager(),
            ClusterReader.Create(services),
            ClusterLeaseTable.Create(services),
            new TaskTokenCallbacks(services.Aws.CreateStepFunctions()));
        return HandlerWrapper.Create(handler.HandleAsync,
            RotationJsonContext.Strict.RotateClusterSecretInput, RotationJsonContext.Strict.RotateClusterSecretOutput);
    }

    public async Task<RotateClusterSecretOutput> HandleAsync(RotateClusterSecretInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var clusterId = WorkflowInput.ClusterId(input.ClusterId);
        var executionArn = WorkflowInput.ExecutionArn(input.ExecutionArn);
        var secretArn = RotationInput.SecretArn(input.SecretArn);
        var taskToken = WorkflowInput.Required(input.TaskToken, "taskToken");
        var cancellationToken = context.CancellationToken;
        using var scope = context.Logger.BeginScope("clusterId", clusterId);

        var status = (await reader.GetClusterAsync(clusterId, cancellationToken).ConfigureAwait(false)).Status.Value;
        if (ClusterStatusPolicy.RotationRefusal(status) is { } refusal)
            throw new ClusterStateForbidsRotation($"Cluster {clusterId}, right before RotateSecret: {refusal}");

        // Token first: a rotation finishing before the token is stored would leave its event with nobody to wake.
        await lease.StoreTaskTokenAsync(clusterId, executionArn, taskToken, cancellationToken).ConfigureAwait(false);

        // Same token on a re-run of this step: Secrets Manager treats it as the same rotation, not a second one.
        var clientToken = ClientTokens.For(executionArn, "rotate");
        RotateSecretResponse response;
        try
        {
            response = await AwsCalls.RunAsync("SecretsManager.RotateSecret", secretArn, () => secrets.RotateSecretAsync(
                new RotateSecretRequest { SecretId = secretArn, ClientRequestToken = clientToken }, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonSecretsManagerException e)
        {
            // AwsCalls already turned throttling and 5xx into TransientAwsError (retried by the ASL): this is a refusal.
            // No rotation started, so no event will ever come: fail the waiting step now instead of letting it time out.
            var cause = $"RotateSecret on {secretArn} was refused: {e.ErrorCode}: {e.Message}";
            context.Logger.LogWarning(cause);
            await callbacks.FailAsync(taskToken, clusterId, RotationEventRouterHandler.RotationFailedError, cause, context.Logger, cancellationToken).ConfigureAwait(false);
            return new RotateClusterSecretOutput(false, null);
        }

        context.Logger.LogInformation($"Rotation of {secretArn} started: version {response.VersionId} is AWSPENDING; waiting for Secrets Manager's event");
        return new RotateClusterSecretOutput(true, response.VersionId);
    }
}

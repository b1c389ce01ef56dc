using System.Text.Json;
using PcsAutomation.Aws.PCS;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Aws.SecretsManager;
using PcsAutomation.Aws.SecretsManager.Model;
using PcsAutomation.Aws.StepFunctions;
using PcsAutomation.Aws.StepFunctions.Model;
using PcsAutomation.Domain.Configuration;
using PcsAutomation.Domain.Rotation;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Events;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.Rotation;

/// <summary>A rotation the reconciler started: the execution's name is the idempotency key for the window.</summary>
internal sealed record ReconcilerStart(string ClusterId, string ExecutionName, string ExecutionArn);

/// <summary>A cluster left alone this time, and why (unmanaged, invalid tag, not due, window closed, already started...).</summary>
internal sealed record ReconcilerSkip(string ClusterId, string Reason);

internal sealed record RotationReconcilerOutput(IReadOnlyList<ReconcilerStart> Started, IReadOnlyList<ReconcilerSkip> Skipped);

/// <summary>The rotation state machine's input.</summary>
internal sealed record RotationExecutionInput(string ClusterId, bool DryRun);

/// <summary>
/// <c>RotationReconciler</c> (scheduled): for every managed cluster whose secret is older than its maximum age while its
/// maintenance window is open, starts the rotation workflow once per window (execution name from
/// <see cref="ExecutionNames.ForWindow"/>, so a second run in the same window is refused as ExecutionAlreadyExists).
/// One cluster's bad tag or error never stops the others: it is listed in <c>skipped</c> with the reason.
/// </summary>
internal sealed class RotationReconcilerHandler(
    IAmazonPCS pcs, IAmazonSecretsManager secrets, IAmazonStepFunctions stepFunctions, AutomationDefaults defaults, string stateMachineArn, TimeProvider time)
{
    public const string StateMachineVariable = "PCS_AUTOMATION_ROTATION_STATE_MACHINE_ARN";

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        // Read at init: a bad stack parameter stops the function with one clear line instead of failing every run.
        var defaults = AutomationDefaults.FromEnvironment(services.GetVariable);
        var stateMachine = services.GetVariable(StateMachineVariable) is { Length: > 0 } arn
            ? arn
            : throw new InvalidOperationException($"{StateMachineVariable} is not set: the reconciler needs the rotation state machine's ARN.");
        var handler = new RotationReconcilerHandler(
            services.Aws.CreatePcs(), services.Aws.CreateSecretsManager(),
            services.Aws.CreateStepFunctions(), defaults, stateMachine, services.Time);
        return HandlerWrapper.Create(handler.HandleAsync,
            LambdaEventsJsonContext.Default.CloudWatchEventJsonElement, RotationJsonContext.Default.RotationReconcilerOutput);
    }

    public async Task<RotationReconcilerOutput> HandleAsync(CloudWatchEvent<JsonElement> input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.CancellationToken;
        var now = time.GetUtcNow();
        var started = new List<ReconcilerStart>();
        var skipped = new List<ReconcilerSkip>();
        var clusters = await AwsCalls.RunAsync("PCS.ListClusters", "all clusters", async () =>
        {
            var all = new List<ClusterSummary>();
            await foreach (var cluster in pcs.Paginators.ListClusters(new ListClustersRequest()).Clusters.WithCancellation(cancellationToken).ConfigureAwait(false))
                all.Add(cluster);
            return all;
        }, cancellationToken).ConfigureAwait(false);

        foreach (var cluster in clusters)
        {
            using var scope = context.Logger.BeginScope("clusterId", cluster.Id);
            try
            {
                var outcome = await ReconcileAsync(cluster, now, context, cancellationToken).ConfigureAwait(false);
                if (outcome.Started is { } start) started.Add(start);
                else skipped.Add(new ReconcilerSkip(cluster.Id, outcome.Skipped!));
            }
            catch (TagConfigurationException e)
            {
                context.Logger.LogWarning($"Cluster {cluster.Id} skipped: invalid tag {e.TagKey}: {e.Message}");
                skipped.Add(new ReconcilerSkip(cluster.Id, $"invalid tag {e.TagKey}: {e.Message}"));
            }
            catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or TransientAwsError)
            {
                // Another cluster's state must not wait for this one: the next scheduled run tries it again.
                var code = e is Amazon.Runtime.AmazonServiceException service ? service.ErrorCode : e.Message;
                context.Logger.LogWarning($"Cluster {cluster.Id} skipped after an AWS error: {code}");
                skipped.Add(new ReconcilerSkip(cluster.Id, $"AWS error: {code}"));
            }
        }

        context.Logger.LogInformation($"Reconciled {clusters.Count} cluster(s): {started.Count} rotation(s) started, {skipped.Count} skipped");
        return new RotationReconcilerOutput(started, skipped);
    }

    private async Task<(ReconcilerStart? Started, string? Skipped)> ReconcileAsync(
        ClusterSummary summary, DateTimeOffset now, ILambdaContext context, CancellationToken cancellationToken)
    {
        var tags = await AwsCalls.RunAsync("PCS.ListTagsForResource", summary.Id, () => pcs.ListTagsForResourceAsync(
            new ListTagsForResourceRequest { ResourceArn = summary.Arn }, cancellationToken), cancellationToken).ConfigureAwait(false);
        var config = ClusterTagConfiguration.Parse(tags.Tags ?? [], defaults);
        if (!config.IsManaged) return (null, $"not managed (no {defaults.ManagedTagKey}=true tag)");
        if (ClusterStatusPolicy.RotationRefusal(summary.Status.Value) is { } refusal) return (null, refusal);

        var cluster = await AwsCalls.RunAsync("PCS.GetCluster", summary.Id, () => pcs.GetClusterAsync(
            new GetClusterRequest { ClusterIdentifier = summary.Id }, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (cluster.Cluster?.SlurmConfiguration?.AuthKey?.SecretArn is not { Length: > 0 } secretArn)
            return (null, "the cluster reports no slurmConfiguration.authKey.secretArn");
        var secret = await AwsCalls.RunAsync("SecretsManager.DescribeSecret", secretArn, () => secrets.DescribeSecretAsync(
            new DescribeSecretRequest { SecretId = secretArn }, cancellationToken), cancellationToken).ConfigureAwait(false);
        var created = secret.CreatedDate ?? cluster.Cluster.CreatedAt;

        var decision = RotationSchedule.Decide(config, secret.LastRotatedDate, created, now);
        if (!decision.Start || decision.WindowOpenedAt is not { } openedAt) return (null, decision.Reason);

        var name = ExecutionNames.ForWindow(WorkflowKind.ClusterSecretRotation, summary.Id, openedAt);
        var input = JsonSerializer.Serialize(new RotationExecutionInput(summary.Id, DryRun: false), RotationJsonContext.Default.RotationExecutionInput);
        try
        {
            var execution = await AwsCalls.RunAsync("SFN.StartExecution", summary.Id, () => stepFunctions.StartExecutionAsync(
                new StartExecutionRequest { StateMachineArn = stateMachineArn, Name = name, Input = input }, cancellationToken), cancellationToken).ConfigureAwait(false);
            context.Logger.LogInformation($"Rotation of cluster {summary.Id} started as {name}: {decision.Reason}");
            return (new ReconcilerStart(summary.Id, name, execution.ExecutionArn), null);
        }
        catch (ExecutionAlreadyExistsException)
        {
            // This window's execution exists (an earlier run, or a duplicate schedule): nothing more to do.
            context.Logger.LogInformation($"Rotation of cluster {summary.Id} already started in this window as {name}");
            return (null, $"already started in this window ({name})");
        }
    }
}

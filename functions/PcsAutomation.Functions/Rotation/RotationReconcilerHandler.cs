using System.Text.Json;
using PcsAutomation.Aws.PCS;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Aws.SecretsManager;
using PcsAutomation.Aws.SecretsManager.Model;
using PcsAutomation.Domain.Configuration;
using PcsAutomation.Domain.Rotation;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.CapacityBlocks;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Events;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.Rotation;

/// <summary>What one reconciler run did: rotations started, advance notices sent, clusters skipped.</summary>
internal sealed record RotationReconcilerOutput(IReadOnlyList<ReconcilerStart> Started, IReadOnlyList<ReconcilerStart> Notices, IReadOnlyList<ReconcilerSkip> Skipped);

/// <summary>The rotation state machine's input.</summary>
internal sealed record RotationExecutionInput(string ClusterId, bool DryRun);

/// <summary>The notice state machine's input: it prepares and publishes the workflow's <c>event</c> notification (here <c>AdvanceNotice</c>).</summary>
internal sealed record AdvanceNoticeInput(string Workflow, string Event, string ClusterId, string ClusterName, RotationNotificationFacts Facts);

/// <summary>
/// <c>RotationReconciler</c> (scheduled): for every managed cluster whose secret is older than its maximum age while its
/// maintenance window is open, starts the rotation workflow once per window (<see cref="ExecutionNames.ForWindow"/>);
/// for one whose secret will be due by a window opening within the notice lead time, sends the advance notice once per
/// window (<see cref="AdvanceNotice"/>, <see cref="ExecutionNames.NoticeForWindow"/> on the notice state machine).
/// A due rotation waits while the expiry of a Capacity Block the cluster uses acts soon (<see cref="RotationDeferral"/>).
/// One cluster's bad tag or error never stops the others (<see cref="ClusterSweep"/>): it is listed in <c>skipped</c> with the reason.
/// </summary>
[LambdaFunction(
    Timeout = 120,
    Environment = [EnvironmentVariables.RotationStateMachineArn, EnvironmentVariables.NoticeStateMachineArn],
    Policies = "@CapacityFactsReadPolicy, PcsRead, PcsListClusters, DescribeClusterSecrets, StartRotationsAndNotices")]
internal sealed class RotationReconcilerHandler(
    IAmazonPCS pcs, IAmazonSecretsManager secrets, ExecutionStarter starter, AutomationDefaults defaults, ReconcilerTargets targets, RotationDeferral deferral, TimeProvider time)
{
    public const string StateMachineVariable = EnvironmentVariables.RotationStateMachineArn;
    public const string NoticeStateMachineVariable = EnvironmentVariables.NoticeStateMachineArn;

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        // Read at init: a bad stack parameter stops the function with one clear line instead of failing every run.
        var defaults = AutomationDefaults.FromEnvironment(services.GetVariable);
        var targets = new ReconcilerTargets(Required(services, StateMachineVariable, "the rotation"), Required(services, NoticeStateMachineVariable, "the notice"));
        var handler = new RotationReconcilerHandler(
            services.Aws.CreatePcs(), services.Aws.CreateSecretsManager(), new ExecutionStarter(services.Aws.CreateStepFunctions()), defaults, targets,
            RotationDeferral.Create(services), services.Time);
        return HandlerWrapper.Create(handler.HandleAsync,
            LambdaEventsJsonContext.Strict.CloudWatchEventJsonElement, RotationJsonContext.Strict.RotationReconcilerOutput);
    }

    public async Task<RotationReconcilerOutput> HandleAsync(CloudWatchEvent<JsonElement> input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.CancellationToken;
        var now = time.GetUtcNow();
        var run = await ClusterSweep.RunAsync(pcs, context, async cluster =>
        {
            var (start, notice, skip) = await ReconcileAsync(cluster, now, context, cancellationToken).ConfigureAwait(false);
            return new ReconcilerOutcome(start, notice, skip);
        }).ConfigureAwait(false);

        context.Logger.LogInformation(
            $"Reconciled {run.Clusters} cluster(s): {run.Started.Count} rotation(s) started, {run.Notices.Count} advance notice(s) sent, {run.Skipped.Count} skipped");
        return new RotationReconcilerOutput(run.Started, run.Notices, run.Skipped);
    }

    private async Task<(ReconcilerStart? Started, ReconcilerStart? Notice, string? Skipped)> ReconcileAsync(
        ClusterSummary summary, DateTimeOffset now, ILambdaContext context, CancellationToken cancellationToken)
    {
        var tags = await AwsCalls.RunAsync("PCS.ListTagsForResource", summary.Id, () => pcs.ListTagsForResourceAsync(
            new ListTagsForResourceRequest { ResourceArn = summary.Arn }, cancellationToken), cancellationToken).ConfigureAwait(false);
        var config = ClusterTagConfiguration.Parse(tags.Tags ?? [], defaults);
        if (!config.IsManaged) return (null, null, $"not managed (no {defaults.ManagedTagKey}=true tag)");
        if (ClusterStatusPolicy.RotationRefusal(summary.Status.Value) is { } refusal) return (null, null, refusal);

        var cluster = await AwsCalls.RunAsync("PCS.GetCluster", summary.Id, () => pcs.GetClusterAsync(
            new GetClusterRequest { ClusterIdentifier = summary.Id }, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (cluster.Cluster?.SlurmConfiguration?.AuthKey?.SecretArn is not { Length: > 0 } secretArn)
            return (null, null, "the cluster reports no slurmConfiguration.authKey.secretArn");
        var secret = await AwsCalls.RunAsync("SecretsManager.DescribeSecret", secretArn, () => secrets.DescribeSecretAsync(
            new DescribeSecretRequest { SecretId = secretArn }, cancellationToken), cancellationToken).ConfigureAwait(false);
        var created = secret.CreatedDate ?? cluster.Cluster.CreatedAt;

        var decision = RotationSchedule.Decide(config, secret.LastRotatedDate, created, now);
        if (decision.Start && decision.WindowOpenedAt is { } openedAt)
        {
            // An expiry cannot wait for the cluster's lease, a rotation can: it does not start when one is due soon (the window's name stays unspent).
            if (await deferral.ReasonAsync(summary.Id, cancellationToken).ConfigureAwait(false) is { } wait)
            {
                context.Logger.LogInformation($"Rotation of cluster {summary.Id} deferred: {wait}");
                return (null, null, $"{decision.Reason}; deferred: {wait}");
            }
            var name = ExecutionNames.ForWindow(WorkflowKind.ClusterSecretRotation, summary.Id, openedAt);
            var input = JsonSerializer.Serialize(new RotationExecutionInput(summary.Id, DryRun: false), RotationJsonContext.Strict.RotationExecutionInput);
            if (await starter.StartOnceAsync(targets.Rotation, name, input, summary.Id, cancellationToken).ConfigureAwait(false) is not { } arn)
            {
                // This window's execution exists (an earlier run, or a duplicate schedule): nothing more to do.
                context.Logger.LogInformation($"Rotation of cluster {summary.Id} already started in this window as {name}");
                return (null, null, $"already started in this window ({name})");
            }
            context.Logger.LogInformation($"Rotation of cluster {summary.Id} started as {name}: {decision.Reason}");
            return (new ReconcilerStart(summary.Id, name, arn), null, null);
        }

        var notice = AdvanceNotice.Decide(config, secret.LastRotatedDate, created, now, defaults.NoticeLeadTime);
        if (!notice.Send || notice.WindowOpensAt is not { } opensAt)
            return (null, null, $"{decision.Reason}; no advance notice: {notice.Reason}");
        return await NotifyAsync(summary, config, opensAt, notice.Reason, secret.RotationEnabled == true, context, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(ReconcilerStart? Started, ReconcilerStart? Notice, string? Skipped)> NotifyAsync(
        ClusterSummary summary, ClusterTagConfiguration config, DateTimeOffset opensAt, string reason, bool rotationSchedule,
        ILambdaContext context, CancellationToken cancellationToken)
    {
        var name = ExecutionNames.NoticeForWindow(WorkflowKind.ClusterSecretRotation, summary.Id, opensAt);
        var facts = new RotationNotificationFacts(
            MaintenanceWindow: config.MaintenanceWindow.ToString(), WindowOpensAt: opensAt,
            Warnings: rotationSchedule ? [RotationPlan.RotationScheduleWarning] : null);
        var input = JsonSerializer.Serialize(
            new AdvanceNoticeInput(WorkflowKind.ClusterSecretRotation.Name, NotificationEvents.AdvanceNotice, summary.Id, summary.Name, facts),
            RotationJsonContext.Strict.AdvanceNoticeInput);
        if (await starter.StartOnceAsync(targets.Notice, name, input, summary.Id, cancellationToken).ConfigureAwait(false) is not { } arn)
            return (null, null, $"advance notice already sent for this window ({name})");
        context.Logger.LogInformation($"Advance notice for cluster {summary.Id} sent as {name}: {reason}");
        return (null, new ReconcilerStart(summary.Id, name, arn), null);
    }

    private static string Required(FunctionServices services, string variable, string what) =>
        services.GetVariable(variable) is { Length: > 0 } arn
            ? arn
            : throw new InvalidOperationException($"{variable} is not set: the reconciler needs {what} state machine's ARN.");
}

/// <summary>The state machines the reconciler starts.</summary>
internal sealed record ReconcilerTargets(string Rotation, string Notice);

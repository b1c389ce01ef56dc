using System.Text.Json;
using PcsAutomation.Aws.PCS;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Domain.Configuration;
using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Events;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.NodeGroupUpdate;

/// <summary>What one AMI reconciler run did: roll-outs started, "newer image" notices sent, clusters skipped (with why).</summary>
internal sealed record AmiUpdateReconcilerOutput(IReadOnlyList<ReconcilerStart> Started, IReadOnlyList<ReconcilerStart> Notices, IReadOnlyList<ReconcilerSkip> Skipped);

/// <summary>
/// <c>AmiUpdateReconciler</c> (scheduled): for every managed cluster tagged with an AMI channel and
/// <c>pcs-automation:ami-update</c>, makes the plan a roll-out to the channel would make (<see cref="NodeGroupUpdatePlanning"/>)
/// and follows <see cref="AmiUpdatePolicy"/>: nothing when no group differs; <c>notify</c> sends the ImageAvailable
/// notice once per cluster and target images; <c>apply</c> starts the roll-out once per cluster, target images and
/// window occurrence, only while the maintenance window is open and no workflow holds the cluster's lease.
/// </summary>
[LambdaFunction(
    Timeout = 300,
    Environment = [EnvironmentVariables.NodeGroupUpdateStateMachineArn, EnvironmentVariables.NoticeStateMachineArn],
    Policies = "@NodeGroupUpdatePlanningReadPolicy, PcsListClusters, ClusterLease, StartRolloutsAndNotices")]
internal sealed class AmiUpdateReconcilerHandler(
    IAmazonPCS pcs, NodeGroupUpdatePlanning planning, ClusterLeaseTable leases, AmiTriggerStarts starts, AutomationDefaults defaults, TimeProvider time)
{
    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        // Read at init: a bad stack parameter or a missing ARN stops the function with one clear line instead of failing every run.
        var handler = new AmiUpdateReconcilerHandler(services.Aws.CreatePcs(), NodeGroupUpdatePlanning.Create(services), ClusterLeaseTable.Create(services),
            AmiTriggerStarts.Create(services, "AmiUpdateReconciler"), AutomationDefaults.FromEnvironment(services.GetVariable), services.Time);
        return HandlerWrapper.Create(handler.HandleAsync, LambdaEventsJsonContext.Strict.CloudWatchEventJsonElement, AmiTriggersJsonContext.Strict.AmiUpdateReconcilerOutput);
    }

    public async Task<AmiUpdateReconcilerOutput> HandleAsync(CloudWatchEvent<JsonElement> input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellation = context.CancellationToken;
        var now = time.GetUtcNow();
        var run = await ClusterSweep.RunAsync(pcs, context, cluster => ReconcileAsync(cluster, now, context, cancellation)).ConfigureAwait(false);
        context.Logger.LogInformation(
            $"Reconciled the AMIs of {run.Clusters} cluster(s): {run.Started.Count} roll-out(s) started, {run.Notices.Count} notice(s) sent, {run.Skipped.Count} skipped");
        return new AmiUpdateReconcilerOutput(run.Started, run.Notices, run.Skipped);
    }

    private async Task<ReconcilerOutcome> ReconcileAsync(
        ClusterSummary summary, DateTimeOffset now, ILambdaContext context, CancellationToken cancellation)
    {
        var tags = await AwsCalls.RunAsync("PCS.ListTagsForResource", summary.Id, () => pcs.ListTagsForResourceAsync(
            new ListTagsForResourceRequest { ResourceArn = summary.Arn }, cancellation), cancellation).ConfigureAwait(false);
        var config = ClusterTagConfiguration.Parse(tags.Tags ?? [], defaults);
        var amiTags = AmiUpdateTags.Read(tags.Tags ?? []);
        if (AmiUpdatePolicy.NotEligible(config, amiTags, defaults.ManagedTagKey) is { } notEligible)
            return Skip(context, summary.Id, notEligible);

        var cluster = await planning.Reader.GetClusterAsync(summary.Id, cancellation).ConfigureAwait(false);
        var request = NodeGroupUpdateRequest.Validate(cluster.Id, amiTags.Target, null, null, null, null, dryRun: true);
        var plan = await planning.PlanAsync(cluster, request, cancellation).ConfigureAwait(false);
        var decision = AmiUpdatePolicy.Decide(amiTags, config.MaintenanceWindow, plan, now);
        return decision.Action switch
        {
            AmiUpdateAction.Notify => await NotifyAsync(plan, config, decision, context, cancellation).ConfigureAwait(false),
            AmiUpdateAction.Apply => await ApplyAsync(plan, amiTags, decision, context, cancellation).ConfigureAwait(false),
            _ => Skip(context, cluster.Id, decision.Reason),
        };
    }

    private async Task<ReconcilerOutcome> NotifyAsync(
        NodeGroupUpdatePlan plan, ClusterTagConfiguration config, AmiUpdateDecision decision, ILambdaContext context, CancellationToken cancellation)
    {
        var name = ExecutionNames.NoticeForImages(WorkflowKind.NodeGroupUpdate, plan.ClusterId, decision.Images!);
        var facts = new NodeGroupUpdateNotificationFacts(
            Target: plan.Target, Warnings: plan.Warnings.Count > 0 ? plan.Warnings : null, MaintenanceWindow: config.MaintenanceWindow.ToString(),
            Updates: [.. AmiUpdatePolicy.Changes(plan).Select(c => new ImageUpdateFact(c.NodeGroupId, c.NodeGroupName, c.CurrentImageId, c.ExpectedImageId, c.Disruption))]);
        if (await starts.NoticeAsync(name, NodeGroupUpdateNotifications.ImageAvailable, plan.ClusterId, plan.ClusterName, facts, cancellation).ConfigureAwait(false) is not { } arn)
            return Skip(context, plan.ClusterId, $"notice already sent for these images ({name})");
        context.Logger.LogInformation($"AMI notice for cluster {plan.ClusterId} sent as {name}: {decision.Reason}");
        return new(null, new ReconcilerStart(plan.ClusterId, name, arn), null);
    }

    private async Task<ReconcilerOutcome> ApplyAsync(
        NodeGroupUpdatePlan plan, AmiUpdateTags amiTags, AmiUpdateDecision decision, ILambdaContext context, CancellationToken cancellation)
    {
        // A rotation or roll-out holding the cluster would refuse this one at its lease step, and the window's name would be spent.
        if (await leases.GetAsync(plan.ClusterId, cancellation).ConfigureAwait(false) is { } lease && !lease.IsExpired(time.GetUtcNow()))
            return Skip(context, plan.ClusterId, $"{decision.Reason}; but execution {lease.Owner} ({lease.Workflow}) holds the cluster's lease: the next run tries again");
        var name = ExecutionNames.ForImagesInWindow(WorkflowKind.NodeGroupUpdate, plan.ClusterId, decision.Images!, decision.WindowOpenedAt!.Value);
        if (await starts.RolloutAsync(name, plan.ClusterId, amiTags.Target!, null, cancellation).ConfigureAwait(false) is not { } arn)
            return Skip(context, plan.ClusterId, $"roll-out to these images already started in this window ({name})");
        context.Logger.LogInformation($"AMI roll-out of cluster {plan.ClusterId} started as {name}: {decision.Reason}");
        return new(new ReconcilerStart(plan.ClusterId, name, arn), null, null);
    }

    private static ReconcilerOutcome Skip(ILambdaContext context, string clusterId, string reason)
    {
        context.Logger.LogInformation($"Cluster {clusterId}: no AMI action: {reason}");
        return new(null, null, reason);
    }
}

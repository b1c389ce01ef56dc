using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Domain.Ami;
using PcsAutomation.Domain.Configuration;
using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Ami;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Events;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.NodeGroupUpdate;

/// <summary>
/// What the audit did with one event: <c>rejected</c> (another account or Region), <c>ignored</c> (not an image change,
/// a failed call, our own roll-out's call, an unmanaged or unknown cluster), <c>compliant</c> or <c>finding</c>; why;
/// the findings; the notice and remediation executions it started (or found started).
/// </summary>
internal sealed record NodeGroupAmiAuditOutput(
    string Action, string Reason, IReadOnlyList<string>? Findings = null, string? NoticeExecution = null, string? RemediationExecution = null);

/// <summary>
/// <c>NodeGroupAmiAudit</c>: the target of the EventBridge rule on PCS CreateComputeNodeGroup and UpdateComputeNodeGroup
/// CloudTrail calls (guide L10748). It reads the group as PCS has it now and judges its image (<see cref="AmiAudit"/>):
/// a finding when the image is not the one the cluster's channel gives, or the pre-flight refuses it for the cluster's
/// Slurm version (guide L6559); the finding notice goes out once per CloudTrail event; with <c>apply</c>, the group is
/// rolled back to the channel's image once per group and image. Events are best effort and may come twice or late: a
/// second delivery finds both names taken. The roll-out's own calls are recognised by their client token and ignored, so
/// remediation never answers itself (<see cref="RolloutCalls"/>).
/// </summary>
[LambdaFunction(
    Timeout = 60,
    Environment = [EnvironmentVariables.NodeGroupUpdateStateMachineArn, EnvironmentVariables.NoticeStateMachineArn],
    Policies = "@NodeGroupUpdatePlanningReadPolicy, ClusterLease, StartRemediationsAndFindings")]
internal sealed class NodeGroupAmiAuditHandler(NodeGroupUpdatePlanning planning, ClusterLeaseTable leases, AmiTriggerStarts starts, AutomationDefaults defaults, string ownRegion, TimeProvider time)
{
    public const string Rejected = "rejected";
    public const string Ignored = "ignored";
    public const string Compliant = "compliant";
    public const string Finding = "finding";

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var region = FunctionRegion.Require(services, "NodeGroupAmiAudit");
        var handler = new NodeGroupAmiAuditHandler(NodeGroupUpdatePlanning.Create(services), ClusterLeaseTable.Create(services),
            AmiTriggerStarts.Create(services, "NodeGroupAmiAudit"), AutomationDefaults.FromEnvironment(services.GetVariable), region, services.Time);
        return HandlerWrapper.Create(handler.HandleAsync, LambdaEventsJsonContext.Strict.CloudWatchEventCloudTrailDetail, AmiTriggersJsonContext.Strict.NodeGroupAmiAuditOutput);
    }

    public async Task<NodeGroupAmiAuditOutput> HandleAsync(CloudWatchEvent<CloudTrailDetail> input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var ownAccount = CloudTrailOrigin.AccountOfFunctionArn(context.InvokedFunctionArn)
            ?? throw new InvalidOperationException($"The invoked function ARN '{context.InvokedFunctionArn}' names no account: events cannot be checked against it.");
        // First, before reading anything: an event about another account's or Region's clusters is none of ours.
        if (CloudTrailOrigin.Rejection(input.Account, input.Detail?.RecipientAccountId, input.Region, input.Detail?.AwsRegion, ownAccount, ownRegion) is { } rejection)
        {
            context.Logger.LogWarning($"Event {input.Detail?.EventId ?? input.Id ?? "(no id)"} rejected, nothing read or changed: {rejection}");
            return new NodeGroupAmiAuditOutput(Rejected, rejection);
        }
        var (call, notAudited) = ReadCall(input, context);
        if (call is null)
            return Done(context, Ignored, notAudited!);
        if (call.ErrorCode is { } error)
            return Done(context, Ignored, $"{call.EventName} failed ({error}): nothing was changed");
        if (!call.SetsImage)
            return Done(context, Ignored, $"{call.EventName} on {call.NodeGroupIdentifier} sets no amiId or launch template: the image did not change");

        var cancellation = context.CancellationToken;
        Cluster cluster;
        try
        {
            cluster = await planning.Reader.GetClusterAsync(call.ClusterIdentifier, cancellation).ConfigureAwait(false);
        }
        catch (ResourceNotFoundException)
        {
            return Done(context, Ignored, $"cluster {call.ClusterIdentifier} does not exist (any more) in this account and Region");
        }
        using var scope = context.Logger.BeginScope("clusterId", cluster.Id);
        var tags = await planning.Reader.GetTagsAsync(cluster, cancellation).ConfigureAwait(false);
        var config = ClusterTagConfiguration.Parse(tags, defaults);
        if (!config.IsManaged)
            return Done(context, Ignored, $"cluster {cluster.Id} is not tagged {defaults.ManagedTagKey}=true");
        if (await planning.Reader.GetComputeNodeGroupAsync(cluster.Id, call.NodeGroupIdentifier, cancellation).ConfigureAwait(false) is not { } group)
            return Done(context, Ignored, $"node group {call.NodeGroupIdentifier} of cluster {cluster.Id} does not exist (any more)");

        var lease = await leases.GetAsync(cluster.Id, cancellation).ConfigureAwait(false);
        if (lease is not null && RolloutCalls.StepOf(call.ClientToken, lease.Owner, group.Id) is { } step)
            return Done(context, Ignored, $"{call.EventName} on {group.Name} is the {step} step of {lease.Owner}, which holds the cluster's lease (its client token): our own {(RolloutCalls.IsRollout(step) ? "roll-out" : "Capacity Block expiry")}");

        var amiTags = AmiUpdateTags.Read(tags);
        var image = await planning.CurrentImageAsync(group, cancellation).ConfigureAwait(false);
        var incompatible = await IncompatibilitiesAsync(cluster, group, image, cancellation).ConfigureAwait(false);
        var (channelImage, refusals, channelProblem) = await CompareWithChannelAsync(cluster, group, amiTags, cancellation).ConfigureAwait(false);
        var holder = lease is not null && !lease.IsExpired(time.GetUtcNow()) ? lease.Owner : null;
        var result = AmiAudit.Judge(new AmiAuditInput(group.Id, group.Name, image.ImageId, incompatible, amiTags, channelProblem, channelImage, refusals, holder));
        if (!result.HasFindings)
            return Done(context, Compliant, result.Reason);
        return await ReportAsync(call, cluster, group, image.ImageId, amiTags, result, context, cancellation).ConfigureAwait(false);
    }

    private static (PcsNodeGroupCall? Call, string? NotAudited) ReadCall(CloudWatchEvent<CloudTrailDetail> input, ILambdaContext context)
    {
        try
        {
            return PcsNodeGroupCall.Read(input);
        }
        catch (InvalidCloudTrailEvent e)
        {
            context.Logger.LogError($"Event {input.Detail?.EventId ?? input.Id ?? "(no id)"} not audited, nothing changed: {e.Message}");
            throw;
        }
    }

    /// <summary>The pre-flight's refusals of the group's image for the cluster (as a roll-out to that image would meet them).</summary>
    private async Task<IReadOnlyList<PreflightFinding>> IncompatibilitiesAsync(Cluster cluster, ComputeNodeGroup group, CurrentGroupImage image, CancellationToken cancellation)
    {
        if (image.ImageId is not { } imageId)
            return [new(PlanRules.NoImage, "guide L3029", $"node group {group.Name} has no amiId and launch template {group.CustomLaunchTemplate.Id} version {group.CustomLaunchTemplate.Version} names no ImageId")];
        if (!SlurmVersion.TryParse(cluster.Scheduler.Version, out var slurm))
            return [new(AmiPreflight.SlurmEndOfLife, "guide L6441-6454", $"cluster {cluster.Id} reports Slurm '{cluster.Scheduler.Version}', not a yy.mm version PCS supports")];
        AmiImage described;
        try
        {
            described = await planning.Lookup.DescribeAsync(imageId, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AmiNotFound or InvalidAmiId)
        {
            return [new(AmiPreflight.ImageState, "guide L5896-5905", e.Message)];
        }
        var preflight = AmiPreflight.Check(new PreflightInput(slurm, described, image.Architecture, image.Template?.Name, image.TemplateImageId,
            SetsGroupAmiId: group.AmiId is not null), time.GetUtcNow());
        return preflight.Refusals;
    }

    /// <summary>
    /// The image the channel gives this group and the refusals of a roll-out of the group to it, from the roll-out's own
    /// planning (the image is known even when the plan refuses the group, e.g. while it is still UPDATING); or why not.
    /// </summary>
    private async Task<(string? ChannelImage, IReadOnlyList<PlanRefusal> Refusals, string? Problem)> CompareWithChannelAsync(
        Cluster cluster, ComputeNodeGroup group, AmiUpdateTags amiTags, CancellationToken cancellation)
    {
        if (amiTags.Target is not { } target)
            return (null, [], amiTags.ChannelProblem);
        try
        {
            var request = NodeGroupUpdateRequest.Validate(cluster.Id, target, [group.Id], null, null, null, dryRun: true);
            var (plan, groups) = await planning.ReadAndPlanAsync(cluster, request, cancellation).ConfigureAwait(false);
            return (groups.FirstOrDefault(g => g.Current.NodeGroupId == group.Id)?.TargetImage?.ImageId, plan.Refusals, null);
        }
        catch (WorkflowError e)
        {
            // No eligible image, an SSM parameter or image that is gone: nothing to compare with, the rest of the audit stands.
            return (null, [], $"channel {amiTags.Channel} could not be looked up: {e.GetType().Name}: {e.Message}");
        }
    }

    private async Task<NodeGroupAmiAuditOutput> ReportAsync(
        PcsNodeGroupCall call, Cluster cluster, ComputeNodeGroup group, string? imageId, AmiUpdateTags amiTags, AmiAuditResult result, ILambdaContext context, CancellationToken cancellation)
    {
        var findings = result.Findings.Select(f => f.ToString()).ToList();
        var remediation = result.Reason;
        string? remediationArn = null, remediationName = null;
        if (result.Remediate)
        {
            remediationName = ExecutionNames.RemediationForImages(WorkflowKind.NodeGroupUpdate, cluster.Id, group.Id, ExecutionNames.ImagesKey([result.ChannelImageId!]));
            remediationArn = await starts.RolloutAsync(remediationName, cluster.Id, amiTags.Target!, [group.Id], cancellation).ConfigureAwait(false);
            remediation = remediationArn is null
                ? $"not remediated: the roll-out {remediationName} ran once already for this group and image (a failed one's rollback sets the old image back: no second try here); the scheduled reconciler rolls the group to the channel in the maintenance window"
                : $"{result.Reason}: roll-out {remediationName} started";
        }

        var noticeName = ExecutionNames.FindingForEvent(WorkflowKind.NodeGroupUpdate, cluster.Id, call.EventId ?? $"{call.EventTime}-{group.Id}-{imageId}");
        var facts = new NodeGroupUpdateNotificationFacts(Target: amiTags.Channel is { } channel ? $"channel {channel}" : null, Finding: new AmiFindingFact(
            group.Id, group.Name, imageId, findings, call.EventName, call.EventId, call.EventTime, call.Caller, result.ChannelImageId, remediation, remediationArn));
        var noticeArn = await starts.NoticeAsync(noticeName, NodeGroupUpdateNotifications.Finding, cluster.Id, cluster.Name, facts, cancellation).ConfigureAwait(false);
        context.Logger.LogWarning(
            $"AMI finding on node group {group.Name} ({group.Id}) of cluster {cluster.Id}, image {imageId ?? "(none)"}: {string.Join("; ", findings)}. {remediation}. " +
            (noticeArn is null ? $"Notice {noticeName} was sent already (event delivered twice)." : $"Notice sent as {noticeName}."));
        return new NodeGroupAmiAuditOutput(Finding, remediation, findings, noticeName, remediationArn is null ? null : remediationName);
    }

    private static NodeGroupAmiAuditOutput Done(ILambdaContext context, string action, string reason)
    {
        context.Logger.LogInformation($"Event {action}: {reason}");
        return new NodeGroupAmiAuditOutput(action, reason);
    }
}

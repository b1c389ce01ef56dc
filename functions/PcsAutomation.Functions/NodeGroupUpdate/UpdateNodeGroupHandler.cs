using PcsAutomation.Aws.PCS;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Domain.Ami;
using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.NodeGroupUpdate;

/// <summary>
/// <c>UpdateNodeGroup</c>: moves one group of the plan to its target image. Under this execution's lease only
/// (<see cref="LeaseLost"/> otherwise: a rotation or another roll-out holds the cluster). First the lease records the
/// group's settings as they are (an earlier record wins, so a re-run never saves what it set itself); then, for a group
/// whose launch template gives its image, a new version of that template from the saved version with the new
/// <c>ImageId</c>; then UpdateComputeNodeGroup with the new <c>amiId</c> or template version (guide L2727, L2661). Every
/// mutating call carries a client token derived from the execution and the group, so a retried step is the same request.
/// A group PCS is busy with answers ConflictException, which surfaces as-is for the ASL's retry.
/// </summary>
[LambdaFunction(Policies = "@UpdateComputeNodeGroupPolicy, ClusterLease, NewLaunchTemplateVersions")]
public sealed class UpdateNodeGroupHandler
{
    // The audit of CloudTrail events recognises this step's calls by their token (RolloutCalls).
    private const string UpdateStep = RolloutCalls.UpdateStep;
    private const string VersionStep = "launch-template-version";

    private readonly ClusterReader reader;
    private readonly IAmazonPCS pcs;
    private readonly LaunchTemplates templates;
    private readonly ClusterLeaseTable leases;
    private readonly TimeProvider time;

    internal UpdateNodeGroupHandler(ClusterReader reader, IAmazonPCS pcs, LaunchTemplates templates, ClusterLeaseTable leases, TimeProvider time) =>
        (this.reader, this.pcs, this.templates, this.leases, this.time) = (reader, pcs, templates, leases, time);

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var pcs = services.Aws.CreatePcs();
        var ec2 = services.Aws.CreateEc2();
        var handler = new UpdateNodeGroupHandler(new ClusterReader(pcs, ec2), pcs, new LaunchTemplates(ec2), ClusterLeaseTable.Create(services), services.Time);
        return HandlerWrapper.Create(handler.HandleAsync, NodeGroupUpdateJsonContext.Strict.UpdateNodeGroupInput, NodeGroupUpdateJsonContext.Strict.UpdateNodeGroupResult);
    }

    public async Task<UpdateNodeGroupResult> HandleAsync(UpdateNodeGroupInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var clusterId = WorkflowInput.ClusterId(input.ClusterId);
        var executionArn = WorkflowInput.ExecutionArn(input.ExecutionArn);
        var group = ValidGroup(input.Group);
        var cancellation = context.CancellationToken;
        using var scope = context.Logger.BeginScope("clusterId", clusterId);

        await leases.RequireOwnedAndRenewAsync(clusterId, executionArn, cancellation).ConfigureAwait(false);
        var current = await reader.GetComputeNodeGroupAsync(clusterId, group.NodeGroupId, cancellation).ConfigureAwait(false)
            ?? throw new NodeGroupNotFound($"Node group {group.NodeGroupId} ({group.NodeGroupName}) of cluster {clusterId} no longer exists: nothing was changed.");
        var now = new NodeGroupImage(current.Id, current.Name, current.AmiId, current.CustomLaunchTemplate.Id, current.CustomLaunchTemplate.Version);
        var change = await leases.SaveChangeAsync(clusterId, executionArn,
            new NodeGroupChange(now, group.Change, group.TargetAmiId, group.TargetLaunchTemplateVersion, group.ExpectedImageId, time.GetUtcNow()), cancellation)
            .ConfigureAwait(false);
        var previous = change.Previous;
        context.Logger.LogInformation($"Saved in the lease of cluster {clusterId}: {previous} (changed at {change.ChangedAt:O})");

        string? amiId = null;
        var version = previous.LaunchTemplateVersion;
        if (change.Change == ImageChanges.AmiId)
        {
            amiId = change.TargetAmiId;
        }
        else if (change.Change == ImageChanges.NewLaunchTemplateVersion)
        {
            // From the saved version, not the group's current one: a re-run must ask EC2 for the same version (same token).
            version = await templates.CreateVersionAsync(previous.LaunchTemplateId, previous.LaunchTemplateVersion, change.TargetAmiId!,
                ClientTokens.For(executionArn, VersionStep, previous.NodeGroupId), cancellation).ConfigureAwait(false);
            context.Logger.LogInformation($"Launch template {previous.LaunchTemplateId} version {version} = version {previous.LaunchTemplateVersion} with {change.TargetAmiId}");
        }
        else
        {
            version = change.TargetLaunchTemplateVersion!;
        }

        await AwsCalls.RunAsync("PCS.UpdateComputeNodeGroup", $"{clusterId}/{previous.NodeGroupId}", () => pcs.UpdateComputeNodeGroupAsync(new UpdateComputeNodeGroupRequest
        {
            ClusterIdentifier = clusterId,
            ComputeNodeGroupIdentifier = previous.NodeGroupId,
            AmiId = amiId,
            CustomLaunchTemplate = amiId is null ? new CustomLaunchTemplate { Id = previous.LaunchTemplateId, Version = version } : null,
            ClientToken = ClientTokens.For(executionArn, UpdateStep, previous.NodeGroupId),
        }, cancellation), cancellation).ConfigureAwait(false);

        context.Logger.LogInformation(
            $"Node group {previous.NodeGroupName} ({previous.NodeGroupId}) updating: {(amiId is not null ? $"amiId {previous.AmiId} -> {amiId}" : $"launch template {previous.LaunchTemplateId} version {previous.LaunchTemplateVersion} -> {version}")}; " +
            $"its instances must come to report {change.ExpectedImageId}");
        return new UpdateNodeGroupResult(previous.NodeGroupId, change, amiId ?? previous.AmiId, version);
    }

    private static PlannedGroupUpdate ValidGroup(PlannedGroupUpdate? group)
    {
        if (group is null)
            throw new InvalidWorkflowInput("group is required: one entry of the plan (its canary or one of remaining).");
        WorkflowInput.Required(group.NodeGroupId, "group.nodeGroupId");
        if (AmiIds.Problem(group.ExpectedImageId) is { } expected)
            throw new InvalidWorkflowInput($"group.expectedImageId: {expected}");
        return group.Change switch
        {
            ImageChanges.AmiId or ImageChanges.NewLaunchTemplateVersion when AmiIds.Problem(group.TargetAmiId) is { } problem =>
                throw new InvalidWorkflowInput($"group.targetAmiId: {problem}"),
            ImageChanges.LaunchTemplateVersion when !int.TryParse(group.TargetLaunchTemplateVersion, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _) =>
                throw new InvalidWorkflowInput($"group.targetLaunchTemplateVersion '{WorkflowInput.Clip(group.TargetLaunchTemplateVersion)}' is not a version number."),
            ImageChanges.AmiId or ImageChanges.NewLaunchTemplateVersion or ImageChanges.LaunchTemplateVersion => group,
            _ => throw new InvalidWorkflowInput($"group.change '{WorkflowInput.Clip(group.Change)}' is not one of {ImageChanges.AmiId}, {ImageChanges.NewLaunchTemplateVersion}, {ImageChanges.LaunchTemplateVersion}."),
        };
    }
}

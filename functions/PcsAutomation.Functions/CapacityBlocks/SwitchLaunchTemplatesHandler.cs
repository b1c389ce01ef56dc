using PcsAutomation.Aws.PCS;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.CapacityBlocks;

/// <summary>
/// <c>SwitchLaunchTemplates</c>: moves each successor-block group of the cluster's work to its successor, under this
/// execution's lease. First every source version is checked (a template deleted since the plan fails here, before any
/// change: <see cref="LaunchTemplateMissing"/>); then per group a new version of its launch template from the version it
/// names, whose <c>CapacityReservationTarget</c> is the successor (guide L3437-3439), then UpdateComputeNodeGroup to
/// that version (PCS uses a new version only once the group names it, guide L2661, L3886; L3427, L3480). Both calls
/// carry a client token of the execution and the group, so a retried step asks for the same version and update. A group
/// PCS is busy with answers ConflictException, which surfaces as-is for the ASL's retry.
/// </summary>
[LambdaFunction(Policies = "@UpdateComputeNodeGroupPolicy, ClusterLease, NewLaunchTemplateVersions")]
public sealed class SwitchLaunchTemplatesHandler
{
    private const string VersionStep = "capacity-block-template-version";
    // The AMI audit of CloudTrail events recognises this step's calls by their token (RolloutCalls).
    private const string SwitchStep = RolloutCalls.ExpirySwitchStep;

    private readonly ClusterReader reader;
    private readonly IAmazonPCS pcs;
    private readonly LaunchTemplates templates;
    private readonly ClusterLeaseTable leases;

    internal SwitchLaunchTemplatesHandler(ClusterReader reader, IAmazonPCS pcs, LaunchTemplates templates, ClusterLeaseTable leases) =>
        (this.reader, this.pcs, this.templates, this.leases) = (reader, pcs, templates, leases);

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var pcs = services.Aws.CreatePcs();
        var ec2 = services.Aws.CreateEc2();
        var handler = new SwitchLaunchTemplatesHandler(new ClusterReader(pcs, ec2), pcs, new LaunchTemplates(ec2), ClusterLeaseTable.Create(services));
        return HandlerWrapper.Create(handler.HandleAsync, CapacityBlockJsonContext.Strict.SwitchLaunchTemplatesInput, CapacityBlockJsonContext.Strict.SwitchLaunchTemplatesResult);
    }

    public async Task<SwitchLaunchTemplatesResult> HandleAsync(SwitchLaunchTemplatesInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var clusterId = WorkflowInput.ClusterId(input.ClusterId);
        var executionArn = WorkflowInput.ExecutionArn(input.ExecutionArn);
        var switches = (input.Groups ?? throw new InvalidWorkflowInput("groups is required: the cluster work's group actions."))
            .Where(g => g.LaunchTemplate is not null && g.Remaining.Contains(ExpirySteps.UpdateNodeGroupLaunchTemplate))
            .ToList();
        var cancellation = context.CancellationToken;
        using var scope = context.Logger.BeginScope("clusterId", clusterId);

        await leases.RequireOwnedAndRenewAsync(clusterId, executionArn, cancellation).ConfigureAwait(false);
        await LaunchTemplateSwitching.RequireSourcesAsync(templates, clusterId,
            switches.Select(g => new LaunchTemplateSwitching.Move(g.NodeGroupName, g.NodeGroupId, g.LaunchTemplate!)),
            from => $"so the move to block {from.ToReservationId} cannot be made. No group of the cluster was switched", cancellation).ConfigureAwait(false);

        var switched = new List<SwitchedNodeGroup>();
        foreach (var group in switches)
        {
            var from = group.LaunchTemplate!;
            _ = await reader.GetComputeNodeGroupAsync(clusterId, group.NodeGroupId, cancellation).ConfigureAwait(false)
                ?? throw new NodeGroupNotFound($"Node group {group.NodeGroupName} ({group.NodeGroupId}) of cluster {clusterId} no longer exists: it was not moved to block {from.ToReservationId}.");
            var template = await LaunchTemplateSwitching.CreateVersionAsync(templates, from, executionArn, VersionStep, group.NodeGroupId, cancellation).ConfigureAwait(false);
            var version = template.Version;
            await AwsCalls.RunAsync("PCS.UpdateComputeNodeGroup", $"{clusterId}/{group.NodeGroupId}", () => pcs.UpdateComputeNodeGroupAsync(new UpdateComputeNodeGroupRequest
            {
                ClusterIdentifier = clusterId,
                ComputeNodeGroupIdentifier = group.NodeGroupId,
                CustomLaunchTemplate = template,
                ClientToken = ClientTokens.For(executionArn, SwitchStep, group.NodeGroupId),
            }, cancellation), cancellation).ConfigureAwait(false);
            context.Logger.LogInformation(
                $"Node group {group.NodeGroupName} ({group.NodeGroupId}): launch template {from.LaunchTemplateId} version {from.FromVersion} ({from.FromReservationId ?? "no reservation"}) -> version {version} on block {from.ToReservationId}");
            switched.Add(new SwitchedNodeGroup(group.NodeGroupId, group.NodeGroupName, from.LaunchTemplateId, version, from.ToReservationId));
        }
        return new SwitchLaunchTemplatesResult(switched);
    }
}

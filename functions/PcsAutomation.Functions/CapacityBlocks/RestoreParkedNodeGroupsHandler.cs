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
/// <c>RestoreParkedNodeGroups</c>: under this execution's lease, puts each parked group of the cluster's restore back
/// on the block that can carry it again (<see cref="ParkedRestore"/>): when its template must name that block first, a
/// new version of it naming the block (guide L3437-3439), checked to exist before any change; then one
/// UpdateComputeNodeGroup with that version and exactly the saved min/max (guide L2433). Its queues come after, once it
/// is ACTIVE (a queue takes ACTIVE groups). Client tokens of the execution and the group make a retry the same request;
/// ConflictException is retried by the ASL.
/// </summary>
[LambdaFunction(Policies = "@UpdateComputeNodeGroupPolicy, ClusterLease, NewLaunchTemplateVersions")]
public sealed class RestoreParkedNodeGroupsHandler
{
    private const string VersionStep = "capacity-block-restore-version";
    // The AMI audit of CloudTrail events recognises this step's calls by their token (RolloutCalls).
    private const string RestoreStep = RolloutCalls.ExpiryRestoreStep;

    private readonly ClusterReader reader;
    private readonly IAmazonPCS pcs;
    private readonly LaunchTemplates templates;
    private readonly ClusterLeaseTable leases;

    internal RestoreParkedNodeGroupsHandler(ClusterReader reader, IAmazonPCS pcs, LaunchTemplates templates, ClusterLeaseTable leases) =>
        (this.reader, this.pcs, this.templates, this.leases) = (reader, pcs, templates, leases);

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var pcs = services.Aws.CreatePcs();
        var ec2 = services.Aws.CreateEc2();
        var handler = new RestoreParkedNodeGroupsHandler(new ClusterReader(pcs, ec2), pcs, new LaunchTemplates(ec2), ClusterLeaseTable.Create(services));
        return HandlerWrapper.Create(handler.HandleAsync, CapacityBlockJsonContext.Strict.RestoreParkedNodeGroupsInput, CapacityBlockJsonContext.Strict.RestoreParkedNodeGroupsResult);
    }

    public async Task<RestoreParkedNodeGroupsResult> HandleAsync(RestoreParkedNodeGroupsInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var clusterId = WorkflowInput.ClusterId(input.ClusterId);
        var executionArn = WorkflowInput.ExecutionArn(input.ExecutionArn);
        var restores = (input.Restores ?? throw new InvalidWorkflowInput("restores is required: the cluster work's restores."))
            .Where(r => r.Remaining.Any(s => s != ExpirySteps.UpdateQueues))
            .ToList();
        var cancellation = context.CancellationToken;
        using var scope = context.Logger.BeginScope("clusterId", clusterId);

        await leases.RequireOwnedAndRenewAsync(clusterId, executionArn, cancellation).ConfigureAwait(false);
        await LaunchTemplateSwitching.RequireSourcesAsync(templates, clusterId,
            restores.Where(r => r.LaunchTemplate is not null).Select(r => new LaunchTemplateSwitching.Move(r.NodeGroupName, r.NodeGroupId, r.LaunchTemplate!)),
            from => $"so the group cannot be put on block {from.ToReservationId}. No group of the cluster was restored", cancellation).ConfigureAwait(false);

        var updated = new List<string>();
        foreach (var restore in restores)
        {
            _ = await reader.GetComputeNodeGroupAsync(clusterId, restore.NodeGroupId, cancellation).ConfigureAwait(false)
                ?? throw new NodeGroupNotFound($"Node group {restore.NodeGroupName} ({restore.NodeGroupId}) of cluster {clusterId} no longer exists: its saved scaling cannot be restored.");
            CustomLaunchTemplate? template = null;
            if (restore.LaunchTemplate is { } from)
                template = await LaunchTemplateSwitching.CreateVersionAsync(templates, from, executionArn, VersionStep, restore.NodeGroupId, cancellation).ConfigureAwait(false);
            var saved = restore.SavedScaling;
            await AwsCalls.RunAsync("PCS.UpdateComputeNodeGroup", $"{clusterId}/{restore.NodeGroupId}", () => pcs.UpdateComputeNodeGroupAsync(new UpdateComputeNodeGroupRequest
            {
                ClusterIdentifier = clusterId,
                ComputeNodeGroupIdentifier = restore.NodeGroupId,
                CustomLaunchTemplate = template,
                // guide L2433: exactly the saved values
                ScalingConfiguration = new ScalingConfigurationRequest { MinInstanceCount = saved.MinInstanceCount, MaxInstanceCount = saved.MaxInstanceCount },
                ClientToken = ClientTokens.For(executionArn, RestoreStep, restore.NodeGroupId),
            }, cancellation), cancellation).ConfigureAwait(false);
            context.Logger.LogInformation(
                $"Node group {restore.NodeGroupName} ({restore.NodeGroupId}) restored ({restore.Trigger}) to min {saved.MinInstanceCount} max {saved.MaxInstanceCount}" +
                (template is null ? "" : $" on launch template {template.Id} version {template.Version} (block {restore.LaunchTemplate!.ToReservationId})"));
            updated.Add(restore.NodeGroupId);
        }
        return new RestoreParkedNodeGroupsResult(updated);
    }
}

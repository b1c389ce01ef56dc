using PcsAutomation.Aws.PCS;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Domain.Rotation;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.Rotation;

/// <summary>
/// <c>RestoreNodeGroups</c>: sets each node group back to exactly its saved min/max (guide L2433), after the rotation
/// or on the failure path; the output's <c>savedScaling</c> is what was restored, for <c>CheckNodeGroupsRestored</c>. Groups already at their saved values are skipped; a group PCS is busy with is reported
/// pending (retry later) rather than failing, since the restore must not give up. A saved group that no longer
/// exists is <see cref="NodeGroupNotFound"/>, raised after every other group was restored.
/// </summary>
public sealed class RestoreNodeGroupsHandler
{
    private const string Step = "restore";

    private readonly ClusterReader reader;
    private readonly IAmazonPCS pcs;
    private readonly ClusterLeaseTable leases;

    internal RestoreNodeGroupsHandler(ClusterReader reader, IAmazonPCS pcs, ClusterLeaseTable leases) =>
        (this.reader, this.pcs, this.leases) = (reader, pcs, leases);

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var pcs = RotationClients.Pcs(services);
        var handler = new RestoreNodeGroupsHandler(new ClusterReader(pcs, services.Aws.CreateEc2()), pcs, RotationClients.LeaseTable(services));
        return HandlerWrapper.Create(handler.HandleAsync, RotationJsonContext.Default.RestoreNodeGroupsInput, RotationJsonContext.Default.RestoreNodeGroupsResult);
    }

    public async Task<RestoreNodeGroupsResult> HandleAsync(RestoreNodeGroupsInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var clusterId = RotationInput.ClusterId(input.ClusterId);
        var executionArn = RotationInput.ExecutionArn(input.ExecutionArn);
        var cancellation = context.CancellationToken;
        var given = input.SavedScaling is null ? null : RotationInput.SavedScaling(input.SavedScaling);
        var saved = await SavedScalingAsync(clusterId, executionArn, given, context).ConfigureAwait(false);

        var updated = new List<string>();
        var pending = new List<string>();
        var missing = new List<string>();
        foreach (var target in saved)
        {
            var group = await reader.GetNodeGroupAsync(clusterId, target.NodeGroupId, cancellation).ConfigureAwait(false);
            if (group is null)
                missing.Add(target.NodeGroupId);
            else if (group.Scaling.MinInstanceCount == target.MinInstanceCount && group.Scaling.MaxInstanceCount == target.MaxInstanceCount)
                continue;
            else if (group.Status == ComputeNodeGroupStatus.UPDATING.Value || !await TryRestoreAsync(clusterId, target, executionArn, cancellation).ConfigureAwait(false))
                pending.Add(target.NodeGroupId);
            else
                updated.Add(target.NodeGroupId);
        }

        context.Logger.LogInformation(
            $"Restore of cluster {clusterId}: {saved.Count} saved node groups; updated [{string.Join(", ", updated)}], " +
            $"pending [{string.Join(", ", pending)}], missing [{string.Join(", ", missing)}]");
        if (missing.Count > 0)
            throw new NodeGroupNotFound(
                $"Cluster {clusterId} no longer has node groups {string.Join(", ", missing)}; their saved scaling " +
                $"({string.Join(", ", saved.Where(s => missing.Contains(s.NodeGroupId)).Select(s => $"{s.NodeGroupName} {s.MinInstanceCount}/{s.MaxInstanceCount}"))}) cannot be restored.");
        return new RestoreNodeGroupsResult(updated, pending, saved);
    }

    /// <summary>
    /// The lease's saved scaling when this execution holds the lease and saved one: it was written before any group
    /// was touched, so it is right even when the input is not (the workflow falls back to the plan's scaling when the
    /// scale-down failed, and a plan made after a dead rotation's scale-down shows 0/0). Otherwise the input's; with
    /// neither, this execution scaled nothing down and there is nothing to restore.
    /// </summary>
    private async Task<IReadOnlyList<NodeGroupScaling>> SavedScalingAsync(
        string clusterId, string executionArn, IReadOnlyList<NodeGroupScaling>? given, ILambdaContext context)
    {
        var lease = await leases.GetAsync(clusterId, context.CancellationToken).ConfigureAwait(false);
        if (lease?.Owner == executionArn && lease.SavedScaling is { } saved)
        {
            if (given is not null && !given.SequenceEqual(saved))
                context.Logger.LogWarning($"The saved scaling in the input differs from the one in the lease of cluster {clusterId}: restoring the lease's");
            return saved;
        }
        if (given is not null)
            return given;
        context.Logger.LogWarning(
            lease is null || lease.Owner == executionArn
                ? $"No saved scaling for cluster {clusterId} in the input or the lease: this execution scaled nothing down, nothing to restore"
                : $"No saved scaling in the input and the lease of cluster {clusterId} is held by {lease.Owner}: nothing for {executionArn} to restore");
        return [];
    }

    /// <summary>False when PCS refuses the update because the group or cluster is busy (ConflictException): retry later.</summary>
    private async Task<bool> TryRestoreAsync(string clusterId, NodeGroupScaling target, string executionArn, CancellationToken cancellation)
    {
        try
        {
            await AwsCalls.RunAsync("PCS.UpdateComputeNodeGroup", $"{clusterId}/{target.NodeGroupId}", () => pcs.UpdateComputeNodeGroupAsync(new UpdateComputeNodeGroupRequest
            {
                ClusterIdentifier = clusterId,
                ComputeNodeGroupIdentifier = target.NodeGroupId,
                ScalingConfiguration = new ScalingConfigurationRequest { MinInstanceCount = target.MinInstanceCount, MaxInstanceCount = target.MaxInstanceCount },
                ClientToken = ClientTokens.For(executionArn, Step, target.NodeGroupId),
            }, cancellation), cancellation).ConfigureAwait(false);
            return true;
        }
        catch (ConflictException)
        {
            return false;
        }
    }
}

using PcsAutomation.Aws.PCS;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.CapacityBlocks;

/// <summary>
/// <c>ParkNodeGroups</c>: under this execution's lease, stores each parked record of the cluster's work (its exact
/// scaling and queues before; the first save wins, so a re-run never records the 0/0 it set itself), then sets each
/// group to scale down to min 0 max 0: PCS terminates its instances and Slurm requeues their jobs (guide L2668, L3480),
/// before EC2 ends the block's instances. The record is saved before the change, so a restore always finds it. Every
/// UpdateComputeNodeGroup carries a client token of the execution and the group; a group PCS is busy with answers
/// ConflictException, retried by the ASL.
/// </summary>
[LambdaFunction(Policies = "@UpdateComputeNodeGroupPolicy, ClusterLease")]
public sealed class ParkNodeGroupsHandler
{
    private const string Step = "capacity-block-park";

    private readonly ClusterReader reader;
    private readonly IAmazonPCS pcs;
    private readonly ClusterLeaseTable leases;

    internal ParkNodeGroupsHandler(ClusterReader reader, IAmazonPCS pcs, ClusterLeaseTable leases) =>
        (this.reader, this.pcs, this.leases) = (reader, pcs, leases);

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var pcs = services.Aws.CreatePcs();
        var handler = new ParkNodeGroupsHandler(new ClusterReader(pcs, services.Aws.CreateEc2()), pcs, ClusterLeaseTable.Create(services));
        return HandlerWrapper.Create(handler.HandleAsync, CapacityBlockJsonContext.Strict.ParkNodeGroupsInput, CapacityBlockJsonContext.Strict.ParkNodeGroupsResult);
    }

    public async Task<ParkNodeGroupsResult> HandleAsync(ParkNodeGroupsInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var clusterId = WorkflowInput.ClusterId(input.ClusterId);
        var executionArn = WorkflowInput.ExecutionArn(input.ExecutionArn);
        var records = input.Parked ?? throw new InvalidWorkflowInput("parked is required: the cluster work's parked records.");
        var ids = input.NodeGroupIds ?? throw new InvalidWorkflowInput("nodeGroupIds is required: the groups to scale to 0.");
        if (records.FirstOrDefault(r => r.ClusterId != clusterId) is { } other)
            throw new InvalidWorkflowInput($"parked: the record of node group {other.NodeGroupId} belongs to cluster {other.ClusterId}, not {clusterId}.");
        var cancellation = context.CancellationToken;
        using var scope = context.Logger.BeginScope("clusterId", clusterId);

        await leases.RequireOwnedAndRenewAsync(clusterId, executionArn, cancellation).ConfigureAwait(false);
        var saved = new List<string>();
        foreach (var record in records)
        {
            var kept = await leases.SaveParkedAsync(record, executionArn, cancellation).ConfigureAwait(false);
            context.Logger.LogInformation($"Parked record {ClusterLeaseTable.ParkedKey(kept)}: {ClusterLeaseTable.Describe(kept)}");
            saved.Add(kept.NodeGroupId);
        }

        var updated = new List<string>();
        foreach (var id in ids)
        {
            if (!saved.Contains(id, StringComparer.Ordinal))
                throw new InvalidWorkflowInput($"nodeGroupIds: node group {id} has no parked record in this step: its scaling would be lost.");
            var group = await reader.GetComputeNodeGroupAsync(clusterId, id, cancellation).ConfigureAwait(false);
            if (group is null)
            {
                context.Logger.LogWarning($"Node group {id} of cluster {clusterId} no longer exists: nothing to scale down");
                continue;
            }
            if (group.ScalingConfiguration is { MinInstanceCount: 0, MaxInstanceCount: 0 })
                continue;
            await AwsCalls.RunAsync("PCS.UpdateComputeNodeGroup", $"{clusterId}/{id}", () => pcs.UpdateComputeNodeGroupAsync(new UpdateComputeNodeGroupRequest
            {
                ClusterIdentifier = clusterId,
                ComputeNodeGroupIdentifier = id,
                // guide L2668: lowering max terminates the group's instances; min 0 keeps PCS from launching new ones.
                ScalingConfiguration = new ScalingConfigurationRequest { MinInstanceCount = 0, MaxInstanceCount = 0 },
                ClientToken = ClientTokens.For(executionArn, Step, id),
            }, cancellation), cancellation).ConfigureAwait(false);
            updated.Add(id);
        }
        context.Logger.LogInformation($"Cluster {clusterId}: {saved.Count} parked records kept, scaled to 0/0 now: [{string.Join(", ", updated)}]");
        return new ParkNodeGroupsResult(saved, updated);
    }
}

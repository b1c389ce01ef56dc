using PcsAutomation.Aws.PCS;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Domain.Rotation;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.Rotation;

/// <summary>
/// <c>ScaleNodeGroupsToZero</c>: saves every node group's exact scaling in the lease, then sets each group to 0/0 so
/// all compute instances stop before the key changes (guide L2419-2420: wait until all nodes stop).
/// Saving comes first and an already saved scaling wins, so a re-run (after a retried ConflictException, or a
/// crash) never records the 0/0 it set itself. A group PCS is still updating answers ConflictException, which
/// surfaces as-is for the ASL's retry.
/// </summary>
public sealed class ScaleNodeGroupsToZeroHandler
{
    private const string Step = "scale-to-zero";

    private readonly ClusterReader reader;
    private readonly IAmazonPCS pcs;
    private readonly ClusterLeaseTable leases;

    internal ScaleNodeGroupsToZeroHandler(ClusterReader reader, IAmazonPCS pcs, ClusterLeaseTable leases) =>
        (this.reader, this.pcs, this.leases) = (reader, pcs, leases);

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var pcs = RotationClients.Pcs(services);
        var handler = new ScaleNodeGroupsToZeroHandler(new ClusterReader(pcs, services.Aws.CreateEc2()), pcs, RotationClients.LeaseTable(services));
        return HandlerWrapper.Create(handler.HandleAsync, RotationJsonContext.Default.ScaleNodeGroupsToZeroInput, RotationJsonContext.Default.ScaleNodeGroupsToZeroResult);
    }

    public async Task<ScaleNodeGroupsToZeroResult> HandleAsync(ScaleNodeGroupsToZeroInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var clusterId = RotationInput.ClusterId(input.ClusterId);
        var executionArn = RotationInput.ExecutionArn(input.ExecutionArn);
        if (input.Plan is { } plan && plan.ClusterId != clusterId)
            throw new InvalidRotationInput($"clusterId '{clusterId}' is not the plan's cluster id '{plan.ClusterId}'.");
        var cancellation = context.CancellationToken;

        // Read now rather than trust the plan: it is the state the lease protects from here on.
        var groups = await reader.GetNodeGroupsAsync(clusterId, cancellation).ConfigureAwait(false);
        var saved = await leases.SaveScalingAsync(clusterId, executionArn, [.. groups.Select(g => g.Scaling)], cancellation).ConfigureAwait(false);
        context.Logger.LogInformation(
            $"Saved scaling of cluster {clusterId}: {string.Join(", ", saved.Select(s => $"{s.NodeGroupId} {s.MinInstanceCount}/{s.MaxInstanceCount}"))}");

        var current = groups.ToDictionary(g => g.Scaling.NodeGroupId, StringComparer.Ordinal);
        var updated = new List<string>();
        foreach (var group in saved)
        {
            if (!current.TryGetValue(group.NodeGroupId, out var now))
            {
                context.Logger.LogWarning($"Node group {group.NodeGroupId} of cluster {clusterId} no longer exists: nothing to scale down");
                continue;
            }
            if (now.Scaling is { MinInstanceCount: 0, MaxInstanceCount: 0 })
                continue;
            await ScaleToZeroAsync(clusterId, group.NodeGroupId, executionArn, cancellation).ConfigureAwait(false);
            updated.Add(group.NodeGroupId);
        }

        foreach (var extra in groups.Where(g => !saved.Any(s => s.NodeGroupId == g.Scaling.NodeGroupId)))
            context.Logger.LogWarning($"Node group {extra.Scaling.NodeGroupId} of cluster {clusterId} appeared after the scaling was saved: left as it is");
        context.Logger.LogInformation($"Scaled {updated.Count} node groups of cluster {clusterId} to 0/0: {string.Join(", ", updated)}");
        return new ScaleNodeGroupsToZeroResult(saved, updated);
    }

    private Task<UpdateComputeNodeGroupResponse> ScaleToZeroAsync(string clusterId, string nodeGroupId, string executionArn, CancellationToken cancellation) =>
        AwsCalls.RunAsync("PCS.UpdateComputeNodeGroup", $"{clusterId}/{nodeGroupId}", () => pcs.UpdateComputeNodeGroupAsync(new UpdateComputeNodeGroupRequest
        {
            ClusterIdentifier = clusterId,
            ComputeNodeGroupIdentifier = nodeGroupId,
            // guide L2668: lowering max terminates the group's instances; min 0 keeps PCS from launching new ones.
            ScalingConfiguration = new ScalingConfigurationRequest { MinInstanceCount = 0, MaxInstanceCount = 0 },
            ClientToken = ClientTokens.For(executionArn, Step, nodeGroupId),
        }, cancellation), cancellation);
}

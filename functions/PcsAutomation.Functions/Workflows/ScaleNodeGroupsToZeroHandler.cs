using PcsAutomation.Aws.PCS;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Domain.NodeGroups;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.Workflows;

/// <summary>
/// <c>ScaleNodeGroupsToZero</c>: saves every node group's exact scaling in the lease, then sets each saved group to
/// 0/0 (<see cref="ScaleDownPlan"/>) so all compute instances stop (guide L2419-2420: wait until all nodes stop).
/// Saving comes first and an already saved scaling wins, so a re-run (after a retried ConflictException, or a crash,
/// or a takeover) never records the 0/0 it set itself. A group PCS is still updating answers ConflictException, which
/// surfaces as-is for the ASL's retry.
/// </summary>
[LambdaFunction(Policies = "@UpdateComputeNodeGroupPolicy, ClusterLease")]
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
        var pcs = services.Aws.CreatePcs();
        var handler = new ScaleNodeGroupsToZeroHandler(new ClusterReader(pcs, services.Aws.CreateEc2()), pcs, ClusterLeaseTable.Create(services));
        return HandlerWrapper.Create(handler.HandleAsync, WorkflowJsonContext.Strict.ScaleNodeGroupsToZeroInput, WorkflowJsonContext.Strict.ScaleNodeGroupsToZeroResult);
    }

    public async Task<ScaleNodeGroupsToZeroResult> HandleAsync(ScaleNodeGroupsToZeroInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var clusterId = WorkflowInput.ClusterId(input.ClusterId);
        var executionArn = WorkflowInput.ExecutionArn(input.ExecutionArn);
        var cancellation = context.CancellationToken;

        // Read now rather than trust a plan: it is the state the lease protects from here on.
        var groups = await reader.GetNodeGroupsAsync(clusterId, cancellation).ConfigureAwait(false);
        var saved = await leases.SaveScalingAsync(clusterId, executionArn, [.. groups.Select(g => g.Scaling)], cancellation).ConfigureAwait(false);
        context.Logger.LogInformation($"Saved scaling of cluster {clusterId}: {string.Join(", ", saved.Select(s => $"{s.NodeGroupId} {s}"))}");

        var plan = ScaleDownPlan.For(saved, groups);
        foreach (var missing in plan.Missing)
            context.Logger.LogWarning($"Node group {missing} of cluster {clusterId} no longer exists: nothing to scale down");
        foreach (var unsaved in plan.Unsaved)
            context.Logger.LogWarning($"Node group {unsaved} of cluster {clusterId} appeared after the scaling was saved: left as it is");

        foreach (var group in plan.ToScaleDown)
            await ScaleToZeroAsync(clusterId, group.NodeGroupId, executionArn, cancellation).ConfigureAwait(false);
        var updated = plan.ToScaleDown.Select(g => g.NodeGroupId).ToList();
        context.Logger.LogInformation($"Scaled {updated.Count} node groups of cluster {clusterId} to 0/0: {string.Join(", ", updated)}");
        return new ScaleNodeGroupsToZeroResult(saved.Count, updated);
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

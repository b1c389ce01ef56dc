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
/// <c>RestoreNodeGroups</c>: sets each node group back to exactly the min/max saved in the lease (guide L2433), after
/// the workflow's work or on a failure path (<see cref="RestorePlan"/>). The lease is the one source: it was written
/// before any group was touched, and it holds what an earlier, dead run saved when this one inherited it. Groups
/// already at their saved values are skipped; a group PCS is busy with is reported pending (the ASL loop runs this
/// again) rather than failing, since the restore must not give up; a saved group that was deleted is reported missing.
/// </summary>
[LambdaFunction(Policies = "@UpdateComputeNodeGroupPolicy, ClusterLease")]
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
        var pcs = services.Aws.CreatePcs();
        var handler = new RestoreNodeGroupsHandler(new ClusterReader(pcs, services.Aws.CreateEc2()), pcs, ClusterLeaseTable.Create(services));
        return HandlerWrapper.Create(handler.HandleAsync, WorkflowJsonContext.Strict.RestoreNodeGroupsInput, WorkflowJsonContext.Strict.RestoreNodeGroupsResult);
    }

    public async Task<RestoreNodeGroupsResult> HandleAsync(RestoreNodeGroupsInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var clusterId = WorkflowInput.ClusterId(input.ClusterId);
        var executionArn = WorkflowInput.ExecutionArn(input.ExecutionArn);
        var cancellation = context.CancellationToken;

        var saved = await SavedScaling.ForAsync(leases, clusterId, executionArn, context).ConfigureAwait(false);
        if (saved.Count == 0)
            return new RestoreNodeGroupsResult([], []);

        var plan = RestorePlan.For(saved, await reader.GetNodeGroupsAsync(clusterId, cancellation).ConfigureAwait(false));
        var updated = new List<string>();
        var pending = new List<string>(plan.Busy);
        foreach (var target in plan.ToRestore)
        {
            if (await TryRestoreAsync(clusterId, target, executionArn, cancellation).ConfigureAwait(false))
                updated.Add(target.NodeGroupId);
            else
                pending.Add(target.NodeGroupId);
        }

        if (plan.Missing.Count > 0)
            context.Logger.LogWarning(
                $"Cluster {clusterId} no longer has node groups {string.Join(", ", plan.Missing.Select(m => m.NodeGroupId))}; their saved scaling " +
                $"({string.Join(", ", plan.Missing)}) cannot be restored");
        context.Logger.LogInformation(
            $"Restore of cluster {clusterId}: {saved.Count} saved node groups; updated [{string.Join(", ", updated)}], " +
            $"pending [{string.Join(", ", pending)}], already restored [{string.Join(", ", plan.AlreadyRestored)}]");
        return new RestoreNodeGroupsResult(updated, pending);
    }

    /// <summary>False when PCS refuses the update because the group or cluster is busy (ConflictException): retry later.</summary>
    private Task<bool> TryRestoreAsync(string clusterId, NodeGroupScaling target, string executionArn, CancellationToken cancellation) =>
        NodeGroupUpdates.TryAsync(pcs, new UpdateComputeNodeGroupRequest
        {
            ClusterIdentifier = clusterId,
            ComputeNodeGroupIdentifier = target.NodeGroupId,
            ScalingConfiguration = new ScalingConfigurationRequest { MinInstanceCount = target.MinInstanceCount, MaxInstanceCount = target.MaxInstanceCount },
            ClientToken = ClientTokens.For(executionArn, Step, target.NodeGroupId),
        }, cancellation);
}

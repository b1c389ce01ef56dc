using PcsAutomation.Aws.PCS;
using PcsAutomation.Aws.PCS.Model;
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
/// <c>RollbackNodeGroups</c>: one pass of the rollback after a failed roll-out. The lease is the one source of what was
/// changed: every group it records goes back to its saved <c>amiId</c> and launch template version
/// (<see cref="RollbackPlan"/>; a template-driven group goes back to its old version, so a rollback creates no version).
/// Groups PCS is busy with are left for the next pass, which the ASL runs until <c>rolledBack</c>; nothing else is
/// touched. Without the lease (a rotation or another execution took it) there is nothing this execution may roll back.
/// </summary>
[LambdaFunction(Policies = "@UpdateComputeNodeGroupPolicy, ClusterLease")]
public sealed class RollbackNodeGroupsHandler
{
    // The audit of CloudTrail events recognises this step's calls by their token (RolloutCalls).
    private const string Step = RolloutCalls.RollbackStep;

    private readonly ClusterReader reader;
    private readonly IAmazonPCS pcs;
    private readonly ClusterLeaseTable leases;

    internal RollbackNodeGroupsHandler(ClusterReader reader, IAmazonPCS pcs, ClusterLeaseTable leases) =>
        (this.reader, this.pcs, this.leases) = (reader, pcs, leases);

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var pcs = services.Aws.CreatePcs();
        var handler = new RollbackNodeGroupsHandler(new ClusterReader(pcs, services.Aws.CreateEc2()), pcs, ClusterLeaseTable.Create(services));
        return HandlerWrapper.Create(handler.HandleAsync, NodeGroupUpdateJsonContext.Strict.RollbackNodeGroupsInput, NodeGroupUpdateJsonContext.Strict.RollbackNodeGroupsResult);
    }

    public async Task<RollbackNodeGroupsResult> HandleAsync(RollbackNodeGroupsInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var clusterId = WorkflowInput.ClusterId(input.ClusterId);
        var executionArn = WorkflowInput.ExecutionArn(input.ExecutionArn);
        var attempt = WorkflowInput.Attempt(input.Attempt);
        var wait = PollingBackoff.NextWaitSeconds(attempt);
        var cancellation = context.CancellationToken;
        using var scope = context.Logger.BeginScope("clusterId", clusterId);

        var changes = await leases.RequireOwnedAndRenewAsync(clusterId, executionArn, cancellation).ConfigureAwait(false) is { SavedChanges: { } saved } ? saved : [];
        if (changes.Count == 0)
        {
            context.Logger.LogInformation($"The lease of cluster {clusterId} records no node group change: nothing to roll back");
            return new RollbackNodeGroupsResult(true, [], [], [], [], attempt + 1, wait);
        }

        var groups = await reader.GetComputeNodeGroupsAsync(clusterId, cancellation).ConfigureAwait(false);
        var plan = RollbackPlan.For(changes, [.. groups.Select(g =>
            (new NodeGroupImage(g.Id, g.Name, g.AmiId, g.CustomLaunchTemplate.Id, g.CustomLaunchTemplate.Version), g.Status.Value))]);
        var updated = new List<string>();
        var pending = new List<string>([.. plan.Busy, .. plan.Settling]);
        foreach (var previous in plan.ToRollBack)
        {
            if (await TryRollBackAsync(clusterId, previous, executionArn, cancellation).ConfigureAwait(false))
                updated.Add(previous.NodeGroupId);
            else
                pending.Add(previous.NodeGroupId);
        }
        var rolledBack = plan.Done;

        if (plan.Missing.Count > 0)
            context.Logger.LogWarning($"Cluster {clusterId} no longer has node groups {string.Join(", ", plan.Missing)}: nothing to roll back on them");
        context.Logger.LogInformation(
            $"Rollback of cluster {clusterId} (pass {attempt + 1}): {changes.Count} changed groups; updated [{string.Join(", ", updated)}], pending [{string.Join(", ", pending)}], " +
            $"back [{string.Join(", ", plan.RolledBack)}]; saved settings: {string.Join("; ", changes.Select(c => c.Previous))}");
        return new RollbackNodeGroupsResult(rolledBack, updated, pending, plan.Missing, changes, attempt + 1, wait);
    }

    /// <summary>False when PCS refuses because the group or cluster is busy (ConflictException): the next pass retries.</summary>
    private Task<bool> TryRollBackAsync(string clusterId, NodeGroupImage previous, string executionArn, CancellationToken cancellation) =>
        NodeGroupUpdates.TryAsync(pcs, new UpdateComputeNodeGroupRequest
        {
            ClusterIdentifier = clusterId,
            ComputeNodeGroupIdentifier = previous.NodeGroupId,
            AmiId = previous.AmiId,
            CustomLaunchTemplate = new CustomLaunchTemplate { Id = previous.LaunchTemplateId, Version = previous.LaunchTemplateVersion },
            ClientToken = ClientTokens.For(executionArn, Step, previous.NodeGroupId),
        }, cancellation);
}

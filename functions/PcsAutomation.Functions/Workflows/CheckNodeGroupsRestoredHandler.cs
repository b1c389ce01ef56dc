using PcsAutomation.Domain.NodeGroups;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.Workflows;

/// <summary>
/// <c>CheckNodeGroupsRestored</c>: one poll after the restore: every saved group (the lease's, as
/// <c>RestoreNodeGroups</c> read it) ACTIVE with exactly its saved min/max (<see cref="RestoreStatus"/>). Pending
/// groups may still need <c>RestoreNodeGroups</c> again (they were busy when it ran), which the ASL loop does. Once
/// restored, the lease records it, so the saved scaling may expire and no later workflow inherits it.
/// </summary>
[LambdaFunction(Policies = "ClusterLease, PcsRead")]
public sealed class CheckNodeGroupsRestoredHandler
{
    private readonly ClusterReader reader;
    private readonly ClusterLeaseTable leases;

    internal CheckNodeGroupsRestoredHandler(ClusterReader reader, ClusterLeaseTable leases) => (this.reader, this.leases) = (reader, leases);

    public static LambdaHandler Create(FunctionServices services)
    {
        var handler = new CheckNodeGroupsRestoredHandler(ClusterReader.Create(services), ClusterLeaseTable.Create(services));
        return HandlerWrapper.Create(handler.HandleAsync, WorkflowJsonContext.Strict.CheckNodeGroupsRestoredInput, WorkflowJsonContext.Strict.CheckNodeGroupsRestoredResult);
    }

    public async Task<CheckNodeGroupsRestoredResult> HandleAsync(CheckNodeGroupsRestoredInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var clusterId = WorkflowInput.ClusterId(input.ClusterId);
        var executionArn = WorkflowInput.ExecutionArn(input.ExecutionArn);
        var attempt = WorkflowInput.Attempt(input.Attempt);
        var wait = PollingBackoff.NextWaitSeconds(attempt);

        var saved = await SavedScaling.ForAsync(leases, clusterId, executionArn, context).ConfigureAwait(false);
        if (saved.Count == 0)
            return new CheckNodeGroupsRestoredResult(true, [], [], attempt + 1, wait);

        var groups = await reader.GetNodeGroupsAsync(clusterId, context.CancellationToken).ConfigureAwait(false);
        var status = RestoreStatus.Evaluate(saved, groups);
        if (status.Restored)
            await leases.MarkRestoredAsync(clusterId, executionArn, context.CancellationToken).ConfigureAwait(false);

        context.Logger.LogInformation(
            $"Cluster {clusterId} node groups restored: {status.Restored} (poll {attempt + 1}); pending: [{string.Join(", ", status.NodeGroupsPending)}]" +
            (status.NodeGroupsMissing.Count > 0 ? $"; deleted, not restorable: [{string.Join(", ", status.NodeGroupsMissing)}]" : ""));
        return new CheckNodeGroupsRestoredResult(status.Restored, status.NodeGroupsPending, status.NodeGroupsMissing, attempt + 1, wait);
    }
}

using PcsAutomation.Aws.PCS;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.CapacityBlocks;

/// <summary>
/// <c>UpdateExpiryQueue</c>: one queue of the cluster's work, read-change-write, under this execution's lease.
/// UpdateQueue takes the queue's complete list of node groups (guide L3758-3781), so the queue is read now
/// (GetQueue), the planned edit is applied to what it lists now (<see cref="QueueEdits.Rebase"/>: a group someone
/// attached meanwhile stays), and the result is written back, never an empty list. A queue that already lists the
/// result is left alone (a retried step). The client token covers the list written, so a retry is the same request.
/// While the update runs the cluster may refuse new jobs (guide L3725); a queue PCS is busy with answers
/// ConflictException, retried by the ASL.
/// </summary>
[LambdaFunction(Policies = "ClusterLease, PcsUpdateQueues")]
public sealed class UpdateExpiryQueueHandler
{
    private const string Step = "capacity-block-queue";

    private readonly ClusterReader reader;
    private readonly IAmazonPCS pcs;
    private readonly ClusterLeaseTable leases;

    internal UpdateExpiryQueueHandler(ClusterReader reader, IAmazonPCS pcs, ClusterLeaseTable leases) =>
        (this.reader, this.pcs, this.leases) = (reader, pcs, leases);

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var pcs = services.Aws.CreatePcs();
        var handler = new UpdateExpiryQueueHandler(new ClusterReader(pcs, services.Aws.CreateEc2()), pcs, ClusterLeaseTable.Create(services));
        return HandlerWrapper.Create(handler.HandleAsync, CapacityBlockJsonContext.Strict.UpdateExpiryQueueInput, CapacityBlockJsonContext.Strict.UpdateExpiryQueueResult);
    }

    public async Task<UpdateExpiryQueueResult> HandleAsync(UpdateExpiryQueueInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var clusterId = WorkflowInput.ClusterId(input.ClusterId);
        var executionArn = WorkflowInput.ExecutionArn(input.ExecutionArn);
        var edit = input.Edit ?? throw new InvalidWorkflowInput("edit is required: one queue edit of the cluster work.");
        WorkflowInput.Required(edit.QueueId, "edit.queueId");
        var cancellation = context.CancellationToken;
        using var scope = context.Logger.BeginScope("clusterId", clusterId);

        await leases.RequireOwnedAndRenewAsync(clusterId, executionArn, cancellation).ConfigureAwait(false);
        var queue = await reader.GetQueueAsync(clusterId, edit.QueueId, cancellation).ConfigureAwait(false)
            ?? throw new CapacityBlockChangeFailed($"Queue {edit.QueueName} ({edit.QueueId}) of cluster {clusterId} no longer exists: its node groups were not changed.");
        var now = (queue.ComputeNodeGroupConfigurations ?? []).Select(c => c.ComputeNodeGroupId).OfType<string>().ToList();
        var after = QueueEdits.Rebase(edit, now)
            ?? throw new CapacityBlockChangeFailed(
                $"Queue {edit.QueueName} ({edit.QueueId}) of cluster {clusterId} now lists only [{string.Join(", ", now)}]: the planned edit would leave it without a node group, so it was not written (a queue keeps at least one, guide L3758-3781).");
        if (after.SequenceEqual(now, StringComparer.Ordinal))
        {
            context.Logger.LogInformation($"Queue {edit.QueueName} ({edit.QueueId}) already lists [{string.Join(", ", now)}]");
            return new UpdateExpiryQueueResult(edit.QueueId, false, now);
        }

        await AwsCalls.RunAsync("PCS.UpdateQueue", $"{clusterId}/{edit.QueueId}", () => pcs.UpdateQueueAsync(new UpdateQueueRequest
        {
            ClusterIdentifier = clusterId,
            QueueIdentifier = edit.QueueId,
            ComputeNodeGroupConfigurations = [.. after.Select(id => new ComputeNodeGroupConfiguration { ComputeNodeGroupId = id })],
            ClientToken = ClientTokens.For(executionArn, Step, $"{edit.QueueId}:{string.Join(",", after)}"),
        }, cancellation), cancellation).ConfigureAwait(false);
        context.Logger.LogInformation($"Queue {edit.QueueName} ({edit.QueueId}): [{string.Join(", ", now)}] -> [{string.Join(", ", after)}]");
        return new UpdateExpiryQueueResult(edit.QueueId, true, after);
    }
}

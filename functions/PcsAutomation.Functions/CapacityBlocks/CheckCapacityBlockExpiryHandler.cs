using PcsAutomation.Domain.NodeGroups;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.CapacityBlocks;

/// <summary>
/// <c>CheckCapacityBlockExpiry</c>: one poll after an expiry change, with the shared back-off (<see cref="PollingBackoff"/>).
/// <c>node-groups-active</c>: every group ACTIVE again (after a template switch or a restore; PCS takes changes one at a
/// time, guide L1984-1989). <c>node-groups-drained</c>: every parked group ACTIVE at 0/0 with no instance up
/// (<see cref="InstanceStates.IsUp"/>; instances tagged with the group's id, guide L2948-2973), a deleted group counts
/// as drained. <c>queue-active</c>: the queue ACTIVE after its UpdateQueue. A group or queue in UPDATE_FAILED, or a
/// switched group that was deleted, fails the check (<see cref="CapacityBlockChangeFailed"/>, <see cref="NodeGroupNotFound"/>). Read-only.
/// </summary>
[LambdaFunction(Policies = "PcsRead, Ec2DescribeInstances")]
public sealed class CheckCapacityBlockExpiryHandler
{
    private readonly ClusterReader reader;

    internal CheckCapacityBlockExpiryHandler(ClusterReader reader) => this.reader = reader;

    public static LambdaHandler Create(FunctionServices services)
    {
        var handler = new CheckCapacityBlockExpiryHandler(ClusterReader.Create(services));
        return HandlerWrapper.Create(handler.HandleAsync, CapacityBlockJsonContext.Strict.CheckCapacityBlockExpiryInput, CapacityBlockJsonContext.Strict.CheckCapacityBlockExpiryResult);
    }

    public async Task<CheckCapacityBlockExpiryResult> HandleAsync(CheckCapacityBlockExpiryInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var clusterId = WorkflowInput.ClusterId(input.ClusterId);
        var attempt = WorkflowInput.Attempt(input.Attempt);
        var check = WorkflowInput.Required(input.Check, "check");
        var cancellation = context.CancellationToken;
        var pending = check switch
        {
            ExpiryChecks.NodeGroupsActive => await GroupsPendingAsync(clusterId, NodeGroupIds(input), drained: false, cancellation).ConfigureAwait(false),
            ExpiryChecks.NodeGroupsDrained => await GroupsPendingAsync(clusterId, NodeGroupIds(input), drained: true, cancellation).ConfigureAwait(false),
            ExpiryChecks.QueueActive => await QueuePendingAsync(clusterId, WorkflowInput.Required(input.Target?.QueueId, "target.queueId"), cancellation).ConfigureAwait(false),
            _ => throw new InvalidWorkflowInput(
                $"check '{WorkflowInput.Clip(check)}' is not one of {ExpiryChecks.NodeGroupsActive}, {ExpiryChecks.NodeGroupsDrained}, {ExpiryChecks.QueueActive}."),
        };
        context.Logger.LogInformation($"Cluster {clusterId} {check} (poll {attempt + 1}): {(pending.Count == 0 ? "done" : "waiting for " + string.Join("; ", pending))}");
        return new CheckCapacityBlockExpiryResult(pending.Count == 0, pending, attempt + 1, PollingBackoff.NextWaitSeconds(attempt));
    }

    private static IReadOnlyList<string> NodeGroupIds(CheckCapacityBlockExpiryInput input) =>
        input.Target?.NodeGroupIds ?? throw new InvalidWorkflowInput("target.nodeGroupIds is required for a node group check.");

    private async Task<List<string>> GroupsPendingAsync(string clusterId, IReadOnlyList<string> ids, bool drained, CancellationToken cancellation)
    {
        var pending = new List<string>();
        foreach (var id in ids)
        {
            var group = await reader.GetComputeNodeGroupAsync(clusterId, id, cancellation).ConfigureAwait(false);
            if (group is null)
            {
                if (drained)
                    continue; // deleted: its instances are gone with it
                throw new NodeGroupNotFound($"Node group {id} of cluster {clusterId} was deleted while the expiry changed it.");
            }
            var status = group.Status.Value;
            if (status == "UPDATE_FAILED")
                throw new CapacityBlockChangeFailed(
                    $"Node group {group.Name} ({id}) of cluster {clusterId} is UPDATE_FAILED: {string.Join("; ", (group.ErrorInfo ?? []).Select(e => $"{e.Code}: {e.Message}"))}");
            if (status != "ACTIVE")
            {
                pending.Add($"{group.Name} ({id}) {status}");
                continue;
            }
            if (!drained)
                continue;
            if (group.ScalingConfiguration is not { MinInstanceCount: 0, MaxInstanceCount: 0 })
            {
                pending.Add($"{group.Name} ({id}) at {group.ScalingConfiguration.MinInstanceCount}/{group.ScalingConfiguration.MaxInstanceCount}, not 0/0");
                continue;
            }
            var up = (await reader.GetNodeGroupInstancesAsync(id, cancellation).ConfigureAwait(false)).Where(i => InstanceStates.IsUp(i.State)).ToList();
            if (up.Count > 0)
                pending.Add($"{group.Name} ({id}) instances still up: {string.Join(", ", up.Select(i => $"{i.InstanceId} {i.State}"))}");
        }
        return pending;
    }

    private async Task<List<string>> QueuePendingAsync(string clusterId, string queueId, CancellationToken cancellation)
    {
        var queue = await reader.GetQueueAsync(clusterId, queueId, cancellation).ConfigureAwait(false)
            ?? throw new CapacityBlockChangeFailed($"Queue {queueId} of cluster {clusterId} was deleted while the expiry updated it.");
        var status = queue.Status.Value;
        if (status == "UPDATE_FAILED")
            throw new CapacityBlockChangeFailed(
                $"Queue {queue.Name} ({queueId}) of cluster {clusterId} is UPDATE_FAILED: {string.Join("; ", (queue.ErrorInfo ?? []).Select(e => $"{e.Code}: {e.Message}"))}");
        return status == "ACTIVE" ? [] : [$"queue {queue.Name} ({queueId}) {status}"];
    }
}

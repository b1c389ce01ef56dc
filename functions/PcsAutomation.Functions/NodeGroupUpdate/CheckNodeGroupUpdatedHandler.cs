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
/// <c>CheckNodeGroupUpdated</c>: one poll of a group after <c>UpdateNodeGroup</c>, judged against the lease's record
/// of the change (the image expected, when it was made). Unhealthy new-image instances (<see cref="NodeGroupHealth"/>)
/// fail it at once; then the group must be ACTIVE; then, in <c>verified</c> mode, every running instance must report
/// the new image (<see cref="ReplacementVerification"/>), within the bound; <c>marked</c> stops at ACTIVE, since PCS
/// replaces marked instances only once idle (guide L2667). Failures are named errors the ASL catches to roll back.
/// </summary>
[LambdaFunction(Policies = "ClusterLease, PcsRead, Ec2DescribeInstances")]
public sealed class CheckNodeGroupUpdatedHandler
{
    private readonly ClusterReader reader;
    private readonly ClusterLeaseTable leases;
    private readonly TimeProvider time;

    internal CheckNodeGroupUpdatedHandler(ClusterReader reader, ClusterLeaseTable leases, TimeProvider time) =>
        (this.reader, this.leases, this.time) = (reader, leases, time);

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var handler = new CheckNodeGroupUpdatedHandler(ClusterReader.Create(services), ClusterLeaseTable.Create(services), services.Time);
        return HandlerWrapper.Create(handler.HandleAsync, NodeGroupUpdateJsonContext.Strict.CheckNodeGroupUpdatedInput, NodeGroupUpdateJsonContext.Strict.CheckNodeGroupUpdatedResult);
    }

    public async Task<CheckNodeGroupUpdatedResult> HandleAsync(CheckNodeGroupUpdatedInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var clusterId = WorkflowInput.ClusterId(input.ClusterId);
        var executionArn = WorkflowInput.ExecutionArn(input.ExecutionArn);
        var nodeGroupId = WorkflowInput.Required(input.NodeGroupId, "nodeGroupId");
        var marked = input.Replacement switch
        {
            null or "verified" => false,
            "marked" => true,
            _ => throw new InvalidWorkflowInput($"replacement '{WorkflowInput.Clip(input.Replacement)}' is not verified or marked."),
        };
        var maxWait = input.MaxWaitSeconds switch
        {
            null => ReplacementVerification.DefaultMaxWait,
            > 0 and var seconds => TimeSpan.FromSeconds(seconds),
            _ => throw new InvalidWorkflowInput("maxWaitSeconds must be more than 0."),
        };
        var attempt = WorkflowInput.Attempt(input.Attempt);
        var cancellation = context.CancellationToken;
        var now = time.GetUtcNow();

        var lease = await leases.RequireOwnedAndRenewAsync(clusterId, executionArn, cancellation).ConfigureAwait(false);
        var change = lease.SavedChanges?.FirstOrDefault(c => c.NodeGroupId == nodeGroupId)
            ?? throw new InvalidWorkflowInput($"nodeGroupId {nodeGroupId}: the lease of cluster {clusterId} records no change of it (UpdateNodeGroup did not run for it).");
        var group = await reader.GetComputeNodeGroupAsync(clusterId, nodeGroupId, cancellation).ConfigureAwait(false)
            ?? throw new NodeGroupNotFound($"Node group {nodeGroupId} of cluster {clusterId} was deleted during its update.");
        var status = group.Status.Value;
        var name = change.Previous.NodeGroupName;
        if (status == "UPDATE_FAILED")
            throw new NodeGroupUpdateFailed(
                $"Node group {name} ({nodeGroupId}) of cluster {clusterId} is UPDATE_FAILED: {string.Join("; ", (group.ErrorInfo ?? []).Select(e => $"{e.Code}: {e.Message}"))}");

        var instances = await reader.GetNodeGroupInstancesAsync(nodeGroupId, cancellation).ConfigureAwait(false);
        var cluster = await reader.GetClusterAsync(clusterId, cancellation).ConfigureAwait(false);
        var idleTime = cluster.SlurmConfiguration?.ScaleDownIdleTimeInSeconds is > 0 and var idle ? TimeSpan.FromSeconds(idle) : NodeGroupHealth.RegistrationTimeout;
        var health = NodeGroupHealth.Evaluate(nodeGroupId, change.ExpectedImageId, instances, change.ChangedAt, idleTime, now);
        if (!health.Healthy)
            throw new NodeGroupUnhealthy(
                $"Node group {name} ({nodeGroupId}) of cluster {clusterId} on {change.ExpectedImageId}: {string.Join("; ", health.Findings.Select(f => $"{f.Rule} ({f.Guide}): {f.Message}"))}");

        var replacement = ReplacementVerification.Evaluate(nodeGroupId, change.ExpectedImageId, instances, change.ChangedAt, now, maxWait);
        var wait = PollingBackoff.NextWaitSeconds(attempt);
        string state;
        bool done;
        if (status != "ACTIVE" && now >= replacement.Deadline)
            throw new ReplacementNotVerified(
                $"Node group {name} ({nodeGroupId}) of cluster {clusterId} is still {status} at {replacement.Deadline:O}, {maxWait.TotalMinutes:0} minutes after its update: PCS has not finished the update.");
        if (status != "ACTIVE")
            (state, done) = ("updating", false);
        else if (marked)
            (state, done) = ("marked", true);
        else if (replacement.State == ReplacementState.TimedOut)
            throw new ReplacementNotVerified($"Cluster {clusterId}: {ReplacementVerification.Describe(name, replacement, change.ChangedAt)}");
        else
            (state, done) = (replacement.State switch
            {
                ReplacementState.Verified => "verified",
                ReplacementState.Settling => "settling",
                _ => "waiting",
            }, replacement.Verified);

        context.Logger.LogInformation(
            $"Node group {name} ({nodeGroupId}) {status}, replacement {state} (poll {attempt + 1}): {replacement.OnNewImage.Count} running on {change.ExpectedImageId}, " +
            $"{replacement.OnOldImage.Count} still on the old image [{string.Join(", ", replacement.OnOldImage)}], until {replacement.Deadline:O}");
        return new CheckNodeGroupUpdatedResult(done, status, state, replacement.OnOldImage, replacement.OnNewImage, replacement.Deadline, attempt + 1, wait);
    }
}

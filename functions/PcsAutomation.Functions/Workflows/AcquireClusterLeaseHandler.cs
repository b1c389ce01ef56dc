using PcsAutomation.Functions.Hosting;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.Workflows;

/// <summary>
/// <c>AcquireClusterLease</c>: makes this execution the only one changing the cluster, whatever its workflow. Taking it
/// again is a no-op (the lease is extended); a lease held by another live execution is <see cref="LeaseHeld"/>, naming
/// the holder and its workflow. Taking over an expired or released lease inherits saved scaling nobody restored.
/// </summary>
[LambdaFunction(Policies = "ClusterLease")]
public sealed class AcquireClusterLeaseHandler
{
    private readonly ClusterLeaseTable leases;

    internal AcquireClusterLeaseHandler(ClusterLeaseTable leases) => this.leases = leases;

    public static LambdaHandler Create(FunctionServices services)
    {
        var handler = new AcquireClusterLeaseHandler(ClusterLeaseTable.Create(services));
        return HandlerWrapper.Create(handler.HandleAsync, WorkflowJsonContext.Strict.AcquireClusterLeaseInput, WorkflowJsonContext.Strict.AcquireClusterLeaseResult);
    }

    public async Task<AcquireClusterLeaseResult> HandleAsync(AcquireClusterLeaseInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        // The lease is keyed by the real id (the state machine passes the plan's): a lease taken under the cluster's
        // name would not exclude one taken under its id.
        var clusterId = WorkflowInput.ClusterId(input.ClusterId);
        var executionArn = WorkflowInput.ExecutionArn(input.ExecutionArn);
        var workflow = WorkflowInput.Workflow(input.Workflow);

        var lease = await leases.AcquireAsync(clusterId, executionArn, workflow, context.CancellationToken).ConfigureAwait(false);
        if (lease.TakenOverFrom is { } previous)
            context.Logger.LogWarning(
                $"Took over the lease of cluster {clusterId} from {previous}" +
                (lease.InheritedScaling is { } saved
                    ? $", inheriting its saved scaling of {saved.Count} node groups never verified as restored (they may still be at 0/0): {string.Join(", ", saved)}"
                    : ""));
        context.Logger.LogInformation($"Lease of cluster {clusterId} held by {executionArn} ({workflow.Name}) until {lease.ExpiresAt:O} (table {leases.TableName})");
        return new AcquireClusterLeaseResult(true, lease.ExpiresAt, lease.TakenOverFrom, lease.InheritedScaling is not null);
    }
}

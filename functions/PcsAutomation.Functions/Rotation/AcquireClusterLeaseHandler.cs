using PcsAutomation.Functions.Hosting;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.Rotation;

/// <summary>
/// <c>AcquireClusterLease</c>: makes this execution the only one rotating the cluster. Taking it again is a no-op
/// (the lease is extended); a lease held by another live execution is <see cref="LeaseHeld"/>, naming the holder.
/// </summary>
public sealed class AcquireClusterLeaseHandler
{
    private readonly ClusterLeaseTable leases;

    internal AcquireClusterLeaseHandler(ClusterLeaseTable leases) => this.leases = leases;

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var handler = new AcquireClusterLeaseHandler(RotationClients.LeaseTable(services));
        return HandlerWrapper.Create(handler.HandleAsync, RotationJsonContext.Default.AcquireClusterLeaseInput, RotationJsonContext.Default.AcquireClusterLeaseResult);
    }

    public async Task<AcquireClusterLeaseResult> HandleAsync(AcquireClusterLeaseInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var clusterId = RotationInput.ClusterId(input.ClusterId);
        var executionArn = RotationInput.ExecutionArn(input.ExecutionArn);
        // The lease is keyed by the real id: a lease taken under the cluster's name would not exclude one taken under its id.
        if (input.Plan is { } plan && plan.ClusterId != clusterId)
            throw new InvalidRotationInput($"clusterId '{clusterId}' is not the plan's cluster id '{plan.ClusterId}': pass plan.clusterId.");

        var lease = await leases.AcquireAsync(clusterId, executionArn, input.Plan?.SecretArn, context.CancellationToken).ConfigureAwait(false);
        if (lease.TakenOverFrom is { } previous)
            context.Logger.LogWarning(
                $"Took over the expired lease of cluster {clusterId} from {previous}" +
                (lease.InheritedScaling is { } saved ? $", keeping its saved scaling of {saved.Count} node groups (they may still be scaled down)" : ""));
        context.Logger.LogInformation($"Lease of cluster {clusterId} held by {executionArn} until {lease.ExpiresAt:O} (table {leases.TableName})");
        return new AcquireClusterLeaseResult(true, lease.ExpiresAt);
    }
}

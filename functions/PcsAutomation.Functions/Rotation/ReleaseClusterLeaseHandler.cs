using PcsAutomation.Functions.Hosting;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.Rotation;

/// <summary>
/// <c>ReleaseClusterLease</c>: deletes this execution's lease. Idempotent: a lease already gone is released; a lease
/// another execution holds is left alone (<c>released: false</c>) rather than failing the workflow's last step.
/// </summary>
public sealed class ReleaseClusterLeaseHandler
{
    private readonly ClusterLeaseTable leases;

    internal ReleaseClusterLeaseHandler(ClusterLeaseTable leases) => this.leases = leases;

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var handler = new ReleaseClusterLeaseHandler(RotationClients.LeaseTable(services));
        return HandlerWrapper.Create(handler.HandleAsync, RotationJsonContext.Default.ReleaseClusterLeaseInput, RotationJsonContext.Default.ReleaseClusterLeaseResult);
    }

    public async Task<ReleaseClusterLeaseResult> HandleAsync(ReleaseClusterLeaseInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var clusterId = RotationInput.ClusterId(input.ClusterId);
        var executionArn = RotationInput.ExecutionArn(input.ExecutionArn);

        var released = await leases.ReleaseAsync(clusterId, executionArn, context.CancellationToken).ConfigureAwait(false);
        if (released)
            context.Logger.LogInformation($"Lease of cluster {clusterId} released by {executionArn}");
        else
            context.Logger.LogWarning($"Lease of cluster {clusterId} is held by another execution; {executionArn} left it alone");
        return new ReleaseClusterLeaseResult(released);
    }
}

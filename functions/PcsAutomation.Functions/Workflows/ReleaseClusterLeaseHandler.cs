using PcsAutomation.Functions.Hosting;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.Workflows;

/// <summary>
/// <c>ReleaseClusterLease</c>: ends this execution's lease. Idempotent: a lease already gone is released; a lease
/// another execution holds is left alone (<c>released: false</c>) rather than failing the workflow's last step. Saved
/// scaling whose restore was never verified stays in the table for the next workflow (<c>savedScalingKept</c>).
/// </summary>
[LambdaFunction(Policies = "ClusterLease")]
public sealed class ReleaseClusterLeaseHandler
{
    private readonly ClusterLeaseTable leases;

    internal ReleaseClusterLeaseHandler(ClusterLeaseTable leases) => this.leases = leases;

    public static LambdaHandler Create(FunctionServices services)
    {
        var handler = new ReleaseClusterLeaseHandler(ClusterLeaseTable.Create(services));
        return HandlerWrapper.Create(handler.HandleAsync, WorkflowJsonContext.Strict.ReleaseClusterLeaseInput, WorkflowJsonContext.Strict.ReleaseClusterLeaseResult);
    }

    public async Task<ReleaseClusterLeaseResult> HandleAsync(ReleaseClusterLeaseInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var clusterId = WorkflowInput.ClusterId(input.ClusterId);
        var executionArn = WorkflowInput.ExecutionArn(input.ExecutionArn);

        var release = await leases.ReleaseAsync(clusterId, executionArn, context.CancellationToken).ConfigureAwait(false);
        if (!release.Released)
            context.Logger.LogWarning($"Lease of cluster {clusterId} is held by another execution; {executionArn} left it alone");
        else if (release.SavedScalingKept)
            context.Logger.LogWarning(
                $"Lease of cluster {clusterId} released by {executionArn}, keeping its saved scaling: no restore was verified, the next workflow to take the lease restores it");
        else
            context.Logger.LogInformation($"Lease of cluster {clusterId} released by {executionArn}");
        return new ReleaseClusterLeaseResult(release.Released, release.SavedScalingKept);
    }
}

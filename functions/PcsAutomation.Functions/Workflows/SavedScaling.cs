using PcsAutomation.Domain.NodeGroups;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;

namespace PcsAutomation.Functions.Workflows;

/// <summary>The scaling an execution must restore: the lease's, read the same way by the restore and its check.</summary>
internal static class SavedScaling
{
    /// <summary>
    /// The lease's saved scaling when <paramref name="executionArn"/> holds the lease (saved by it or inherited);
    /// otherwise none: without the lease this execution scaled nothing down, or whoever took the lease over now owns
    /// the saved scaling and restores it.
    /// </summary>
    public static async Task<IReadOnlyList<NodeGroupScaling>> ForAsync(ClusterLeaseTable leases, string clusterId, string executionArn, ILambdaContext context)
    {
        var lease = await leases.GetAsync(clusterId, context.CancellationToken).ConfigureAwait(false);
        if (lease?.Owner == executionArn && lease.SavedScaling is { } saved)
            return saved;
        context.Logger.LogInformation(
            lease is null || lease.Owner == executionArn
                ? $"No saved scaling for cluster {clusterId} in its lease: this execution scaled nothing down, nothing to restore"
                : $"The lease of cluster {clusterId} is held by {lease.Owner} ({lease.Workflow}): nothing for {executionArn} to restore");
        return [];
    }
}

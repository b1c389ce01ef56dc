using PcsAutomation.Aws.PCS;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Domain.Configuration;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;

namespace PcsAutomation.Functions.Workflows;

/// <summary>An execution a reconciler started (a workflow or a notice): its deterministic name is the idempotency key.</summary>
internal sealed record ReconcilerStart(string ClusterId, string ExecutionName, string ExecutionArn);

/// <summary>A cluster a reconciler left alone this time, and why (unmanaged, invalid tag, nothing due, window closed, already started...).</summary>
internal sealed record ReconcilerSkip(string ClusterId, string Reason);

/// <summary>
/// What every scheduled reconciler does around its own decision: list every cluster of the account and Region, and
/// reconcile each on its own, so one cluster's bad tag, refused step or AWS error never stops the others: it becomes
/// that cluster's skip reason, logged, and the next scheduled run tries again.
/// </summary>
internal static class ClusterSweep
{
    public static Task<List<ClusterSummary>> ListClustersAsync(IAmazonPCS pcs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pcs);
        return AwsCalls.RunAsync("PCS.ListClusters", "all clusters", async () =>
        {
            var all = new List<ClusterSummary>();
            await foreach (var cluster in pcs.Paginators.ListClusters(new ListClustersRequest()).Clusters.WithCancellation(cancellationToken).ConfigureAwait(false))
                all.Add(cluster);
            return all;
        }, cancellationToken);
    }

    /// <summary>Runs <paramref name="reconcile"/> for one cluster; null when it ran, else why the cluster was skipped.</summary>
    public static async Task<string?> GuardAsync(string clusterId, ILambdaContext context, Func<Task> reconcile)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reconcile);
        try
        {
            await reconcile().ConfigureAwait(false);
            return null;
        }
        catch (TagConfigurationException e)
        {
            context.Logger.LogWarning($"Cluster {clusterId} skipped: invalid tag {e.TagKey}: {e.Message}");
            return $"invalid tag {e.TagKey}: {e.Message}";
        }
        catch (WorkflowError e)
        {
            context.Logger.LogWarning($"Cluster {clusterId} skipped: {e.GetType().Name}: {e.Message}");
            return $"{e.GetType().Name}: {e.Message}";
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or TransientAwsError)
        {
            var code = e is Amazon.Runtime.AmazonServiceException service ? service.ErrorCode : e.Message;
            context.Logger.LogWarning($"Cluster {clusterId} skipped after an AWS error: {code}");
            return $"AWS error: {code}";
        }
    }
}

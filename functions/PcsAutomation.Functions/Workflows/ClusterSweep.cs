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

/// <summary>What a reconciler did for one cluster: started a workflow, sent a notice, or skipped it (with why).</summary>
internal sealed record ReconcilerOutcome(ReconcilerStart? Started, ReconcilerStart? Notice, string? Skipped);

/// <summary>One reconciler run over every cluster: how many, and every cluster's outcome.</summary>
internal sealed record SweepResult(int Clusters, IReadOnlyList<ReconcilerStart> Started, IReadOnlyList<ReconcilerStart> Notices, IReadOnlyList<ReconcilerSkip> Skipped);

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

    /// <summary>Lists every cluster and reconciles each in its own log scope (<see cref="GuardAsync"/>), collecting the outcomes.</summary>
    public static async Task<SweepResult> RunAsync(IAmazonPCS pcs, ILambdaContext context, Func<ClusterSummary, Task<ReconcilerOutcome>> reconcile)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reconcile);
        var (started, notices, skipped) = (new List<ReconcilerStart>(), new List<ReconcilerStart>(), new List<ReconcilerSkip>());
        var clusters = await ListClustersAsync(pcs, context.CancellationToken).ConfigureAwait(false);
        foreach (var cluster in clusters)
        {
            using var scope = context.Logger.BeginScope("clusterId", cluster.Id);
            var failure = await GuardAsync(cluster.Id, context, async () =>
            {
                var outcome = await reconcile(cluster).ConfigureAwait(false);
                if (outcome.Started is not null) started.Add(outcome.Started);
                if (outcome.Notice is not null) notices.Add(outcome.Notice);
                if (outcome.Skipped is not null) skipped.Add(new ReconcilerSkip(cluster.Id, outcome.Skipped));
            }).ConfigureAwait(false);
            if (failure is not null) skipped.Add(new ReconcilerSkip(cluster.Id, failure));
        }
        return new SweepResult(clusters.Count, started, notices, skipped);
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

using Amazon.EC2;
using Amazon.EC2.Model;
using PcsAutomation.Aws.PCS;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Domain.Configuration;
using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Domain.NodeGroups;
using PcsAutomation.Domain.Rotation;
using PcsAutomation.Functions.Hosting;

namespace PcsAutomation.Functions.Workflows;

/// <summary>The reads every workflow's steps share: the cluster, its node groups with exact scaling, its instances.</summary>
internal sealed class ClusterReader(IAmazonPCS pcs, IAmazonEC2 ec2)
{
    public static ClusterReader Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new ClusterReader(services.Aws.CreatePcs(), services.Aws.CreateEc2());
    }

    public Task<Cluster> GetClusterAsync(string clusterIdentifier, CancellationToken cancellationToken) =>
        AwsCalls.RunAsync("PCS.GetCluster", clusterIdentifier, async () =>
        {
            var response = await pcs.GetClusterAsync(new GetClusterRequest { ClusterIdentifier = clusterIdentifier }, cancellationToken).ConfigureAwait(false);
            return response.Cluster ?? throw new InvalidOperationException($"PCS.GetCluster on {clusterIdentifier} answered without a cluster.");
        }, cancellationToken);

    /// <summary>The cluster a workflow's input names (name or id); a name PCS does not know is <see cref="InvalidWorkflowInput"/> naming <c>clusterId</c>.</summary>
    public async Task<Cluster> RequireClusterAsync(string clusterIdentifier, CancellationToken cancellationToken)
    {
        try
        {
            return await GetClusterAsync(clusterIdentifier, cancellationToken).ConfigureAwait(false);
        }
        catch (Aws.PCS.Model.ResourceNotFoundException e)
        {
            throw new InvalidWorkflowInput($"clusterId '{clusterIdentifier}' names no PCS cluster in this account and region.", e);
        }
    }

    public Task<IReadOnlyDictionary<string, string>> GetTagsAsync(Cluster cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return GetTagsAsync(cluster.Arn, cluster.Id, cancellationToken);
    }

    /// <summary>The tags of a PCS resource (cluster, node group, queue) by its ARN; <paramref name="resource"/> names it in errors.</summary>
    public Task<IReadOnlyDictionary<string, string>> GetTagsAsync(string arn, string resource, CancellationToken cancellationToken) =>
        AwsCalls.RunAsync<IReadOnlyDictionary<string, string>>("PCS.ListTagsForResource", resource, async () =>
        {
            var response = await pcs.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn }, cancellationToken).ConfigureAwait(false);
            return response.Tags ?? new Dictionary<string, string>(StringComparer.Ordinal);
        }, cancellationToken);

    /// <summary>Every node group of the cluster (all pages), by name, with min/max from GetComputeNodeGroup.</summary>
    public async Task<IReadOnlyList<NodeGroupState>> GetNodeGroupsAsync(string clusterId, CancellationToken cancellationToken) =>
        [.. (await GetComputeNodeGroupsAsync(clusterId, cancellationToken).ConfigureAwait(false)).Select(ToState)];

    /// <summary>One node group's scaling and status; null when it no longer exists.</summary>
    public async Task<NodeGroupState?> GetNodeGroupAsync(string clusterId, string nodeGroupId, CancellationToken cancellationToken) =>
        await GetComputeNodeGroupAsync(clusterId, nodeGroupId, cancellationToken).ConfigureAwait(false) is { } group ? ToState(group) : null;

    /// <summary>
    /// Every node group of the cluster as GetComputeNodeGroup answers it (amiId, launch template, instance types), by name:
    /// ListComputeNodeGroups gives summaries only (guide L2847-2871).
    /// </summary>
    public async Task<IReadOnlyList<ComputeNodeGroup>> GetComputeNodeGroupsAsync(string clusterId, CancellationToken cancellationToken)
    {
        var summaries = await AwsCalls.RunAsync("PCS.ListComputeNodeGroups", clusterId, async () =>
        {
            var list = new List<ComputeNodeGroupSummary>();
            var pages = pcs.Paginators.ListComputeNodeGroups(new ListComputeNodeGroupsRequest { ClusterIdentifier = clusterId });
            await foreach (var summary in pages.ComputeNodeGroups.WithCancellation(cancellationToken).ConfigureAwait(false))
                list.Add(summary);
            return list;
        }, cancellationToken).ConfigureAwait(false);

        var groups = new List<ComputeNodeGroup>(summaries.Count);
        foreach (var summary in summaries.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var group = await GetComputeNodeGroupAsync(clusterId, summary.Id, cancellationToken).ConfigureAwait(false);
            if (group is not null)
                groups.Add(group);
        }
        return groups;
    }

    /// <summary>One node group as GetComputeNodeGroup answers it; null when it no longer exists.</summary>
    public Task<ComputeNodeGroup?> GetComputeNodeGroupAsync(string clusterId, string nodeGroupId, CancellationToken cancellationToken) =>
        AwsCalls.RunAsync("PCS.GetComputeNodeGroup", $"{clusterId}/{nodeGroupId}", async () =>
        {
            try
            {
                var response = await pcs.GetComputeNodeGroupAsync(
                    new GetComputeNodeGroupRequest { ClusterIdentifier = clusterId, ComputeNodeGroupIdentifier = nodeGroupId }, cancellationToken).ConfigureAwait(false);
                return response.ComputeNodeGroup;
            }
            catch (Aws.PCS.Model.ResourceNotFoundException)
            {
                return null;
            }
        }, cancellationToken);

    /// <summary>The ids of the node groups attached to at least one queue of the cluster (ListQueues, then GetQueue for each).</summary>
    public async Task<IReadOnlySet<string>> GetQueuedNodeGroupIdsAsync(string clusterId, CancellationToken cancellationToken) =>
        (await GetQueuesAsync(clusterId, cancellationToken).ConfigureAwait(false))
            .SelectMany(q => q.ComputeNodeGroupConfigurations ?? [])
            .Select(c => c.ComputeNodeGroupId)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Every queue of the cluster as GetQueue answers it (its node groups in PCS's order), by name; a queue deleted meanwhile is left out.</summary>
    public async Task<IReadOnlyList<Queue>> GetQueuesAsync(string clusterId, CancellationToken cancellationToken)
    {
        var queueIds = await AwsCalls.RunAsync("PCS.ListQueues", clusterId, async () =>
        {
            var list = new List<string>();
            var pages = pcs.Paginators.ListQueues(new ListQueuesRequest { ClusterIdentifier = clusterId });
            await foreach (var summary in pages.Queues.WithCancellation(cancellationToken).ConfigureAwait(false))
                list.Add(summary.Id);
            return list;
        }, cancellationToken).ConfigureAwait(false);
        var queues = new List<Queue>(queueIds.Count);
        foreach (var queueId in queueIds)
        {
            if (await GetQueueAsync(clusterId, queueId, cancellationToken).ConfigureAwait(false) is { } queue)
                queues.Add(queue);
        }
        return [.. queues.OrderBy(q => q.Name, StringComparer.Ordinal)];
    }

    /// <summary>One queue as GetQueue answers it; null when it no longer exists.</summary>
    public Task<Queue?> GetQueueAsync(string clusterId, string queueId, CancellationToken cancellationToken) =>
        AwsCalls.RunAsync("PCS.GetQueue", $"{clusterId}/{queueId}", async () =>
        {
            try
            {
                return (await pcs.GetQueueAsync(new GetQueueRequest { ClusterIdentifier = clusterId, QueueIdentifier = queueId }, cancellationToken).ConfigureAwait(false)).Queue;
            }
            catch (Aws.PCS.Model.ResourceNotFoundException)
            {
                return null; // deleted between the list and the read
            }
        }, cancellationToken);

    /// <summary>
    /// Every instance of one node group, whatever its state: EC2 tag <c>aws:pcs:compute-node-group-id</c> holds the group's
    /// id, not its name (guide L2948, L2964; the guide's own filter, L2966-2970).
    /// </summary>
    public async Task<IReadOnlyList<NodeInstance>> GetNodeGroupInstancesAsync(string nodeGroupId, CancellationToken cancellationToken)
    {
        var instances = await DescribeAsync(nodeGroupId, [new Filter($"tag:{NodeInstance.NodeGroupTagKey}", [nodeGroupId])], cancellationToken).ConfigureAwait(false);
        return [.. instances.Select(i => new NodeInstance(
            i.InstanceId,
            i.State?.Name?.Value ?? "unknown",
            i.ImageId,
            i.LaunchTime is { } launched ? new DateTimeOffset(DateTime.SpecifyKind(launched, DateTimeKind.Utc)) : null,
            i.Tags?.FirstOrDefault(t => t.Key == NodeInstance.NodeGroupTagKey)?.Value,
            i.StateReason?.Code))];
    }

    /// <summary>
    /// The cluster's instances (EC2 tag <c>aws:pcs:cluster-id</c>, guide L3534) that are still up, all pages. Every
    /// instance is read and <see cref="InstanceStates.IsUp"/> decides, so a state EC2 adds later counts as up.
    /// </summary>
    public async Task<IReadOnlyList<(string InstanceId, string State)>> GetInstancesUpAsync(string clusterId, CancellationToken cancellationToken)
    {
        var instances = await DescribeAsync(clusterId, [new Filter($"tag:{TagKeys.PcsClusterId}", [clusterId])], cancellationToken).ConfigureAwait(false);
        return [.. instances
            .Select(i => (i.InstanceId, State: i.State?.Name?.Value ?? "unknown"))
            .Where(i => InstanceStates.IsUp(i.State))];
    }

    /// <summary>Running BYO login instances of the cluster: tag <paramref name="tagKey"/> naming it (<see cref="LoginInstances"/>).</summary>
    public async Task<IReadOnlyList<string>> GetLoginInstancesAsync(string tagKey, Cluster cluster, CancellationToken cancellationToken)
    {
        var tagged = await DescribeAsync(cluster.Id, [new Filter("tag-key", [tagKey]), new Filter("instance-state-name", ["running"])], cancellationToken)
            .ConfigureAwait(false);
        return [.. tagged
            .Where(i => LoginInstances.BelongsToCluster(i.Tags?.FirstOrDefault(t => t.Key == tagKey)?.Value, cluster.Id, cluster.Name))
            .Select(i => i.InstanceId)];
    }

    /// <summary>Every instance matching <paramref name="filters"/>, all pages, by id; <paramref name="resource"/> names the call in errors.</summary>
    public Task<List<Instance>> DescribeAsync(string resource, List<Filter> filters, CancellationToken cancellationToken) =>
        AwsCalls.RunAsync("EC2.DescribeInstances", resource, async () =>
        {
            var instances = new List<Instance>();
            string? nextToken = null;
            do
            {
                var response = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = filters, NextToken = nextToken }, cancellationToken)
                    .ConfigureAwait(false);
                instances.AddRange((response.Reservations ?? []).SelectMany(r => r.Instances ?? []));
                nextToken = string.IsNullOrEmpty(response.NextToken) ? null : response.NextToken;
            }
            while (nextToken is not null);
            return instances.OrderBy(i => i.InstanceId, StringComparer.Ordinal).ToList();
        }, cancellationToken);

    private static NodeGroupState ToState(ComputeNodeGroup group) =>
        new(new NodeGroupScaling(group.Id, group.Name, group.ScalingConfiguration.MinInstanceCount, group.ScalingConfiguration.MaxInstanceCount),
            group.Status.Value);
}

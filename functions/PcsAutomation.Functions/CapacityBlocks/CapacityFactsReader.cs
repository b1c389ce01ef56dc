using Amazon.EC2;
using Amazon.EC2.Model;
using PcsAutomation.Aws.PCS;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.Configuration;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;

namespace PcsAutomation.Functions.CapacityBlocks;

/// <summary>
/// The one reader of what the Capacity Block workflow, its triggers and the CLI decide from, mapped into the domain's
/// records (<see cref="CapacityFacts"/>). Reservations: DescribeCapacityReservations (all pages), with the UltraServer
/// type of each one's Capacity Block from DescribeCapacityBlocks (joined on <c>CapacityBlockId</c>: the reservation has
/// no such field; AWSSDK.EC2 4.0.132.2 model). Clusters: ListClusters, their tags, every compute node group as
/// GetComputeNodeGroup answers it (ListComputeNodeGroups gives summaries only, guide L2847-2871) with its tags and its
/// subnets' Availability Zones (DescribeSubnets), every queue with its groups in PCS's order (GetQueue); the tags of
/// the groups on a reservation only (their expiry policy: other groups have none, and their tags are left empty).
/// Launch templates: the version each CAPACITY_BLOCK or INTERRUPTIBLE_CAPACITY_RESERVATION group names, its
/// <c>CapacityReservationSpecification</c> and <c>InstanceMarketOptions</c> (guide L3437-3439; other groups use no
/// reservation, so theirs are not read). Instances: every instance carrying PCS's <c>aws:pcs:compute-node-group-id</c>
/// tag (guide L3532-3536), whatever its state. Read-only; transient AWS failures become <see cref="TransientAwsError"/>.
/// </summary>
/// <remarks>
/// Usable for all reservations (the reconciler, the CLI's list) with <see cref="ReadAsync(CancellationToken)"/>, and for
/// one (the workflow's re-read, the event router) with <see cref="ReadReservationAsync"/>; <see cref="ReadAsync(IReadOnlyCollection{string}?, CancellationToken)"/>
/// limits the clusters read (a restore reads the clusters its parked groups belong to).
/// </remarks>
public sealed class CapacityFactsReader
{
    /// <summary>DescribeSubnets takes the ids in one request; a long list is asked in parts.</summary>
    private const int SubnetBatch = 100;

    /// <summary>DescribeCapacityBlocks takes the ids in one request; a long list is asked in parts.</summary>
    private const int BlockBatch = 100;

    private readonly IAmazonPCS pcs;
    private readonly IAmazonEC2 ec2;
    private readonly ClusterReader reader;
    private readonly LaunchTemplates templates;

    public CapacityFactsReader(IAmazonPCS pcs, IAmazonEC2 ec2)
    {
        this.pcs = pcs ?? throw new ArgumentNullException(nameof(pcs));
        this.ec2 = ec2 ?? throw new ArgumentNullException(nameof(ec2));
        reader = new ClusterReader(pcs, ec2);
        templates = new LaunchTemplates(ec2);
    }

    public static CapacityFactsReader Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new CapacityFactsReader(services.Aws.CreatePcs(), services.Aws.CreateEc2());
    }

    /// <summary>Everything: every reservation, every cluster, their templates, every PCS instance.</summary>
    public Task<CapacityFacts> ReadAsync(CancellationToken cancellationToken) => ReadAsync(null, cancellationToken);

    /// <summary>Every reservation and PCS instance, and the clusters whose id is in <paramref name="clusterIds"/> (null: all).</summary>
    public async Task<CapacityFacts> ReadAsync(IReadOnlyCollection<string>? clusterIds, CancellationToken cancellationToken)
    {
        var reservations = await ReadReservationsAsync(cancellationToken).ConfigureAwait(false);
        var (clusters, tags, targets) = await ReadClustersAsync(clusterIds, cancellationToken).ConfigureAwait(false);
        var instances = await ReadInstancesAsync(cancellationToken).ConfigureAwait(false);
        return new CapacityFacts(reservations, clusters, tags, targets, instances);
    }

    /// <summary>Every Capacity Reservation of the account and Region (all types: the domain tells blocks apart), by id.</summary>
    public Task<IReadOnlyList<CapacityReservationFacts>> ReadReservationsAsync(CancellationToken cancellationToken) =>
        DescribeReservationsAsync(null, cancellationToken);

    /// <summary>One reservation as EC2 gives it now; null when EC2 does not know it (InvalidCapacityReservationId.NotFound).</summary>
    public async Task<CapacityReservationFacts?> ReadReservationAsync(string reservationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reservationId);
        try
        {
            var found = await DescribeReservationsAsync([reservationId], cancellationToken).ConfigureAwait(false);
            return found.Count > 0 ? found[0] : null;
        }
        catch (AmazonEC2Exception e) when (e.ErrorCode == "InvalidCapacityReservationId.NotFound")
        {
            return null;
        }
    }

    /// <summary>The clusters (all, or those in <paramref name="clusterIds"/>) with their groups and queues, their tags by id, and the launch template targets of their reservation groups.</summary>
    public async Task<(IReadOnlyList<CapacityClusterFacts> Clusters, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Tags, IReadOnlyList<LaunchTemplateTarget> Templates)> ReadClustersAsync(
        IReadOnlyCollection<string>? clusterIds, CancellationToken cancellationToken)
    {
        var summaries = (await ClusterSweep.ListClustersAsync(pcs, cancellationToken).ConfigureAwait(false))
            .Where(c => clusterIds is null || clusterIds.Contains(c.Id, StringComparer.Ordinal))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        var read = new List<(ClusterSummary Cluster, IReadOnlyList<ComputeNodeGroup> Groups, IReadOnlyList<IReadOnlyDictionary<string, string>> GroupTags, IReadOnlyList<QueueFacts> Queues)>();
        var tags = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var cluster in summaries)
        {
            tags[cluster.Id] = await reader.GetTagsAsync(cluster.Arn, cluster.Id, cancellationToken).ConfigureAwait(false);
            var groups = await reader.GetComputeNodeGroupsAsync(cluster.Id, cancellationToken).ConfigureAwait(false);
            var groupTags = new List<IReadOnlyDictionary<string, string>>(groups.Count);
            foreach (var group in groups)
            {
                // Only a group on a reservation has an expiry policy (its own tags, ExpiryPolicies): the others' are not read.
                groupTags.Add(OnReservation(group.PurchaseOption?.Value)
                    ? await reader.GetTagsAsync(group.Arn, $"{cluster.Id}/{group.Id}", cancellationToken).ConfigureAwait(false)
                    : NoTags);
            }
            var queues = (await reader.GetQueuesAsync(cluster.Id, cancellationToken).ConfigureAwait(false))
                .Select(q => new QueueFacts(cluster.Id, q.Id, q.Name, q.Status.Value, [.. (q.ComputeNodeGroupConfigurations ?? []).Select(c => c.ComputeNodeGroupId).OfType<string>()]))
                .ToList();
            read.Add((cluster, groups, groupTags, queues));
        }

        var zones = await SubnetZonesAsync(read.SelectMany(r => r.Groups).SelectMany(g => g.SubnetIds ?? []), cancellationToken).ConfigureAwait(false);
        var clusters = read.Select(r => new CapacityClusterFacts(r.Cluster.Id, r.Cluster.Name,
                [.. r.Groups.Select((g, i) => ToFacts(g, r.GroupTags[i], zones))], r.Queues))
            .ToList();
        var targets = await TargetsAsync(clusters.SelectMany(c => c.NodeGroups), cancellationToken).ConfigureAwait(false);
        return (clusters, tags, targets);
    }

    /// <summary>Every instance PCS launched (tag <c>aws:pcs:compute-node-group-id</c>, guide L3532-3536) in any state: the domain decides what is up.</summary>
    public async Task<IReadOnlyList<ReservationInstance>> ReadInstancesAsync(CancellationToken cancellationToken)
    {
        var instances = await reader.DescribeAsync("PCS instances", [new Amazon.EC2.Model.Filter("tag-key", [TagKeys.PcsComputeNodeGroupId])], cancellationToken)
            .ConfigureAwait(false);
        return [.. instances.Select(i => new ReservationInstance(
            i.InstanceId,
            i.State?.Name?.Value ?? "unknown",
            string.IsNullOrEmpty(i.CapacityReservationId) ? null : i.CapacityReservationId,
            i.Tags?.FirstOrDefault(t => t.Key == TagKeys.PcsClusterId)?.Value,
            i.Tags?.FirstOrDefault(t => t.Key == TagKeys.PcsComputeNodeGroupId)?.Value))];
    }

    private async Task<IReadOnlyList<CapacityReservationFacts>> DescribeReservationsAsync(List<string>? ids, CancellationToken cancellationToken)
    {
        var reservations = await AwsCalls.RunAsync("EC2.DescribeCapacityReservations", ids is null ? "all reservations" : string.Join(",", ids), async () =>
        {
            var all = new List<CapacityReservation>();
            string? next = null;
            do
            {
                var response = await ec2.DescribeCapacityReservationsAsync(
                    new DescribeCapacityReservationsRequest { CapacityReservationIds = ids, NextToken = next }, cancellationToken).ConfigureAwait(false);
                all.AddRange(response.CapacityReservations ?? []);
                next = string.IsNullOrEmpty(response.NextToken) ? null : response.NextToken;
            }
            while (next is not null);
            return all;
        }, cancellationToken).ConfigureAwait(false);

        var ultraServers = await UltraServerTypesAsync(reservations.Select(r => r.CapacityBlockId).OfType<string>().Where(b => b.Length > 0), cancellationToken).ConfigureAwait(false);
        return [.. reservations
            .Select(r => new CapacityReservationFacts(
                r.CapacityReservationId,
                r.CapacityReservationArn,
                r.InstanceType ?? "",
                r.AvailabilityZone ?? "",
                r.TotalInstanceCount ?? 0,
                Utc(r.StartDate),
                Utc(r.EndDate),
                r.State?.Value ?? "",
                r.ReservationType?.Value ?? ReservationTypes.Default,
                (r.Tags ?? []).GroupBy(t => t.Key, StringComparer.Ordinal).ToDictionary(t => t.Key, t => t.Last().Value ?? "", StringComparer.Ordinal),
                r.CapacityBlockId is { Length: > 0 } block ? ultraServers.GetValueOrDefault(block) : null))
            .OrderBy(r => r.ReservationId, StringComparer.Ordinal)];
    }

    /// <summary>Each Capacity Block's <c>UltraserverType</c> by block id (DescribeCapacityBlocks); absent or empty for blocks of instances.</summary>
    private async Task<Dictionary<string, string?>> UltraServerTypesAsync(IEnumerable<string> blockIds, CancellationToken cancellationToken)
    {
        var types = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var batch in blockIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Chunk(BlockBatch))
        {
            await AwsCalls.RunAsync("EC2.DescribeCapacityBlocks", string.Join(",", batch), async () =>
            {
                string? next = null;
                do
                {
                    var response = await ec2.DescribeCapacityBlocksAsync(new DescribeCapacityBlocksRequest { CapacityBlockIds = [.. batch], NextToken = next }, cancellationToken)
                        .ConfigureAwait(false);
                    foreach (var block in response.CapacityBlocks ?? [])
                        types[block.CapacityBlockId] = string.IsNullOrEmpty(block.UltraserverType) ? null : block.UltraserverType;
                    next = string.IsNullOrEmpty(response.NextToken) ? null : response.NextToken;
                }
                while (next is not null);
                return true;
            }, cancellationToken).ConfigureAwait(false);
        }
        return types;
    }

    /// <summary>Each subnet's Availability Zone (DescribeSubnets); a subnet EC2 no longer knows has none (the group's findings say so).</summary>
    private async Task<Dictionary<string, string>> SubnetZonesAsync(IEnumerable<string> subnetIds, CancellationToken cancellationToken)
    {
        var zones = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var batch in subnetIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Chunk(SubnetBatch))
        {
            try
            {
                await DescribeSubnetsAsync([.. batch], zones, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonEC2Exception e) when (e.ErrorCode == "InvalidSubnetID.NotFound")
            {
                // One unknown id fails the whole request: ask for each alone, so the others are still known.
                foreach (var subnetId in batch)
                {
                    try
                    {
                        await DescribeSubnetsAsync([subnetId], zones, cancellationToken).ConfigureAwait(false);
                    }
                    catch (AmazonEC2Exception single) when (single.ErrorCode == "InvalidSubnetID.NotFound")
                    {
                    }
                }
            }
        }
        return zones;
    }

    private Task<bool> DescribeSubnetsAsync(List<string> subnetIds, Dictionary<string, string> zones, CancellationToken cancellationToken) =>
        AwsCalls.RunAsync("EC2.DescribeSubnets", string.Join(",", subnetIds), async () =>
        {
            string? next = null;
            do
            {
                var response = await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = subnetIds, NextToken = next }, cancellationToken).ConfigureAwait(false);
                foreach (var subnet in response.Subnets ?? [])
                    zones[subnet.SubnetId] = subnet.AvailabilityZone;
                next = string.IsNullOrEmpty(response.NextToken) ? null : response.NextToken;
            }
            while (next is not null);
            return true;
        }, cancellationToken);

    /// <summary>The launch template version of every group on a reservation (one read per template and version); a template or version EC2 no longer knows gives no target.</summary>
    private async Task<IReadOnlyList<LaunchTemplateTarget>> TargetsAsync(IEnumerable<CapacityNodeGroupFacts> groups, CancellationToken cancellationToken)
    {
        var targets = new List<LaunchTemplateTarget>();
        var wanted = groups
            .Where(g => OnReservation(g.PurchaseOption))
            .Select(g => (g.LaunchTemplateId, g.LaunchTemplateVersion))
            .Where(t => t.LaunchTemplateId.Length > 0)
            .Distinct()
            .OrderBy(t => t.LaunchTemplateId, StringComparer.Ordinal).ThenBy(t => t.LaunchTemplateVersion, StringComparer.Ordinal);
        foreach (var (templateId, version) in wanted)
        {
            if (await templates.DataOfVersionAsync(templateId, version, cancellationToken).ConfigureAwait(false) is not { } data)
                continue;
            var target = data.CapacityReservationSpecification?.CapacityReservationTarget;
            targets.Add(new LaunchTemplateTarget(templateId, version,
                string.IsNullOrEmpty(target?.CapacityReservationId) ? null : target.CapacityReservationId,
                string.IsNullOrEmpty(target?.CapacityReservationResourceGroupArn) ? null : target.CapacityReservationResourceGroupArn,
                data.InstanceMarketOptions?.MarketType?.Value));
        }
        return targets;
    }

    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>A group whose purchase option puts it on a reservation (guide L3458; the model's INTERRUPTIBLE_CAPACITY_RESERVATION).</summary>
    private static bool OnReservation(string? purchaseOption) =>
        purchaseOption is PurchaseOptions.CapacityBlock or PurchaseOptions.InterruptibleCapacityReservation;

    private static CapacityNodeGroupFacts ToFacts(ComputeNodeGroup group, IReadOnlyDictionary<string, string> tags, Dictionary<string, string> zones) =>
        new(group.ClusterId, group.Id, group.Name, group.PurchaseOption?.Value,
            group.CustomLaunchTemplate?.Id ?? "", group.CustomLaunchTemplate?.Version ?? "",
            [.. (group.SubnetIds ?? []).Select(s => zones.GetValueOrDefault(s)).OfType<string>().Distinct(StringComparer.Ordinal)],
            [.. (group.InstanceConfigs ?? []).Select(c => c.InstanceType).OfType<string>()],
            group.ScalingConfiguration.MinInstanceCount, group.ScalingConfiguration.MaxInstanceCount, group.Status.Value, tags);

    /// <summary>The SDK's timestamps are UTC (EC2's ISO 8601 with Z); a Local one is converted, an Unspecified one taken as UTC.</summary>
    private static DateTimeOffset? Utc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Local } local => new DateTimeOffset(local.ToUniversalTime(), TimeSpan.Zero),
        { } other => new DateTimeOffset(DateTime.SpecifyKind(other, DateTimeKind.Utc), TimeSpan.Zero),
    };
}

using PcsAutomation.Domain.NodeGroups;

namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>
/// A compute node group as this workflow needs it (GetComputeNodeGroup, plus the Availability Zones of its subnets
/// from EC2 DescribeSubnets and its tags from ListTagsForResource). Plain data.
/// </summary>
/// <param name="PurchaseOption">PCS's <c>purchaseOption</c> as read (<see cref="PurchaseOptions"/>); null when PCS gives none (it defaults to ONDEMAND).</param>
/// <param name="LaunchTemplateId">The group's <c>customLaunchTemplate.id</c>.</param>
/// <param name="LaunchTemplateVersion">The group's <c>customLaunchTemplate.version</c>: the version whose capacity reservation target counts.</param>
/// <param name="SubnetAvailabilityZones">The Availability Zone of each of the group's subnets.</param>
/// <param name="InstanceTypes">The group's <c>instanceConfigs[].instanceType</c>.</param>
public sealed record CapacityNodeGroupFacts(
    string ClusterId,
    string NodeGroupId,
    string NodeGroupName,
    string? PurchaseOption,
    string LaunchTemplateId,
    string LaunchTemplateVersion,
    IReadOnlyList<string> SubnetAvailabilityZones,
    IReadOnlyList<string> InstanceTypes,
    int MinInstanceCount,
    int MaxInstanceCount,
    string Status,
    IReadOnlyDictionary<string, string> Tags)
{
    public NodeGroupScaling Scaling() => new(NodeGroupId, NodeGroupName, MinInstanceCount, MaxInstanceCount);

    /// <summary>True when <paramref name="nameOrId"/> is this group's id or name (tags and operators may use either).</summary>
    public bool IsNamed(string nameOrId) =>
        string.Equals(NodeGroupId, nameOrId, StringComparison.Ordinal) || string.Equals(NodeGroupName, nameOrId, StringComparison.Ordinal);

    /// <summary>"gpu (pcs_abc123)" for messages.</summary>
    public string Describe() => $"{NodeGroupName} ({NodeGroupId})";
}

/// <summary>PCS <c>purchaseOption</c> values (<c>PurchaseOption</c> in ../shared/reference/botocore/pcs.service-2.json).</summary>
public static class PurchaseOptions
{
    public const string OnDemand = "ONDEMAND";
    public const string Spot = "SPOT";

    /// <summary>A group on a Capacity Block (guide L3458).</summary>
    public const string CapacityBlock = "CAPACITY_BLOCK";

    /// <summary>A group on an interruptible Capacity Reservation (newer than the guide: botocore model only).</summary>
    public const string InterruptibleCapacityReservation = "INTERRUPTIBLE_CAPACITY_RESERVATION";
}

/// <summary>
/// The capacity settings of one launch template version (DescribeLaunchTemplateVersions' <c>LaunchTemplateData</c>):
/// its <c>CapacityReservationSpecification.CapacityReservationTarget</c> names one reservation
/// (<c>CapacityReservationId</c>) or a Capacity Reservation resource group (<c>CapacityReservationResourceGroupArn</c>),
/// guide L3326-3327, L3437-3439; and its <c>InstanceMarketOptions.MarketType</c>, which must be <c>capacity-block</c> for a
/// Capacity Block (guide L3437).
/// </summary>
public sealed record LaunchTemplateTarget(
    string LaunchTemplateId,
    string LaunchTemplateVersion,
    string? CapacityReservationId,
    string? CapacityReservationResourceGroupArn,
    string? MarketType)
{
    /// <summary>The <c>MarketType</c> a Capacity Block needs (guide L3437).</summary>
    public const string CapacityBlockMarketType = "capacity-block";

    public bool Targets(CapacityNodeGroupFacts group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return LaunchTemplateId == group.LaunchTemplateId && LaunchTemplateVersion == group.LaunchTemplateVersion;
    }
}

/// <summary>A PCS queue: its compute node groups in the order PCS lists them (<c>computeNodeGroupConfigurations</c>).</summary>
public sealed record QueueFacts(string ClusterId, string QueueId, string QueueName, string Status, IReadOnlyList<string> NodeGroupIds)
{
    public string Describe() => $"{QueueName} ({QueueId})";
}

/// <summary>One cluster as read for the workflow: its node groups and its queues.</summary>
public sealed record CapacityClusterFacts(
    string ClusterId, string ClusterName, IReadOnlyList<CapacityNodeGroupFacts> NodeGroups, IReadOnlyList<QueueFacts> Queues)
{
    /// <summary>The group whose id or name is <paramref name="nameOrId"/>; null when none.</summary>
    public CapacityNodeGroupFacts? FindGroup(string nameOrId) =>
        NodeGroups.FirstOrDefault(g => g.NodeGroupId == nameOrId) ?? NodeGroups.FirstOrDefault(g => g.NodeGroupName == nameOrId);
}

/// <summary>
/// An EC2 instance as the tag discovery reads it (DescribeInstances): the reservation it runs in (<c>CapacityReservationId</c>)
/// and PCS's tags <c>aws:pcs:cluster-id</c> and <c>aws:pcs:compute-node-group-id</c> (guide L3532-3536).
/// </summary>
public sealed record ReservationInstance(string InstanceId, string State, string? CapacityReservationId, string? ClusterIdTag, string? NodeGroupIdTag);

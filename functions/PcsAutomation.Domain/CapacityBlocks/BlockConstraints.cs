namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>
/// The guide's constraints on a Capacity Block and the CAPACITY_BLOCK groups using it, each broken one a finding:
/// the reservation is known and is a Capacity Block; it is scheduled or active (L3416, L3457, L3468-3470); each
/// group's max is at most the block's size and, when several groups share it, so is the sum of their maxima
/// (L3459, L3490-3492); the block's Availability Zone is one of the group's subnets' (L3460; "Your instance can't launch
/// in a subnet in a different Availability Zone", https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/capacity-blocks-launch.html);
/// the group's instance type is the block's (L3439, L3464) and of a supported family (L3413); a shared block's users
/// have min = max (L3490-3492).
/// </summary>
public static class BlockConstraints
{
    public static IReadOnlyList<CapacityFinding> Check(BlockUse block, IReadOnlyDictionary<string, CapacityNodeGroupFacts> groupsById)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(groupsById);
        var users = block.Groups.Where(g => g.Kind == UsageKinds.CapacityBlock).ToList();
        var findings = new List<CapacityFinding>();
        if (users.Count == 0)
            return findings;
        var id = block.ReservationId;
        if (block.Reservation is not { } reservation)
        {
            findings.AddRange(users.Select(u => new CapacityFinding(FindingCodes.UnknownReservation, "guide L3437-3439",
                $"node group {u.Describe()} names reservation {id}, which EC2 does not list in this account and Region", u.ClusterId, u.NodeGroupId, id)));
            return findings;
        }

        if (!reservation.IsCapacityBlock())
            findings.Add(new(FindingCodes.NotACapacityBlock, "guide L3437-3439, L3458",
                $"reservation {id} has reservation type '{reservation.ReservationType}', not capacity-block, but {Names(users)} use it with purchaseOption CAPACITY_BLOCK", null, null, id));
        if (!reservation.IsUsable())
            findings.Add(new(FindingCodes.BlockState, "guide L3416, L3457, L3468-3470",
                $"Capacity Block {id} is {reservation.State}, not scheduled or active: PCS cannot use it for {Names(users)}", null, null, id));

        foreach (var use in users)
        {
            var group = groupsById.GetValueOrDefault(use.NodeGroupId);
            if (use.MaxInstanceCount > reservation.TotalInstanceCount)
                findings.Add(new(FindingCodes.AboveBlockSize, "guide L3459",
                    $"node group {use.Describe()} has max {use.MaxInstanceCount}, above the {reservation.TotalInstanceCount} instances of block {id}", use.ClusterId, use.NodeGroupId, id));
            if (group is null)
                continue;
            if (!group.SubnetAvailabilityZones.Contains(reservation.AvailabilityZone, StringComparer.Ordinal))
                findings.Add(new(FindingCodes.AvailabilityZone, "guide L3460; capacity-blocks-launch.html",
                    $"block {id} is in {reservation.AvailabilityZone}, but node group {use.Describe()} has subnets only in {List(group.SubnetAvailabilityZones)}", use.ClusterId, use.NodeGroupId, id));
            var otherTypes = group.InstanceTypes.Where(t => !string.Equals(t, reservation.InstanceType, StringComparison.Ordinal)).ToList();
            if (otherTypes.Count > 0)
                findings.Add(new(FindingCodes.InstanceType, "guide L3439, L3464",
                    $"node group {use.Describe()} launches {List(group.InstanceTypes)}; block {id} holds {reservation.InstanceType} only", use.ClusterId, use.NodeGroupId, id));
            var unsupported = group.InstanceTypes.Where(t => !InstanceFamilies.IsSupported(t)).ToList();
            if (unsupported.Count > 0)
                findings.Add(new(FindingCodes.InstanceFamily, "guide L3413",
                    $"node group {use.Describe()} uses {List(unsupported)}: PCS supports Capacity Blocks for the families {string.Join(", ", InstanceFamilies.Supported)} only", use.ClusterId, use.NodeGroupId, id));
        }

        if (users.Count > 1)
        {
            var sum = users.Sum(u => u.MaxInstanceCount);
            if (sum > reservation.TotalInstanceCount)
                findings.Add(new(FindingCodes.AboveBlockSize, "guide L3490-3492",
                    $"block {id} holds {reservation.TotalInstanceCount} instances but {Names(users)} may launch {sum} together (their maxima): launches will fail with ReservationCapacityExceeded (L3538-3558)", null, null, id));
            foreach (var use in users.Where(u => u.MinInstanceCount != u.MaxInstanceCount))
                findings.Add(new(FindingCodes.SharedMinMax, "guide L3490-3492",
                    $"block {id} is shared by {users.Count} node groups; {use.Describe()} has min {use.MinInstanceCount} and max {use.MaxInstanceCount}: set both to its share", use.ClusterId, use.NodeGroupId, id));
        }
        return findings;
    }

    private static string Names(IEnumerable<GroupUse> uses) => string.Join(", ", uses.Select(u => u.Describe()));

    private static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }
}

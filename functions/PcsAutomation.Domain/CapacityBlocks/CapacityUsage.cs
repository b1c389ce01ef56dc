namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>How a group uses reservations: <c>capacity-block</c> (purchaseOption CAPACITY_BLOCK) or <c>interruptible</c>.</summary>
public static class UsageKinds
{
    public const string CapacityBlock = "capacity-block";
    public const string Interruptible = "interruptible";
}

/// <summary>Where a use was seen: the group's launch template version, or its running instances' tags and reservation.</summary>
public static class UsageSources
{
    public const string LaunchTemplate = "launch-template";
    public const string InstanceTags = "instance-tags";
}

/// <summary>One node group's use of one reservation (<see cref="ReservationId"/> null: the group names none).</summary>
/// <param name="Sources">Where the use was seen (<see cref="UsageSources"/>), in that order.</param>
public sealed record GroupUse(
    string ClusterId,
    string ClusterName,
    string NodeGroupId,
    string NodeGroupName,
    string Kind,
    string? ReservationId,
    IReadOnlyList<string> Sources,
    int MinInstanceCount,
    int MaxInstanceCount)
{
    public string Describe() => $"{NodeGroupName} ({NodeGroupId}) of cluster {ClusterName}";
}

/// <summary>A reservation and the groups using it; <see cref="Reservation"/> is null when EC2 did not list it.</summary>
public sealed record BlockUse(string ReservationId, CapacityReservationFacts? Reservation, IReadOnlyList<GroupUse> Groups)
{
    public IReadOnlyList<string> ClusterIds() => Groups.Select(g => g.ClusterId).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Shared: used by more than one node group, in one cluster or several (guide L3490-3492).</summary>
    public bool IsShared() => Groups.Count > 1;

    /// <summary>The sum of the users' maxima: what they may launch at once.</summary>
    public int MaxSum() => Groups.Sum(g => g.MaxInstanceCount);
}

/// <summary>
/// The discovery's answer: every reservation in use with its groups (<see cref="Blocks"/>, by reservation id), every
/// group on a reservation (<see cref="Groups"/>, including those naming none), what breaks a rule
/// (<see cref="Findings"/>) and what is only reported (<see cref="Notes"/>).
/// </summary>
public sealed record CapacityUsage(
    IReadOnlyList<BlockUse> Blocks, IReadOnlyList<GroupUse> Groups, IReadOnlyList<CapacityFinding> Findings, IReadOnlyList<CapacityFinding> Notes)
{
    public BlockUse? For(string reservationId) => Blocks.FirstOrDefault(b => b.ReservationId == reservationId);

    /// <summary>The groups using <paramref name="reservationId"/> (empty when none).</summary>
    public IReadOnlyList<GroupUse> GroupsOf(string reservationId) => For(reservationId)?.Groups ?? [];

    /// <summary>The findings and notes about <paramref name="reservationId"/>.</summary>
    public IReadOnlyList<CapacityFinding> FindingsOf(string reservationId) => Findings.Where(f => f.ReservationId == reservationId).ToList();
}

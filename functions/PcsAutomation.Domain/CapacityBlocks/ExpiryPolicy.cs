namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>What the expiry does to a group, by its tags (<see cref="ExpiryPolicies"/>).</summary>
public static class ExpiryActions
{
    /// <summary>A new launch template version naming the successor block, then UpdateComputeNodeGroup (guide L3427, L3480).</summary>
    public const string SuccessorBlock = "successor-block";

    /// <summary>The prepared successor group replaces the expiring one in each of its queues (guide L3486-3488); the expiring one is parked.</summary>
    public const string SuccessorNodeGroup = "successor-node-group";

    /// <summary>The fallback group replaces the expiring one in each of its queues; the expiring one is parked.</summary>
    public const string Failover = "failover";

    /// <summary>The group is scaled to 0 (its scaling saved) and detached from its queues, unless it is a queue's only group (guide L3484).</summary>
    public const string WindDown = "wind-down";
}

/// <summary>
/// The policy chosen for one group and why. <see cref="Problems"/> are the unusable tags (each naming the tag, the
/// group and the value), reported; a tag that cannot be followed never stops the expiry: the next policy applies, and
/// winding down is always possible (EC2 terminates the instances anyway).
/// </summary>
/// <param name="SuccessorReservationId">For successor-block: the block the group moves to.</param>
/// <param name="ReplacementNodeGroupId">For successor-node-group and failover: the group put in the expiring group's place.</param>
/// <param name="PendingSuccessorReservationId">A successor-block tag naming a block not usable yet (payment-pending): the parked group is restored onto it when it is delivered.</param>
public sealed record ExpiryPolicy(
    string Action,
    string Reason,
    string? SuccessorReservationId,
    string? ReplacementNodeGroupId,
    string? ReplacementNodeGroupName,
    string? PendingSuccessorReservationId,
    IReadOnlyList<CapacityFinding> Problems,
    IReadOnlyList<CapacityFinding> Notes);

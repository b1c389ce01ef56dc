using PcsAutomation.Domain.NodeGroups;

namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>A queue a parked group was in: where it stood, and the group put in its place by the expiry (null: none, or it was there already).</summary>
public sealed record QueueMembership(string QueueId, string QueueName, int Position, string? AttachedNodeGroupId);

/// <summary>
/// What the expiry parked, as the handler stores it (first save wins, like the lease's saved scaling: a re-run never
/// saves the 0/0 it set itself): the group, the block it was parked for and that block's end date then, the successor
/// it waits for (a <c>pcs-automation:successor-block</c> not usable yet), its exact scaling before, and the queues it
/// was in. <see cref="ParkedRestore"/> reads it to put the group back.
/// </summary>
public sealed record ParkedNodeGroup(
    string ClusterId,
    string NodeGroupId,
    string NodeGroupName,
    string Action,
    string ReservationId,
    DateTimeOffset BlockEndDate,
    string? SuccessorReservationId,
    NodeGroupScaling SavedScaling,
    IReadOnlyList<QueueMembership> Queues,
    DateTimeOffset ParkedAt);

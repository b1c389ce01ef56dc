namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>
/// Something the automation found and reports rather than throws: a <see cref="Code"/> (<see cref="FindingCodes"/>),
/// the guide lines or AWS page behind it, and a message naming the cluster, group, reservation and queue concerned.
/// <see cref="NeedsOperator"/> marks what only a person can fix (a queue left with an expired group, a lease never
/// freed): the notification says so loudly. Notes (states that are not faults) use the same record.
/// </summary>
public sealed record CapacityFinding(
    string Code,
    string Source,
    string Message,
    string? ClusterId = null,
    string? NodeGroupId = null,
    string? ReservationId = null,
    string? QueueId = null,
    bool NeedsOperator = false)
{
    public override string ToString() => $"{Code} ({Source}): {Message}";
}

/// <summary>The codes of findings and notes, each with the source that makes it a rule.</summary>
public static class FindingCodes
{
    /// <summary>A group points at a Capacity Reservation resource group instead of one block (guide L3415, L3494-3496).</summary>
    public const string ReservationGroup = "reservation-group";

    /// <summary>A CAPACITY_BLOCK group whose launch template version names no reservation (guide L3437-3439).</summary>
    public const string NoReservationTarget = "no-reservation-target";

    /// <summary>A CAPACITY_BLOCK group whose launch template version's MarketType is not capacity-block (guide L3437).</summary>
    public const string MarketType = "market-type";

    /// <summary>A group seen on more than one block (template and instances disagree, or instances in several): guide L3414, L3496.</summary>
    public const string SeveralBlocks = "several-blocks";

    /// <summary>The reservation a group names is not among the account's reservations (deleted, expired long ago, or another account's).</summary>
    public const string UnknownReservation = "unknown-reservation";

    /// <summary>The reservation a CAPACITY_BLOCK group names is not a Capacity Block (its ReservationType is not capacity-block).</summary>
    public const string NotACapacityBlock = "not-a-capacity-block";

    /// <summary>The block is not scheduled or active (guide L3416, L3457, L3468-3470).</summary>
    public const string BlockState = "block-state";

    /// <summary>The group's max is above the block's size, or the sharers' maxima add up to more (guide L3459, L3490-3492).</summary>
    public const string AboveBlockSize = "above-block-size";

    /// <summary>The block's Availability Zone is not among the group's subnets' (guide L3460; capacity-blocks-launch.html).</summary>
    public const string AvailabilityZone = "availability-zone";

    /// <summary>The group's instance type is not one of the families PCS supports on blocks (guide L3413).</summary>
    public const string InstanceFamily = "instance-family";

    /// <summary>The group's instance type is not the block's (guide L3439, L3464).</summary>
    public const string InstanceType = "instance-type";

    /// <summary>A block used by several groups where one has min different from max (guide L3490-3492).</summary>
    public const string SharedMinMax = "shared-min-max";

    /// <summary>A group on an interruptible Capacity Reservation: discovered and reported, not acted on (botocore PurchaseOption).</summary>
    public const string Interruptible = "interruptible";

    /// <summary>A policy tag's value is unusable (malformed, group not found, itself, same block...): the tag, group and value are named.</summary>
    public const string PolicyTag = "policy-tag";

    /// <summary>No successor block starts by the old block's end: a gap without capacity.</summary>
    public const string SuccessorGap = "successor-gap";

    /// <summary>Detaching a queue's only group is refused: the queue's jobs will wait forever (guide L3423-3427, L3484, L3758-3781).</summary>
    public const string QueueLeftWaiting = "queue-left-waiting";

    /// <summary>The plan starts after its latest start: the actions may not all be done 15 minutes before termination.</summary>
    public const string LateStart = "late-start";

    /// <summary>A group the plan must change is not ACTIVE now (PCS refuses a change while it updates: guide L1984-1989).</summary>
    public const string NodeGroupStatus = "node-group-status";

    /// <summary>A parked group cannot be restored (group or queue gone, block too small, template not on the block).</summary>
    public const string RestoreBlocked = "restore-blocked";

    /// <summary>Note: before a block starts, Slurm holds its nodes in a maint reservation &lt;group&gt;-scheduled (guide L3514-3529).</summary>
    public const string ScheduledMaint = "scheduled-maint";

    /// <summary>Note: launches into a shared or full block may fail with ReservationCapacityExceeded (guide L3532-3558).</summary>
    public const string CapacityExceeded = "reservation-capacity-exceeded";

    /// <summary>Note: a queue update may refuse new jobs while it runs (guide L3725).</summary>
    public const string QueueUpdateRefusesJobs = "queue-update-refuses-jobs";
}

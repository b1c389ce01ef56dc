namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>
/// The EventBridge <c>detail-type</c>s EC2 sends about Capacity Blocks. Both spellings of the delivered and warning
/// events appear in AWS's own documentation: "Capacity Block Delivered" / "Capacity Block Expiration Warning" on the
/// current EC2 page (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/capacity-blocks-monitor.html) and the
/// EventBridge events reference, "Capacity Block Reservation Delivered" / "... Reservation Expiration Warning" on
/// older copies and in the PCS guide (L3500-3502); ../shared/reference/README.md "Capacity Block event names".
/// </summary>
public static class CapacityBlockEventTypes
{
    public const string Source = "aws.ec2";

    public const string Delivered = "Capacity Block Delivered";
    public const string ReservationDelivered = "Capacity Block Reservation Delivered";
    public const string ExpirationWarning = "Capacity Block Expiration Warning";
    public const string ReservationExpirationWarning = "Capacity Block Reservation Expiration Warning";

    /// <summary>Sent before an instance of a reservation is terminated (capacity-blocks-monitor.html; also interruptible reservations, monitor-interruptible-cr.html).</summary>
    public const string InstanceInterruptionWarning = "EC2 Capacity Reservation Instance Interruption Warning";

    /// <summary>The <see cref="CapacityBlockEventKinds"/> of a detail-type; null for any other.</summary>
    public static string? KindOf(string? detailType) => detailType switch
    {
        Delivered or ReservationDelivered => CapacityBlockEventKinds.Delivered,
        ExpirationWarning or ReservationExpirationWarning => CapacityBlockEventKinds.ExpirationWarning,
        InstanceInterruptionWarning => CapacityBlockEventKinds.InterruptionWarning,
        _ => null,
    };
}

/// <summary>What an event says, whatever its spelling.</summary>
public static class CapacityBlockEventKinds
{
    public const string Delivered = "delivered";
    public const string ExpirationWarning = "expiration-warning";
    public const string InterruptionWarning = "interruption-warning";
}

/// <summary>
/// A validated Capacity Block event. The delivered and warning events name the reservation
/// (<c>detail."capacity-reservation-id"</c>, <c>detail."end-date"</c>, <c>resources[0]</c> its ARN); the interruption
/// warning names an instance (<c>detail."instance-id"</c>, <c>"instance-termination-time"</c>, and for a block
/// <c>"instance-lifecycle"</c> <c>capacity-block</c>): the handler finds its reservation with DescribeInstances.
/// </summary>
/// <param name="EndDateText">detail."end-date" as sent (its format is not documented: a placeholder in the docs); <see cref="EndDate"/> when it reads as a date.</param>
public sealed record CapacityBlockEvent(
    string? EventId,
    string DetailType,
    string Kind,
    string Account,
    string Region,
    DateTimeOffset? Time,
    IReadOnlyList<string> Resources,
    string? ReservationId,
    string? EndDateText,
    DateTimeOffset? EndDate,
    string? InstanceId,
    DateTimeOffset? InstanceTerminationTime,
    string? InstanceLifecycle);

/// <summary>The parse's answer: the event, or why it was rejected (the handler logs it; nothing changes).</summary>
public sealed record CapacityBlockEventParse(CapacityBlockEvent? Event, string? Rejection)
{
    public bool Accepted => Event is not null;
}

namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>
/// One EC2 Capacity Reservation as DescribeCapacityReservations gives it (a Capacity Block is a reservation whose
/// <c>ReservationType</c> is <c>capacity-block</c>: "you will see a new Capacity Reservation in your account with a
/// reservation type of capacity-block", https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/capacity-blocks-purchase.html).
/// Plain data the handlers map from the SDK's <c>CapacityReservation</c>; dates are null when EC2 gives none (an
/// On-Demand reservation without an end date).
/// </summary>
/// <param name="State">EC2's state string as read (<see cref="CapacityReservationStates"/>); unknown values are kept, never guessed.</param>
/// <param name="ReservationType">EC2's <c>ReservationType</c> (<see cref="ReservationTypes"/>).</param>
/// <param name="UltraserverType">
/// The <c>UltraserverType</c> of the Capacity Block the reservation belongs to (DescribeCapacityBlocks' <c>CapacityBlock</c>,
/// joined on the reservation's <c>CapacityBlockId</c>: AWSSDK.EC2 4.0.132.2 model; API_CapacityBlock.html); null or empty
/// for a block of instances. The reservation itself has no such field: its <c>CapacityBlockId</c> is the only link.
/// </param>
public sealed record CapacityReservationFacts(
    string ReservationId,
    string? ReservationArn,
    string InstanceType,
    string AvailabilityZone,
    int TotalInstanceCount,
    DateTimeOffset? StartDate,
    DateTimeOffset? EndDate,
    string State,
    string ReservationType,
    IReadOnlyDictionary<string, string> Tags,
    string? UltraserverType = null)
{
    // Methods, not properties: the record is serialized by the handlers and must carry its data only.
    public bool IsCapacityBlock() => string.Equals(ReservationType, ReservationTypes.CapacityBlock, StringComparison.Ordinal);

    public bool IsUltraServer() => !string.IsNullOrEmpty(UltraserverType);

    /// <summary>PCS uses a block only while it is <c>scheduled</c> or <c>active</c> (guide L3416, L3457, L3468-3470).</summary>
    public bool IsUsable() => CapacityReservationStates.IsUsable(State);

    /// <summary>"cr-0123… (p5.48xlarge x 16, us-east-2a, ends 2026-03-02 11:30Z)" for messages.</summary>
    public string Describe() =>
        $"{ReservationId} ({InstanceType} x {TotalInstanceCount}, {AvailabilityZone}, {State}, ends {(EndDate is { } end ? Times.Format(end) : "never")})";
}

/// <summary>
/// EC2 Capacity Reservation states (the <c>CapacityReservationState</c> enum of the AWSSDK.EC2 4.0.132.2 model:
/// active, expired, cancelled, pending, failed, scheduled, payment-pending, payment-failed, assessing, delayed,
/// unsupported, unavailable, cancelling).
/// </summary>
public static class CapacityReservationStates
{
    public const string Scheduled = "scheduled";
    public const string Active = "active";
    public const string Expired = "expired";
    public const string Cancelled = "cancelled";
    public const string PaymentPending = "payment-pending";
    public const string PaymentFailed = "payment-failed";

    /// <summary>Exact, case-sensitive: an unknown value is never usable (guide L3416: only scheduled or active).</summary>
    public static bool IsUsable(string? state) => state is Scheduled or Active;

    /// <summary>States after which the reservation holds no capacity any more (the model's descriptions of expired, cancelled, failed, payment-failed, unsupported).</summary>
    public static bool IsOver(string? state) => state is Expired or Cancelled or "failed" or PaymentFailed or "unsupported";
}

/// <summary>EC2 <c>ReservationType</c> values (the <c>CapacityReservationType</c> enum of the AWSSDK.EC2 4.0.132.2 model).</summary>
public static class ReservationTypes
{
    public const string CapacityBlock = "capacity-block";
    public const string Default = "default";
}

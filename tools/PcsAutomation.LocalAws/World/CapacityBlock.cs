namespace PcsAutomation.LocalAws.World;

/// <summary>An EC2 Capacity Block for ML (a capacity reservation with a start and an end date).</summary>
public sealed class CapacityBlock
{
    public required string CapacityReservationId { get; init; }
    public required string InstanceType { get; init; }
    public required string AvailabilityZone { get; init; }
    public required int InstanceCount { get; init; }
    public required DateTimeOffset StartDate { get; init; }
    public required DateTimeOffset EndDate { get; set; }

    /// <summary>"payment-pending", "payment-failed" etc. override the date-derived state (guide L3416, L3468-3470).</summary>
    public string? ForcedState { get; set; }

    /// <summary>EC2's reservation state at <paramref name="now"/>: scheduled before the start, active until the end, expired after.</summary>
    public string StateAt(DateTimeOffset now) =>
        ForcedState ?? (now < StartDate ? "scheduled" : now < EndDate ? "active" : "expired");

    /// <summary>
    /// UltraServer types lose their instances 60 minutes before the end, others 30 (EC2 Capacity Blocks docs,
    /// see shared/reference/README.md). UltraServer capacity is sold as <c>u-</c> types or the GB200/GB300 families.
    /// </summary>
    public bool IsUltraServer =>
        InstanceType.StartsWith("u-", StringComparison.Ordinal) ||
        InstanceType.StartsWith("p6e-gb", StringComparison.Ordinal);

    public TimeSpan TerminationLead => TimeSpan.FromMinutes(IsUltraServer ? 60 : 30);

    /// <summary>When EC2 starts terminating the block's instances.</summary>
    public DateTimeOffset TerminationStart => EndDate - TerminationLead;

    /// <summary>Instances may run only while the block is active and before the termination lead.</summary>
    public bool AllowsInstancesAt(DateTimeOffset now) =>
        ForcedState is null or "active" && now >= StartDate && now < TerminationStart;
}

namespace PcsAutomation.LocalAws.World;

/// <summary>
/// An EC2 Capacity Block for ML: a capacity reservation (<c>cr-</c>) with a start and an end date, inside a Capacity
/// Block (<c>cb-</c>), as <c>DescribeCapacityReservations</c> and <c>DescribeCapacityBlocks</c> show them
/// (botocore <c>data/ec2/2016-11-15/service-2.json</c>, shapes CapacityReservation and CapacityBlock).
/// </summary>
public sealed class CapacityBlock
{
    /// <summary>
    /// The tag EC2 puts on a Capacity Block reservation: how many instances it will hold ("Before a Capacity Block
    /// reservation begins, the available capacity appears as zero. You can see how many instances will be available in
    /// your Capacity Block by the tag value for the tag key aws:ec2capacityreservation:incrementalRequestedQuantity",
    /// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/capacity-blocks-view.html).
    /// </summary>
    public const string RequestedQuantityTag = "aws:ec2capacityreservation:incrementalRequestedQuantity";

    public required string CapacityReservationId { get; init; }
    public required string InstanceType { get; init; }
    public required string AvailabilityZone { get; init; }
    public required int InstanceCount { get; init; }
    public required DateTimeOffset StartDate { get; init; }
    public required DateTimeOffset EndDate { get; set; }

    /// <summary>When it was bought (the reservation's and the block's <c>CreateDate</c>).</summary>
    public required DateTimeOffset CreateDate { get; init; }

    /// <summary>
    /// The Capacity Block holding this reservation. EC2 documents no id format; here <c>cb-</c> and the reservation id's
    /// hex digits (README, "Inferred"), so no random draw shifts the ids of a seeded scenario.
    /// </summary>
    public string CapacityBlockId => "cb-" + CapacityReservationId[(CapacityReservationId.IndexOf('-', StringComparison.Ordinal) + 1)..];

    /// <summary>The account's tags (scenario), with EC2's own <see cref="RequestedQuantityTag"/>.</summary>
    public Dictionary<string, string> Tags { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Extensions bought, oldest first (<c>DescribeCapacityBlockExtensionHistory</c>).</summary>
    public List<CapacityBlockExtension> Extensions { get; } = [];

    /// <summary>"payment-pending", "payment-failed" etc. override the date-derived state (guide L3416, L3468-3470).</summary>
    public string? ForcedState { get; set; }

    /// <summary>EC2's reservation state at <paramref name="now"/>: scheduled before the start, active until the end, expired after.</summary>
    public string StateAt(DateTimeOffset now) =>
        ForcedState ?? (now < StartDate ? "scheduled" : now < EndDate ? "active" : "expired");

    /// <summary>The extension whose payment is still being processed, if any (at most one: capacity-blocks-extend.html).</summary>
    public CapacityBlockExtension? PendingExtension => Extensions.FirstOrDefault(e => e.Status == CapacityBlockExtension.PaymentPending);

    /// <summary>
    /// UltraServer types lose their instances 60 minutes before the end, others 30 (EC2 Capacity Blocks docs,
    /// see shared/reference/README.md). UltraServer capacity is sold as <c>u-</c> types or the GB200/GB300 families.
    /// </summary>
    public bool IsUltraServer =>
        InstanceType.StartsWith("u-", StringComparison.Ordinal) ||
        InstanceType.StartsWith("p6e-gb", StringComparison.Ordinal);

    /// <summary>
    /// DescribeCapacityBlocks' <c>UltraserverType</c> ("The EC2 UltraServer type of the Capacity Block",
    /// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CapacityBlock.html), null for a block of instances.
    /// The value's spelling is inferred (README, Inferred): <c>u-</c>, the family, <c>x72</c> for the GB200/GB300
    /// UltraServers (72 GPUs; SageMaker documents <c>ml.u-p6e-gb200x72</c>).
    /// </summary>
    public string? UltraserverType => !IsUltraServer ? null
        : InstanceType.StartsWith("u-", StringComparison.Ordinal) ? InstanceType
        : $"u-{InstanceType.Split('.')[0]}x72";

    public TimeSpan TerminationLead => TimeSpan.FromMinutes(IsUltraServer ? 60 : 30);

    /// <summary>When EC2 starts terminating the block's instances.</summary>
    public DateTimeOffset TerminationStart => EndDate - TerminationLead;

    /// <summary>Instances may run only while the block is active and before the termination lead.</summary>
    public bool AllowsInstancesAt(DateTimeOffset now) =>
        ForcedState is null or "active" && now >= StartDate && now < TerminationStart;
}

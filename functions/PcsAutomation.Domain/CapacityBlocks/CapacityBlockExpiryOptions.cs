namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>
/// The expiry workflow's settings (stack parameters), validated once: a bad value throws
/// <see cref="ArgumentOutOfRangeException"/> whose ParamName is the property.
/// </summary>
public sealed record CapacityBlockExpiryOptions
{
    public static readonly TimeSpan DefaultHorizon = TimeSpan.FromHours(24);

    /// <summary>The horizon is at least the lead plus this: the lead may be raised by the clamp (up to 60 + 15 minutes plus the plan's bound) and the schedule runs every 15 minutes.</summary>
    public static readonly TimeSpan HorizonSlack = TimeSpan.FromHours(2);

    /// <summary>A longer horizon gains nothing (the schedule runs every 15 minutes) and leaves executions waiting for days.</summary>
    public static readonly TimeSpan MaxHorizon = TimeSpan.FromDays(7);

    public static readonly TimeSpan DefaultRotationMargin = TimeSpan.FromMinutes(30);

    public static readonly TimeSpan DefaultLeaseRetryInterval = TimeSpan.FromMinutes(2);

    /// <param name="lead">How long before the block's end the workflow acts (default 90 minutes, <see cref="ExpiryTiming.MinLead"/>..<see cref="ExpiryTiming.MaxLead"/>).</param>
    /// <param name="horizon">The reconciler starts the workflow for blocks ending within this (default 24 hours; at least lead + 2 hours, at most 7 days).</param>
    /// <param name="rotationMargin">A rotation does not start when an expiry action starts within its expected duration plus this (default 30 minutes, 0..24 hours).</param>
    /// <param name="leaseRetryInterval">How long an expiry waits before asking again for a lease held by another workflow (default 2 minutes, 1 minute..1 hour).</param>
    public CapacityBlockExpiryOptions(TimeSpan? lead = null, TimeSpan? horizon = null, TimeSpan? rotationMargin = null, TimeSpan? leaseRetryInterval = null)
    {
        Lead = lead ?? ExpiryTiming.DefaultLead;
        if (Lead < ExpiryTiming.MinLead || Lead > ExpiryTiming.MaxLead)
            throw Bad(nameof(Lead), Lead, $"between {Times.Format(ExpiryTiming.MinLead)} and {Times.Format(ExpiryTiming.MaxLead)}");
        Horizon = horizon ?? DefaultHorizon;
        if (Horizon < Lead + HorizonSlack || Horizon > MaxHorizon)
            throw Bad(nameof(Horizon), Horizon, $"between the lead plus {Times.Format(HorizonSlack)} ({Times.Format(Lead + HorizonSlack)}) and {DurationText(MaxHorizon)}, so the workflow exists before its action starts");
        RotationMargin = rotationMargin ?? DefaultRotationMargin;
        if (RotationMargin < TimeSpan.Zero || RotationMargin > TimeSpan.FromHours(24))
            throw Bad(nameof(RotationMargin), RotationMargin, "between 0 and 24h");
        LeaseRetryInterval = leaseRetryInterval ?? DefaultLeaseRetryInterval;
        if (LeaseRetryInterval < TimeSpan.FromMinutes(1) || LeaseRetryInterval > TimeSpan.FromHours(1))
            throw Bad(nameof(LeaseRetryInterval), LeaseRetryInterval, "between 1m and 1h00m");
    }

    public TimeSpan Lead { get; }

    public TimeSpan Horizon { get; }

    public TimeSpan RotationMargin { get; }

    public TimeSpan LeaseRetryInterval { get; }

    private static ArgumentOutOfRangeException Bad(string name, TimeSpan value, string range) =>
        new(name, value, $"{name}: {Times.Format(value)} is not allowed; it must be {range}");

    private static string DurationText(TimeSpan span) => $"{(int)span.TotalDays}d";
}

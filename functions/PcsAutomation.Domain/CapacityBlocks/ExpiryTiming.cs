namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>
/// When things happen around a block's end. EC2 sends the expiration warning 40 minutes before the end and begins to
/// terminate the block's instances 10 minutes later, 30 minutes before the end
/// (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/capacity-blocks-monitor.html;
/// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/capacity-blocks-using.html: "Thirty minutes before the reservation
/// expires, we begin to terminate any instances"); for UltraServer blocks 60 minutes before (README, assumptions).
/// Every action must be complete 15 minutes before termination (<see cref="Deadline"/>).
/// </summary>
/// <param name="RequestedLead">The lead asked for (stack parameter, default 90 minutes).</param>
/// <param name="Lead">The lead used: the requested one, raised when needed so the actions end by the deadline.</param>
/// <param name="ExpectedDuration">The plan's bound (<see cref="ExpiryDurations"/>).</param>
/// <param name="ActionStartsAt">EndDate − Lead: when the workflow acts.</param>
/// <param name="LatestStart">Deadline − ExpectedDuration: the last moment from which the actions still end by the deadline.</param>
public sealed record ExpiryTiming(
    DateTimeOffset EndDate,
    bool UltraServer,
    DateTimeOffset ExpirationWarningAt,
    DateTimeOffset TerminationAt,
    DateTimeOffset Deadline,
    TimeSpan RequestedLead,
    TimeSpan Lead,
    TimeSpan ExpectedDuration,
    DateTimeOffset ActionStartsAt,
    DateTimeOffset LatestStart)
{
    public static readonly TimeSpan DefaultLead = TimeSpan.FromMinutes(90);

    /// <summary>The shortest lead accepted: a minute (zero or negative leads act after the end).</summary>
    public static readonly TimeSpan MinLead = TimeSpan.FromMinutes(1);

    /// <summary>The longest lead accepted: 12 hours, half the shortest block (1 day: capacity-blocks-purchase.html); more would give a block away.</summary>
    public static readonly TimeSpan MaxLead = TimeSpan.FromHours(12);

    /// <summary>EC2 sends the expiration warning 40 minutes before the end (capacity-blocks-monitor.html; guide L3500-3502).</summary>
    public static readonly TimeSpan WarningBeforeEnd = TimeSpan.FromMinutes(40);

    /// <summary>EC2 begins terminating a block's instances 30 minutes before the end (capacity-blocks-using.html, capacity-blocks-monitor.html).</summary>
    public static readonly TimeSpan TerminationBeforeEnd = TimeSpan.FromMinutes(30);

    /// <summary>For UltraServer blocks, 60 minutes (README, assumptions: no AWS page found says so; the earlier time is the safe one).</summary>
    public static readonly TimeSpan UltraServerTerminationBeforeEnd = TimeSpan.FromMinutes(60);

    /// <summary>Every action is complete this long before termination (issue 11's rule: room for a retry before EC2 acts).</summary>
    public static readonly TimeSpan SafetyMargin = TimeSpan.FromMinutes(15);

    /// <summary>True when the requested lead was raised to fit the expected duration.</summary>
    public bool LeadRaised() => Lead > RequestedLead;

    /// <summary>
    /// The timing of a block ending at <paramref name="endDate"/>. The action starts at end − lead, never later than
    /// the deadline minus <paramref name="expectedDuration"/>: a short lead is raised, never an error. A lead outside
    /// [<see cref="MinLead"/>, <see cref="MaxLead"/>] throws, naming the value.
    /// </summary>
    public static ExpiryTiming For(DateTimeOffset endDate, bool ultraServer, TimeSpan lead, TimeSpan expectedDuration)
    {
        if (lead < MinLead || lead > MaxLead)
            throw new ArgumentOutOfRangeException(nameof(lead), lead,
                $"lead: {Times.Format(lead)} is outside {Times.Format(MinLead)}..{Times.Format(MaxLead)}: the workflow acts this long before the block's end (default {Times.Format(DefaultLead)})");
        if (expectedDuration < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(expectedDuration), expectedDuration, "expectedDuration: a duration cannot be negative");

        var termination = endDate - (ultraServer ? UltraServerTerminationBeforeEnd : TerminationBeforeEnd);
        var deadline = termination - SafetyMargin;
        var latestStart = deadline - expectedDuration;
        var used = endDate - lead > latestStart ? endDate - latestStart : lead;
        return new ExpiryTiming(
            endDate, ultraServer, endDate - WarningBeforeEnd, termination, deadline, lead, used, expectedDuration, endDate - used, latestStart);
    }

    /// <summary>The timing of <paramref name="block"/>, whose end date must be known.</summary>
    public static ExpiryTiming For(CapacityReservationFacts block, TimeSpan lead, TimeSpan expectedDuration)
    {
        ArgumentNullException.ThrowIfNull(block);
        var end = block.EndDate ?? throw new ArgumentException($"reservation {block.ReservationId} has no end date: it does not expire", nameof(block));
        return For(end, block.IsUltraServer(), lead, expectedDuration);
    }
}

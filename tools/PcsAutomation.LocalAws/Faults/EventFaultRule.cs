namespace PcsAutomation.LocalAws.Faults;

/// <summary>
/// Faults in the delivery of the events AWS services send to EventBridge (EC2's Capacity Block events, CloudTrail's API
/// calls and service events), for events of one <see cref="Source"/> (<c>aws.ec2</c>) and optionally one
/// <see cref="DetailType"/>. EC2 sends its Capacity Block events on a best-effort basis and EventBridge delivers at least
/// once, so a handler may see an event late, never, or twice (design.md §1; shared/reference/README.md). What EC2 sent
/// stays in <c>State.CapacityBlockEvents.Events</c>; the rules see what is left. Rates are drawn from the injector's
/// seeded random source, so a run is reproducible.
/// </summary>
public sealed record EventFaultRule(string Source, string? DetailType = null)
{
    /// <summary>Every matching event is lost.</summary>
    public bool Lose { get; init; }

    /// <summary>Only the Nth matching event (1-based) is lost.</summary>
    public int? LoseNth { get; init; }

    /// <summary>Share of matching events lost (0..1).</summary>
    public double LossRate { get; init; }

    /// <summary>Each matching event reaches the bus this long after it was sent (its <c>time</c> stays the sending time).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Extra copies of each matching event (same <c>id</c>), as an at-least-once delivery may bring.</summary>
    public int Duplicates { get; init; }

    /// <summary>How long after the previous copy each duplicate arrives; default at once.</summary>
    public TimeSpan DuplicateGap { get; init; }

    public bool Matches(string source, string detailType) =>
        Source == source && (DetailType is null || DetailType == detailType);

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Source)) throw new ArgumentException("An event fault needs the events' source, e.g. aws.ec2.", nameof(Source));
        if (LossRate is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(LossRate), LossRate, "LossRate is a share between 0 and 1.");
        if (LoseNth is < 1) throw new ArgumentOutOfRangeException(nameof(LoseNth), LoseNth, "LoseNth counts matching events from 1.");
        if (Delay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(Delay), Delay, "Delay is not negative.");
        if (Duplicates < 0) throw new ArgumentOutOfRangeException(nameof(Duplicates), Duplicates, "Duplicates is not negative.");
        if (DuplicateGap < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(DuplicateGap), DuplicateGap, "DuplicateGap is not negative.");
    }
}

/// <summary>What happens to one event on its way to the bus: lost, or delivered <see cref="Copies"/> times from <see cref="Delay"/>.</summary>
public sealed record EventFate(bool Lost, TimeSpan Delay, int Copies, TimeSpan CopyGap)
{
    public static readonly EventFate Delivered = new(false, TimeSpan.Zero, 1, TimeSpan.Zero);
}

/// <summary>An event a fault rule touched: when it was sent, which one, and what became of it.</summary>
public sealed record EventFaultRecord(DateTimeOffset At, string Source, string DetailType, string EventId, EventFate Fate);

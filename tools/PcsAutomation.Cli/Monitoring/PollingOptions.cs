namespace PcsAutomation.Cli.Monitoring;

/// <summary>How the live view polls GetExecutionHistory; checked once by <see cref="Validate"/>.</summary>
public sealed record PollingOptions
{
    /// <summary>Wait after a poll that brought new events. Default 2 s.</summary>
    public TimeSpan MinInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The wait doubles after each quiet poll up to this. Default 20 s (a drain poll loop waits minutes).</summary>
    public TimeSpan MaxInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>History events per page, 1 to 1000. Default 100.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Consecutive polls refused by throttling or a 5xx (after the client's own retries) before giving up. Default 10.</summary>
    public int MaxFailedPolls { get; init; } = 10;

    public void Validate()
    {
        if (MinInterval <= TimeSpan.Zero) throw new ArgumentException($"{nameof(MinInterval)} must be positive.", nameof(MinInterval));
        if (MaxInterval < MinInterval) throw new ArgumentException($"{nameof(MaxInterval)} must be at least {nameof(MinInterval)}.", nameof(MaxInterval));
        if (PageSize is < 1 or > 1000) throw new ArgumentException($"{nameof(PageSize)} must be 1..1000.", nameof(PageSize));
        if (MaxFailedPolls < 1) throw new ArgumentException($"{nameof(MaxFailedPolls)} must be at least 1.", nameof(MaxFailedPolls));
    }

    /// <summary>The wait before the next poll: back to the minimum when something happened, else doubled up to the maximum.</summary>
    public TimeSpan NextInterval(TimeSpan current, bool sawNewEvents) =>
        sawNewEvents ? MinInterval : TimeSpan.FromTicks(Math.Min(Math.Max(current.Ticks, MinInterval.Ticks) * 2, MaxInterval.Ticks));
}

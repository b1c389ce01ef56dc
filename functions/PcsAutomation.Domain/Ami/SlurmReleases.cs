namespace PcsAutomation.Domain.Ami;

/// <summary>One Slurm major version PCS has released, and the day PCS ends its support (guide L6441-6454; US dates there).</summary>
public sealed record SlurmRelease(SlurmVersion Version, DateOnly PcsEndOfLife)
{
    /// <summary>
    /// End of life from the start (00:00 UTC) of the EOL day: the guide gives a day, not an instant, and refusing on that
    /// day is the safer reading (README, "Assumptions").
    /// </summary>
    public bool IsEndOfLifeAt(DateTimeOffset now) =>
        now >= new DateTimeOffset(PcsEndOfLife.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}

/// <summary>
/// The Slurm major versions PCS knows, in release order, as data (update this list when PCS ships or retires a major
/// version). "Versions behind" counts releases in this list, so a version missing here is refused rather than guessed.
/// </summary>
public static class SlurmReleases
{
    public static readonly IReadOnlyList<SlurmRelease> All =
    [
        new(new SlurmVersion(23, 11), new DateOnly(2025, 5, 31)), // guide L6454, not supported any more
        new(new SlurmVersion(24, 5), new DateOnly(2025, 11, 30)), // guide L6453, not supported any more
        new(new SlurmVersion(24, 11), new DateOnly(2026, 5, 31)), // guide L6446
        new(new SlurmVersion(25, 5), new DateOnly(2026, 11, 30)), // guide L6443-6445
        new(new SlurmVersion(25, 11), new DateOnly(2027, 5, 31)), // guide L6442
    ];

    /// <summary>guide L6559: the Slurm version in AMIs and running instances may be at most 2 versions behind the cluster's.</summary>
    public const int MaxVersionsBehind = 2;

    public static SlurmRelease? Find(SlurmVersion version) => All.FirstOrDefault(r => r.Version == version);

    /// <summary>How many releases <paramref name="older"/> is behind <paramref name="newer"/>; null when either is unknown.</summary>
    public static int? VersionsBehind(SlurmVersion older, SlurmVersion newer)
    {
        var from = IndexOf(older);
        var to = IndexOf(newer);
        return from < 0 || to < 0 ? null : to - from;
    }

    private static int IndexOf(SlurmVersion version)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Version == version)
                return i;
        }
        return -1;
    }
}

using System.Globalization;

namespace PcsAutomation.Domain.JobProtection;

/// <summary>
/// The bound on how long <c>reserve</c> and <c>drain</c> wait for running jobs (tag <c>pcs-automation:job-policy-timeout</c>):
/// a whole number and a unit, <c>m</c> (minutes), <c>h</c> (hours) or <c>d</c> (days), any case, e.g. <c>45m</c>, <c>2h</c>;
/// from <see cref="Min"/> to <see cref="Max"/>.
/// </summary>
public static class JobWaitTimeout
{
    /// <summary>
    /// One hour. A rotation waits under the cluster's lease, and its own worst case is about 3 hours of the default 4-hour
    /// lease (LeaseSeconds 14400, docs/runbooks/cluster-secret-rotation.md): 1 hour is the longest wait that keeps the run
    /// inside it, and leaves 3 hours of the default 4-hour window (sun:02:00-sun:06:00). Under <c>reserve</c> the jobs
    /// still running at the opening started before the announcement (a day ahead by default) and outlive it: an hour more
    /// lets the ones about to end finish, and waiting longer rarely saves a job that has already run for a day.
    /// </summary>
    public static readonly TimeSpan Default = TimeSpan.FromHours(1);

    /// <summary>Five minutes: the first checks of a wait are 15, 30, 60 and 120 s apart (PollingBackoff), so less is no wait.</summary>
    public static readonly TimeSpan Min = TimeSpan.FromMinutes(5);

    /// <summary>A day: the longest lease (LeaseSeconds at most 86400); a longer wait would outlive the lease that guards it.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromHours(24);

    /// <summary>
    /// Reads <paramref name="text"/>. Malformed: null and the problem. Well formed but outside [<see cref="Min"/>,
    /// <see cref="Max"/>]: the nearest bound and the problem (48h is closer to "wait long" than the default is).
    /// </summary>
    public static (TimeSpan? Value, string? Problem) Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 2)
            return (null, "is not a whole number of minutes, hours or days such as 45m, 2h or 1d");
        var unit = char.ToLowerInvariant(text[^1]);
        var number = text[..^1];
        var unitLength = unit switch
        {
            'm' => TimeSpan.FromMinutes(1),
            'h' => TimeSpan.FromHours(1),
            'd' => TimeSpan.FromDays(1),
            _ => TimeSpan.Zero,
        };
        if (unitLength == TimeSpan.Zero)
            return (null, "has no unit m (minutes), h (hours) or d (days) at its end, e.g. 45m or 2h");
        if (!number.All(char.IsAsciiDigit))
            return (null, "is not a whole number of minutes, hours or days (no sign, decimals or spaces), e.g. 45m or 2h");

        // Anything beyond a day is only compared with the bound: no overflow from a long (or longer) count.
        var huge = !long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > Max.Ticks / unitLength.Ticks;
        var value = huge ? Max + unitLength : TimeSpan.FromTicks(count * unitLength.Ticks);
        if (value < Min)
            return (Min, $"is below the shortest wait, {Format(Min)}: {Format(Min)} applies");
        if (value > Max)
            return (Max, $"is above the longest wait, {Format(Max)}: {Format(Max)} applies");
        return (value, null);
    }

    /// <summary>The shortest text <see cref="Read"/> reads back: <c>1d</c>, <c>2h</c>, <c>90m</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        var minutes = (long)duration.TotalMinutes;
        if (minutes != 0 && minutes % (24 * 60) == 0)
            return string.Create(CultureInfo.InvariantCulture, $"{minutes / (24 * 60)}d");
        return minutes != 0 && minutes % 60 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}h")
            : string.Create(CultureInfo.InvariantCulture, $"{minutes}m");
    }
}

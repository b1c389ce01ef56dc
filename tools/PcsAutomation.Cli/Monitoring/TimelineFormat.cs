using System.Globalization;

namespace PcsAutomation.Cli.Monitoring;

/// <summary>How a timeline line reads: "2026-01-05 08:00:03Z  +00:03  exited   PlanRotation (3s)".</summary>
public static class TimelineFormat
{
    public static string Line(TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var what = entry.Kind switch
        {
            TimelineKind.ExecutionStarted => "started  execution",
            TimelineKind.Entered => $"entered  {entry.State}",
            TimelineKind.Exited => entry.InState is { } d ? $"exited   {entry.State} ({Duration(d)})" : $"exited   {entry.State}",
            TimelineKind.Failed => $"failed   {entry.State}: {entry.Detail}",
            TimelineKind.ExecutionSucceeded => "succeeded execution",
            TimelineKind.ExecutionFailed => $"FAILED   execution: {entry.Detail}",
            TimelineKind.Notified => $"notified {entry.State}: {entry.Detail}",
            _ => entry.Kind.ToString(),
        };
        return $"{Timestamp(entry.At)}  +{Elapsed(entry.Elapsed)}  {what}";
    }

    public static string Timestamp(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>"05:07" under an hour, "1:05:07" above.</summary>
    public static string Elapsed(TimeSpan elapsed) =>
        elapsed.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalHours}:{elapsed.Minutes:00}:{elapsed.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{elapsed.Minutes:00}:{elapsed.Seconds:00}");

    /// <summary>"3s", "4m 10s", "1h 02m".</summary>
    public static string Duration(TimeSpan d) =>
        d.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalHours}h {d.Minutes:00}m")
        : d.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalMinutes}m {d.Seconds:00}s")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalSeconds}s");
}

using System.Globalization;

namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>How this workflow writes instants and durations in messages: UTC, to the minute.</summary>
internal static class Times
{
    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    public static string Format(TimeSpan span)
    {
        var minutes = (long)Math.Round(Math.Abs(span.TotalMinutes));
        var text = minutes >= 60
            ? string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}h{minutes % 60:00}m")
            : string.Create(CultureInfo.InvariantCulture, $"{minutes}m");
        return span < TimeSpan.Zero ? "-" + text : text;
    }
}

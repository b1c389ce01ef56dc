using System.Globalization;

namespace PcsAutomation.Domain.Configuration;

/// <summary>
/// A weekly window in UTC, written like RDS's PreferredMaintenanceWindow: <c>ddd:hh:mm-ddd:hh:mm</c>
/// (for example <c>sun:02:00-sun:06:00</c>). The end may be earlier in the week than the start: the window then
/// wraps the week (<c>sat:22:00-sun:02:00</c>, <c>sun:23:00-mon:01:00</c>). The window is half-open: open at its
/// start minute, closed at its end minute.
/// </summary>
public sealed record MaintenanceWindow(DayOfWeek StartDay, TimeOnly StartTime, DayOfWeek EndDay, TimeOnly EndTime)
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    // Index = (int)DayOfWeek, so Sunday first, as .NET numbers the days.
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>Time from the start to the end, in (0, 7 days); zero only for a hand-built start == end.</summary>
    public TimeSpan Length => Positive(OffsetInWeek(EndDay, EndTime) - OffsetInWeek(StartDay, StartTime));

    /// <summary>Parses <paramref name="text"/>; errors throw <see cref="TagConfigurationException"/> naming <paramref name="tagKey"/>.</summary>
    public static MaintenanceWindow Parse(string text, string tagKey)
    {
        ArgumentNullException.ThrowIfNull(tagKey);
        if (string.IsNullOrEmpty(text))
        {
            throw Invalid(tagKey, "the value is empty; expected ddd:hh:mm-ddd:hh:mm in UTC, e.g. sun:02:00-sun:06:00");
        }

        var halves = text.Split('-');
        if (halves.Length != 2)
        {
            throw Invalid(tagKey, $"'{text}' is not ddd:hh:mm-ddd:hh:mm (UTC, e.g. sun:02:00-sun:06:00)");
        }

        var (startDay, startTime) = ParseEdge(halves[0], "start", text, tagKey);
        var (endDay, endTime) = ParseEdge(halves[1], "end", text, tagKey);
        var window = new MaintenanceWindow(startDay, startTime, endDay, endTime);

        // With days of the week only, the length is always below 7 days. Start == end could mean an empty window or
        // the whole week; neither is a maintenance window, so it is refused rather than guessed.
        if (window.Length == TimeSpan.Zero)
        {
            throw Invalid(tagKey, $"'{text}' has zero length (start equals end); a window lasts more than 0 and less than 7 days");
        }

        return window;
    }

    public bool IsOpen(DateTimeOffset at) => OpenedAt(at) is not null;

    /// <summary>Start of the window occurrence that contains <paramref name="at"/> (in UTC), or null when the window is closed.</summary>
    public DateTimeOffset? OpenedAt(DateTimeOffset at)
    {
        var sinceStart = SinceLastStart(at);
        return sinceStart < Length ? at.ToUniversalTime() - sinceStart : null;
    }

    /// <summary>End of the occurrence that opened at <paramref name="openedAt"/>.</summary>
    public DateTimeOffset ClosesAt(DateTimeOffset openedAt) => openedAt.ToUniversalTime() + Length;

    /// <summary>The next instant at or after <paramref name="at"/> when the window opens (for messages and plans).</summary>
    public DateTimeOffset NextOpening(DateTimeOffset at)
    {
        var sinceStart = SinceLastStart(at);
        var utc = at.ToUniversalTime();
        return sinceStart == TimeSpan.Zero ? utc : utc - sinceStart + Week;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{DayNames[(int)StartDay]}:{StartTime:HH\\:mm}-{DayNames[(int)EndDay]}:{EndTime:HH\\:mm}");

    private TimeSpan SinceLastStart(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        var inWeek = OffsetInWeek(utc.DayOfWeek, TimeOnly.FromDateTime(utc));
        return Positive(inWeek - OffsetInWeek(StartDay, StartTime));
    }

    private static TimeSpan OffsetInWeek(DayOfWeek day, TimeOnly time) => TimeSpan.FromDays((int)day) + time.ToTimeSpan();

    private static TimeSpan Positive(TimeSpan offset)
    {
        var ticks = offset.Ticks % Week.Ticks;
        return TimeSpan.FromTicks(ticks < 0 ? ticks + Week.Ticks : ticks);
    }

    private static (DayOfWeek Day, TimeOnly Time) ParseEdge(string edge, string which, string text, string tagKey)
    {
        // ddd:hh:mm, exactly: three-letter day, two-digit hour and minute.
        var parts = edge.Split(':');
        if (parts.Length != 3)
        {
            throw Invalid(tagKey, $"'{text}': the {which} '{edge}' is not ddd:hh:mm");
        }

        var dayIndex = Array.FindIndex(DayNames, d => string.Equals(d, parts[0], StringComparison.OrdinalIgnoreCase));
        if (dayIndex < 0)
        {
            throw Invalid(tagKey, $"'{text}': the {which} day '{parts[0]}' is not one of mon, tue, wed, thu, fri, sat, sun");
        }

        if (!TwoDigits(parts[1], 23, out var hour) || !TwoDigits(parts[2], 59, out var minute))
        {
            throw Invalid(tagKey, $"'{text}': the {which} time '{parts[1]}:{parts[2]}' is not a UTC time hh:mm between 00:00 and 23:59");
        }

        return ((DayOfWeek)dayIndex, new TimeOnly(hour, minute));
    }

    private static bool TwoDigits(string text, int max, out int value)
    {
        value = 0;
        if (text.Length != 2 || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[1]))
        {
            return false;
        }

        value = ((text[0] - '0') * 10) + (text[1] - '0');
        return value <= max;
    }

    private static TagConfigurationException Invalid(string tagKey, string problem) => new(tagKey, $"{tagKey}: {problem}");
}

namespace PcsAutomation.LocalAws.EventBridge;

/// <summary>
/// EventBridge's six-field cron: minutes, hours, day-of-month (with <c>L</c>, <c>W</c>, <c>LW</c>), month,
/// day-of-week (1-7 = SUN-SAT, with <c>L</c>, <c>nL</c>, <c>n#k</c>) and year (1970-2199); one of the two day
/// fields must be <c>?</c>. Always UTC, so there is no daylight-saving gap or overlap.
/// </summary>
public sealed class CronExpression
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private readonly SortedSet<int> minutes;
    private readonly SortedSet<int> hours;
    private readonly SortedSet<int> months;
    private readonly SortedSet<int> years;
    private readonly DayRule days;

    private CronExpression(SortedSet<int> minutes, SortedSet<int> hours, DayRule days, SortedSet<int> months, SortedSet<int> years)
    {
        (this.minutes, this.hours, this.days, this.months, this.years) = (minutes, hours, days, months, years);
    }

    /// <summary>Parses the six fields inside <c>cron(...)</c>.</summary>
    public static CronExpression Parse(string fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var parts = fields.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 6)
            throw ScheduleExpression.Invalid();
        var (dayOfMonth, dayOfWeek) = (parts[2], parts[4]);
        // "You can't specify both day fields": exactly one of them is '?'.
        if ((dayOfMonth == "?") == (dayOfWeek == "?"))
            throw ScheduleExpression.Invalid();
        DayRule days = dayOfMonth == "?" ? DayOfWeekRule.Parse(dayOfWeek, DayNames) : DayOfMonthRule.Parse(dayOfMonth);
        return new CronExpression(
            CronField.Parse(parts[0], 0, 59),
            CronField.Parse(parts[1], 0, 23),
            days,
            CronField.Parse(parts[3], 1, 12, MonthNames),
            CronField.Parse(parts[5], 1970, 2199));
    }

    /// <summary>The first matching minute strictly after <paramref name="after"/>, in UTC.</summary>
    public DateTimeOffset? NextOccurrence(DateTimeOffset after)
    {
        var utc = after.UtcDateTime;
        var start = new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, DateTimeKind.Utc).AddMinutes(1);
        foreach (var year in years.GetViewBetween(start.Year, 2199))
        {
            foreach (var month in months)
            {
                if (year == start.Year && month < start.Month)
                    continue;
                if (FirstInMonth(year, month, start) is { } found)
                    return new DateTimeOffset(found, TimeSpan.Zero);
            }
        }
        return null;
    }

    private DateTime? FirstInMonth(int year, int month, DateTime start)
    {
        foreach (var day in days.Days(year, month))
        {
            if (new DateTime(year, month, day, 23, 59, 0, DateTimeKind.Utc) < start)
                continue;
            foreach (var hour in hours)
            {
                foreach (var minute in minutes)
                {
                    var candidate = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc);
                    if (candidate >= start)
                        return candidate;
                }
            }
        }
        return null;
    }
}

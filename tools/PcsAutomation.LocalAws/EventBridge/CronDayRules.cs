using System.Globalization;

namespace PcsAutomation.LocalAws.EventBridge;

/// <summary>Which days of a month a cron expression selects.</summary>
internal abstract class DayRule
{
    public abstract IEnumerable<int> Days(int year, int month);
}

/// <summary>Day-of-month: <c>*</c>, numbers, ranges, steps, <c>L</c> (last day), <c>nW</c> (nearest weekday), <c>LW</c>.</summary>
internal sealed class DayOfMonthRule : DayRule
{
    private readonly SortedSet<int> fixedDays = [];
    private readonly List<int> nearestWeekdays = [];
    private bool last;
    private bool lastWeekday;

    public static DayOfMonthRule Parse(string text)
    {
        var rule = new DayOfMonthRule();
        foreach (var item in text.Split(','))
        {
            if (item == "L")
                rule.last = true;
            else if (item == "LW")
                rule.lastWeekday = true;
            else if (item.EndsWith('W'))
                rule.nearestWeekdays.Add(CronField.Value(item[..^1], 1, 31, null));
            else
                rule.fixedDays.UnionWith(CronField.Parse(item, 1, 31));
        }
        return rule;
    }

    public override IEnumerable<int> Days(int year, int month)
    {
        var count = DateTime.DaysInMonth(year, month);
        var result = new SortedSet<int>(fixedDays.Where(d => d <= count));
        if (last)
            result.Add(count);
        if (lastWeekday)
            result.Add(NearestWeekday(year, month, count));
        foreach (var day in nearestWeekdays.Where(d => d <= count))
            result.Add(NearestWeekday(year, month, day));
        return result;
    }

    // "W": the weekday closest to the given day, never crossing into another month.
    private static int NearestWeekday(int year, int month, int day)
    {
        var count = DateTime.DaysInMonth(year, month);
        return new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc).DayOfWeek switch
        {
            DayOfWeek.Saturday => day == 1 ? 3 : day - 1,
            DayOfWeek.Sunday => day == count ? day - 2 : day + 1,
            _ => day,
        };
    }
}

/// <summary>Day-of-week: 1-7 or SUN-SAT, ranges, lists, <c>L</c> (Saturday, the last day of the week), <c>nL</c> (last n of the month), <c>n#k</c> (k-th n).</summary>
internal sealed class DayOfWeekRule : DayRule
{
    private readonly SortedSet<int> weekdays = [];
    private readonly List<int> lastOfMonth = [];
    private readonly List<(int Day, int Nth)> nth = [];

    public static DayOfWeekRule Parse(string text, IReadOnlyList<string> names)
    {
        var rule = new DayOfWeekRule();
        foreach (var item in text.Split(','))
        {
            var hash = item.IndexOf('#', StringComparison.Ordinal);
            if (item == "L")
                rule.weekdays.Add(7);
            else if (item.Length > 1 && item.EndsWith('L'))
                rule.lastOfMonth.Add(CronField.Value(item[..^1], 1, 7, names));
            else if (hash > 0)
            {
                if (!int.TryParse(item[(hash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var k) || k is < 1 or > 5)
                    throw ScheduleExpression.Invalid();
                rule.nth.Add((CronField.Value(item[..hash], 1, 7, names), k));
            }
            else
                rule.weekdays.UnionWith(CronField.Parse(item, 1, 7, names));
        }
        return rule;
    }

    public override IEnumerable<int> Days(int year, int month)
    {
        var count = DateTime.DaysInMonth(year, month);
        for (var day = 1; day <= count; day++)
        {
            var weekday = (int)new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc).DayOfWeek + 1;
            var isLast = day + 7 > count;
            var ordinal = ((day - 1) / 7) + 1;
            if (weekdays.Contains(weekday)
                || (isLast && lastOfMonth.Contains(weekday))
                || nth.Contains((weekday, ordinal)))
                yield return day;
        }
    }
}

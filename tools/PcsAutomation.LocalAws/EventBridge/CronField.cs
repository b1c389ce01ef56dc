using System.Globalization;

namespace PcsAutomation.LocalAws.EventBridge;

/// <summary>
/// One numeric cron field: <c>*</c>, values, ranges, lists and steps (<c>0/15</c>, <c>*/5</c>, <c>1-10/2</c>),
/// with optional names (JAN-DEC, SUN-SAT).
/// </summary>
internal static class CronField
{
    public static SortedSet<int> Parse(string text, int min, int max, IReadOnlyList<string>? names = null)
    {
        var values = new SortedSet<int>();
        foreach (var item in text.Split(','))
        {
            var (range, step) = SplitStep(item);
            var (from, to) = range == "*" ? (min, max) : ParseRange(range, min, max, names);
            // "5/10" means from 5 to the end of the field, every 10.
            if (step > 1 && range != "*" && !range.Contains('-', StringComparison.Ordinal))
                to = max;
            for (var v = from; v <= to; v += step)
                values.Add(v);
        }
        return values;
    }

    private static (string Range, int Step) SplitStep(string item)
    {
        var slash = item.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
            return (item, 1);
        if (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step <= 0)
            throw ScheduleExpression.Invalid();
        return (item[..slash], step);
    }

    private static (int From, int To) ParseRange(string range, int min, int max, IReadOnlyList<string>? names)
    {
        var dash = range.IndexOf('-', StringComparison.Ordinal);
        var from = Value(dash < 0 ? range : range[..dash], min, max, names);
        var to = dash < 0 ? from : Value(range[(dash + 1)..], min, max, names);
        if (to < from)
            throw ScheduleExpression.Invalid();
        return (from, to);
    }

    public static int Value(string text, int min, int max, IReadOnlyList<string>? names)
    {
        if (names is not null)
        {
            var index = names.ToList().FindIndex(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
                return min + index;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw ScheduleExpression.Invalid();
        return value;
    }
}

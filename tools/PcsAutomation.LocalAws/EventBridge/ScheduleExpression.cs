using System.Globalization;

namespace PcsAutomation.LocalAws.EventBridge;

/// <summary>An EventBridge <c>rate(...)</c> or <c>cron(...)</c> schedule, evaluated in UTC.</summary>
public abstract record ScheduleExpression(string Text)
{
    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null when there is none (a cron past its last year).</summary>
    public abstract DateTimeOffset? NextOccurrence(DateTimeOffset after);

    /// <summary>Parses a schedule, throwing the ValidationException PutRule gives for a bad one.</summary>
    public static ScheduleExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.StartsWith("rate(", StringComparison.Ordinal) && trimmed.EndsWith(')'))
            return RateSchedule.Parse(text, trimmed[5..^1]);
        if (trimmed.StartsWith("cron(", StringComparison.Ordinal) && trimmed.EndsWith(')'))
            return new CronSchedule(text, CronExpression.Parse(trimmed[5..^1]));
        throw Invalid();
    }

    internal static AwsServiceException Invalid() => new("ValidationException", "Parameter ScheduleExpression is not valid.");
}

/// <summary><c>rate(value unit)</c>: every period, counted from when the rule was created.</summary>
public sealed record RateSchedule(string Text, TimeSpan Period) : ScheduleExpression(Text)
{
    public override DateTimeOffset? NextOccurrence(DateTimeOffset after) => after + Period;

    internal static RateSchedule Parse(string text, string body)
    {
        var parts = body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            throw Invalid();
        // EventBridge wants the singular unit for 1 and the plural otherwise: rate(1 minute), rate(5 minutes).
        var unit = parts[1];
        var singular = value == 1;
        TimeSpan period = unit switch
        {
            "minute" when singular => TimeSpan.FromMinutes(1),
            "minutes" when !singular => TimeSpan.FromMinutes(value),
            "hour" when singular => TimeSpan.FromHours(1),
            "hours" when !singular => TimeSpan.FromHours(value),
            "day" when singular => TimeSpan.FromDays(1),
            "days" when !singular => TimeSpan.FromDays(value),
            _ => throw Invalid(),
        };
        return new RateSchedule(text, period);
    }
}

/// <summary><c>cron(minutes hours day-of-month month day-of-week year)</c> in UTC.</summary>
public sealed record CronSchedule(string Text, CronExpression Cron) : ScheduleExpression(Text)
{
    public override DateTimeOffset? NextOccurrence(DateTimeOffset after) => Cron.NextOccurrence(after);
}

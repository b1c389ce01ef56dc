using System.Globalization;

namespace PcsAutomation.Domain.Configuration;

/// <summary>
/// Durations in tags: a whole positive number followed by <c>d</c> (days) or <c>h</c> (hours), e.g. <c>90d</c>,
/// <c>12h</c>. The unit is required so "90" is not guessed as days or hours; the smallest value is therefore 1h.
/// </summary>
public static class DurationText
{
    /// <summary>Parses <paramref name="text"/>; errors throw <see cref="TagConfigurationException"/> naming <paramref name="tagKey"/>.</summary>
    public static TimeSpan Parse(string text, string tagKey)
    {
        ArgumentNullException.ThrowIfNull(tagKey);
        if (string.IsNullOrEmpty(text))
        {
            throw Invalid(tagKey, "the value is empty; expected a whole number of days or hours such as 90d or 12h");
        }

        var unit = char.ToLowerInvariant(text[^1]);
        var number = text[..^1];
        if (char.IsAsciiDigit(unit))
        {
            throw Invalid(tagKey, $"'{text}' has no unit; write {text}d for days or {text}h for hours");
        }

        if (unit is not ('d' or 'h'))
        {
            throw Invalid(tagKey, $"'{text}' has unit '{text[^1]}'; the units are d (days) and h (hours), e.g. 90d or 12h");
        }

        if (number.StartsWith('-'))
        {
            throw Invalid(tagKey, $"'{text}' is negative; the duration must be at least 1h");
        }

        if (number.Length == 0 || !number.All(char.IsAsciiDigit))
        {
            throw Invalid(tagKey, $"'{text}' is not a whole number of {(unit == 'd' ? "days" : "hours")} (no sign, decimals or spaces), e.g. 90d or 12h");
        }

        var unitLength = unit == 'd' ? TimeSpan.FromDays(1) : TimeSpan.FromHours(1);
        if (!long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > TimeSpan.MaxValue.Ticks / unitLength.Ticks)
        {
            throw Invalid(tagKey, $"'{text}' is too large");
        }

        if (count == 0)
        {
            throw Invalid(tagKey, $"'{text}' is zero; the duration must be at least 1h");
        }

        return TimeSpan.FromTicks(count * unitLength.Ticks);
    }

    /// <summary>
    /// The shortest text that <see cref="Parse"/> reads back to <paramref name="duration"/> when it is whole days or
    /// hours (90d, 36h); otherwise whole hours, rounded down, or minutes under an hour (for messages only).
    /// </summary>
    public static string Format(TimeSpan duration)
    {
        if (duration >= TimeSpan.FromDays(1) && duration.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{duration.Ticks / TimeSpan.TicksPerDay}d");
        }

        return duration >= TimeSpan.FromHours(1) || duration <= TimeSpan.FromHours(-1)
            ? string.Create(CultureInfo.InvariantCulture, $"{duration.Ticks / TimeSpan.TicksPerHour}h")
            : string.Create(CultureInfo.InvariantCulture, $"{duration.Ticks / TimeSpan.TicksPerMinute}m");
    }

    private static TagConfigurationException Invalid(string tagKey, string problem) => new(tagKey, $"{tagKey}: {problem}");
}

using System.Globalization;

namespace PcsAutomation.LocalAws.Scenarios;

/// <summary>Scenario times: "+30m", "-2h", "+1d", "+45s" relative to a start, or absolute ISO 8601.</summary>
public static class ScenarioTime
{
    public static DateTimeOffset Resolve(string text, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.StartsWith('+') || text.StartsWith('-')
            ? start + Span(text)
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    public static TimeSpan Span(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sign = text.StartsWith('-') ? -1 : 1;
        var body = text.TrimStart('+', '-');
        if (body.Length < 2 || !double.TryParse(body[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
            throw new FormatException($"Not a scenario duration: '{text}' (expected e.g. +30m, 2h, 1d).");
        var unit = body[^1] switch
        {
            's' => TimeSpan.FromSeconds(1),
            'm' => TimeSpan.FromMinutes(1),
            'h' => TimeSpan.FromHours(1),
            'd' => TimeSpan.FromDays(1),
            _ => throw new FormatException($"Unknown unit in '{text}' (s, m, h, d)."),
        };
        return unit * amount * sign;
    }
}

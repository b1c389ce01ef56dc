using System.Globalization;
using System.Text.RegularExpressions;

namespace PcsAutomation.States.Json;

/// <summary>RFC 3339 timestamps as the spec requires them: an uppercase T, and Z or a numeric offset.</summary>
public static partial class Timestamps
{
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        return Rfc3339().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    /// <summary>The format of history timestamps and <c>$$.Execution.StartTime</c>: UTC with milliseconds.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}

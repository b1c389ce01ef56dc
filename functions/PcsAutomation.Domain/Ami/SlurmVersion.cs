using System.Globalization;

namespace PcsAutomation.Domain.Ami;

/// <summary>
/// A Slurm major version as PCS names it, <c>yy.mm</c> (<c>25.11</c>, guide L6441-6454; the CloudFormation sample's
/// allowed values L1474-1486). Ordered by release; patch levels (<c>25.11.2</c>) are not majors and are refused.
/// </summary>
public readonly record struct SlurmVersion(int Year, int Month) : IComparable<SlurmVersion>
{
    public static bool TryParse(string? text, out SlurmVersion version)
    {
        version = default;
        if (text is not { Length: 5 } || text[2] != '.' || !IsDigits(text.AsSpan(0, 2)) || !IsDigits(text.AsSpan(3, 2)))
            return false;
        var month = int.Parse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
            return false;
        version = new SlurmVersion(int.Parse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture), month);
        return true;
    }

    /// <summary>Parses <c>yy.mm</c>; anything else throws <see cref="FormatException"/> quoting the text.</summary>
    public static SlurmVersion Parse(string? text) =>
        TryParse(text, out var version)
            ? version
            : throw new FormatException($"'{text}' is not a Slurm major version: expected yy.mm, e.g. 25.11 (guide L6441-6446).");

    public int CompareTo(SlurmVersion other) => (Year, Month).CompareTo((other.Year, other.Month));

    public static bool operator <(SlurmVersion left, SlurmVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(SlurmVersion left, SlurmVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(SlurmVersion left, SlurmVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(SlurmVersion left, SlurmVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:00}.{Month:00}");

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
                return false;
        }
        return true;
    }
}

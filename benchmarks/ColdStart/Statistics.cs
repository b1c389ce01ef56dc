namespace PcsAutomation.Benchmarks.ColdStart;

/// <summary>The few order statistics the report needs.</summary>
public static class Statistics
{
    /// <summary>The median (mean of the middle two for an even count).</summary>
    public static TimeSpan Median(IReadOnlyList<TimeSpan> values)
    {
        if (values.Count == 0)
            throw new ArgumentException("no values", nameof(values));
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

using System.Globalization;

namespace PcsAutomation.Benchmarks;

/// <summary>What the benchmarks' command lines share: the repository root, and whole numbers and numbers checked with a clear message. Linked into each benchmark.</summary>
internal static class BenchmarkArguments
{
    /// <summary>The value of <paramref name="name"/>, a whole number in <paramref name="min"/>..<paramref name="max"/>; <paramref name="fallback"/> when not given.</summary>
    public static int Count(IReadOnlyDictionary<string, string> values, string name, int fallback, int min, int max)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!values.TryGetValue(name, out var text)) return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new ArgumentException($"{name} must be a whole number from {min} to {max}, got '{text}'.");
        return value;
    }

    /// <summary>The value of <paramref name="name"/>, a finite number ≥ 0; <paramref name="fallback"/> when not given.</summary>
    public static double Number(IReadOnlyDictionary<string, string> values, string name, double fallback)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!values.TryGetValue(name, out var text)) return fallback;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || double.IsInfinity(value))
            throw new ArgumentException($"{name} must be a number ≥ 0, got '{text}'.");
        return value;
    }

    /// <summary>The directory holding PcsAutomation.sln, from <paramref name="start"/> upward.</summary>
    public static string FindRepo(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PcsAutomation.sln"))) return dir.FullName;
        throw new ArgumentException($"No PcsAutomation.sln in {start} or above: pass --repo <repository root>.");
    }
}

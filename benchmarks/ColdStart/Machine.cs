using System.Runtime.InteropServices;

namespace PcsAutomation.Benchmarks.ColdStart;

/// <summary>The machine the numbers come from, for the report.</summary>
public sealed record Machine(string Cpu, int Cores, string Memory, string OperatingSystem, string Kernel, string DotNet, double LoadAverage)
{
    /// <summary>Reads <c>/proc</c> and <c>/etc/os-release</c>; unknown values say so.</summary>
    public static Machine Current()
    {
        var cpu = ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var memKb = ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var memory = long.TryParse(memKb, out var kb) ? $"{kb / 1024.0 / 1024.0:0.0} GiB" : "unknown";
        var os = ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"')
            ?? RuntimeInformation.OSDescription;
        var load = ReadLines("/proc/loadavg").FirstOrDefault()?.Split(' ')[0];
        return new Machine(cpu, Environment.ProcessorCount, memory, os, Environment.OSVersion.Version.ToString(),
            RuntimeInformation.FrameworkDescription, double.TryParse(load, System.Globalization.CultureInfo.InvariantCulture, out var l) ? l : double.NaN);
    }

    /// <summary>The 1, 5 and 15 minute load averages from <c>/proc/loadavg</c>, as "a / b / c".</summary>
    public static string LoadAverages() =>
        ReadLines("/proc/loadavg").FirstOrDefault() is { } line ? string.Join(" / ", line.Split(' ').Take(3)) : "unknown";

    private static IEnumerable<string> ReadLines(string path) => File.Exists(path) ? File.ReadLines(path) : [];
}

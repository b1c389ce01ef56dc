using System.Globalization;

namespace PcsAutomation.Benchmarks.ColdStart;

/// <summary>Peak resident set size of a live process, from Linux's <c>/proc/&lt;pid&gt;/status</c>.</summary>
public static class PeakMemory
{
    /// <summary><c>VmHWM</c> ("high water mark") in bytes: the most RAM the process ever had resident.</summary>
    public static long ReadBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            // "VmHWM:     12345 kB"
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        throw new InvalidOperationException($"/proc/{pid}/status has no VmHWM line");
    }
}

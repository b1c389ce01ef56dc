using System.Globalization;

namespace PcsAutomation.Benchmarks;

/// <summary>The load average (1/5/15 min) from /proc/loadavg, for the reports; "unknown" where there is none. Linked into each benchmark that reports it.</summary>
internal static class MachineLoad
{
    public static string Read()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Create(CultureInfo.InvariantCulture, $"{fields[0]} / {fields[1]} / {fields[2]}");
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }
}

using System.Globalization;
using System.Runtime.InteropServices;
using PcsAutomation.Benchmarks.Rotation;

// What one cluster secret rotation costs: the real workflow in the emulator, counted and priced (see docs/benchmarks.md).
RotationOptions options;
try
{
    options = RotationOptions.Parse(args, Directory.GetCurrentDirectory());
}
catch (Exception error) when (error is ArgumentException or FormatException)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}

if (options.WarmUp)
{
    // Unreported: JIT-compiles the handlers, clients and emulator so the wall times below are steady-state.
    Console.WriteLine("warm-up rotation (not reported)...");
    var warm = await RotationRun.RunAsync(new RunCase(1, DryRun: false), options with { ScaleDown = TimeSpan.FromMinutes(1) });
    foreach (var problem in warm.Problems) Console.Error.WriteLine($"warm-up: {problem}");
}

var runs = new List<RunResult>();
foreach (var groups in options.GroupCounts)
{
    foreach (var dryRun in new[] { true, false })
    {
        var run = new RunCase(groups, dryRun);
        Console.WriteLine($"{run.Name}...");
        var result = await RotationRun.RunAsync(run, options);
        Console.WriteLine($"  {result.Accounting.Status}: {result.Accounting.StateTransitions} transitions, {result.LambdaRequests} Lambda requests, "
            + $"virtual {result.VirtualDuration}, wall {result.WallTime.TotalSeconds:0.00} s"
            + (result.ScheduledInvocationsLeftOut > 0 ? $", {result.ScheduledInvocationsLeftOut} scheduled reconciler run(s) left out" : ""));
        Console.WriteLine("  API calls: " + string.Join(", ", result.ApiCalls.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}")));
        foreach (var problem in result.Problems) Console.Error.WriteLine($"  PROBLEM: {problem}");
        runs.Add(result);
    }
}

Console.WriteLine();
Console.WriteLine(Report.Table(runs, options));
var failed = runs.Where(r => r.Problems.Count > 0).ToList();
if (failed.Count > 0)
{
    Console.Error.WriteLine($"{failed.Count} run(s) did not rotate correctly ({string.Join("; ", failed.Select(r => r.Case.Name))}): numbers not written.");
    return 1;
}

if (options.ReportPath is { } path)
{
    var machine = $"{Environment.ProcessorCount} logical cores, {RuntimeInformation.FrameworkDescription}, "
        + $"load average {LoadAverage()} at the end";
    var section = Report.Section(runs, options, TimeProvider.System.GetUtcNow(), machine);
    var existing = File.Exists(path) ? await File.ReadAllTextAsync(path) : null;
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    await File.WriteAllTextAsync(path, Report.Merge(existing, section));
    Console.WriteLine($"wrote the \"Rotation cost\" section of {path}");
}
return 0;

static string LoadAverage()
{
    try
    {
        return File.ReadAllText("/proc/loadavg").Split(' ')[0];
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

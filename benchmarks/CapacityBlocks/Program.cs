using PcsAutomation.Benchmarks;
using PcsAutomation.Benchmarks.CapacityBlocks;

// The Capacity Block reconciler on a fleet: its scheduled runs in the emulator, counted, timed and priced (docs/benchmarks.md).
ReconcilerOptions options;
try
{
    options = ReconcilerOptions.Parse(args, Directory.GetCurrentDirectory());
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}

var loadAtStart = MachineLoad.Read();
var startedAt = TimeProvider.System.GetUtcNow();
Console.WriteLine($"{options.Clusters} clusters x {options.Groups} node groups, {options.Blocks} blocks, {options.Runs} runs, "
    + (options.RateLimited ? "PCS (assumed) and EC2 (documented) request-rate limits" : "no rate limit") + $"; load average {loadAtStart}");
var result = await ReconcilerRun.RunAsync(options);
var loadAtEnd = MachineLoad.Read();

foreach (var problem in result.Problems) Console.Error.WriteLine($"  PROBLEM: {problem}");
if (result.Runs.Count < 2)
{
    Console.Error.WriteLine("Fewer than two runs: nothing to report.");
    return 1;
}
Console.WriteLine();
Console.WriteLine(Report.Tables(result));
Console.WriteLine($"load average {loadAtStart} at the start, {loadAtEnd} at the end; {result.WallTime.TotalSeconds:0.0} s of wall time");

if (options.ReportPath is { } path)
{
    var section = Report.Section(result, startedAt, loadAtStart, loadAtEnd);
    var existing = File.Exists(path) ? await File.ReadAllTextAsync(path) : null;
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    await File.WriteAllTextAsync(path, Report.Merge(existing, section));
    Console.WriteLine($"wrote the \"Capacity Block reconciler\" section of {path}");
}
return result.Problems.Count == 0 ? 0 : 1;

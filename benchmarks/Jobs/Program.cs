using PcsAutomation.Benchmarks;
using PcsAutomation.Benchmarks.Jobs;

// What a rotation does to running jobs under each job policy: JobMix's seeded jobs, the real workflows, counted (docs/benchmarks.md).
JobsOptions options;
try
{
    options = JobsOptions.Parse(args, Directory.GetCurrentDirectory());
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}

var loadAtStart = MachineLoad.Read();
var startedAt = TimeProvider.System.GetUtcNow();
Console.WriteLine($"{options.Jobs} jobs (seed {options.Seed}), timeout {options.Timeout ?? "default"}, on timeout {options.OnTimeout}; load average {loadAtStart}");
var result = await JobsBenchmark.RunAsync(options, line => Console.WriteLine(line));
var loadAtEnd = MachineLoad.Read();

foreach (var problem in result.Problems) Console.Error.WriteLine($"  PROBLEM: {problem}");
Console.WriteLine();
Console.WriteLine(Report.Table(result.Policies, result.Baseline));
Console.WriteLine($"load average {loadAtStart} at the start, {loadAtEnd} at the end");
if (result.Problems.Count > 0)
{
    Console.Error.WriteLine($"{result.Problems.Count} problem(s): numbers not written.");
    return 1;
}

if (options.ReportPath is { } path)
{
    var section = Report.Section(result.Policies, result.Baseline, options, startedAt, loadAtStart, loadAtEnd);
    var existing = File.Exists(path) ? await File.ReadAllTextAsync(path) : null;
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    await File.WriteAllTextAsync(path, Report.Merge(existing, section));
    Console.WriteLine($"wrote the \"Jobs and the rotation\" section of {path}");
}
return 0;

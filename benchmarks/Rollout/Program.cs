using PcsAutomation.Benchmarks.Rollout;

// The AMI roll-out of a fleet under request-rate limits: the real workflow in the emulator, timed and priced (docs/benchmarks.md).
RolloutOptions options;
try
{
    options = RolloutOptions.Parse(args, Directory.GetCurrentDirectory());
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}

var loadAtStart = Machine.LoadAverage();
var startedAt = TimeProvider.System.GetUtcNow();
Console.WriteLine($"{options.Clusters} clusters x {options.Groups} node groups, batchSize {options.BatchSize}, "
    + (options.RateLimited ? "PCS (assumed) and EC2 (documented) request-rate limits" : "no rate limit") + $"; load average {loadAtStart}");
var result = await FleetRun.RunAsync(options);
var loadAtEnd = Machine.LoadAverage();

foreach (var problem in result.Clusters.SelectMany(c => c.Problems)) Console.Error.WriteLine($"  PROBLEM: {problem}");
Console.WriteLine("API calls: " + string.Join(", ", result.ApiCalls.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}")));
Console.WriteLine();
Console.WriteLine(Report.Tables(result));
var targets = Report.Targets(result);
foreach (var (name, measured, met) in targets) Console.WriteLine($"{(met ? "met   " : "MISSED")} {name}: {measured}");

if (options.ReportPath is { } path)
{
    var machine = new Machine(Environment.ProcessorCount, System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription, loadAtStart, loadAtEnd);
    var section = Report.Section(result, startedAt, machine);
    var existing = File.Exists(path) ? await File.ReadAllTextAsync(path) : null;
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    await File.WriteAllTextAsync(path, Report.Merge(existing, section));
    Console.WriteLine($"wrote the \"Fleet roll-out\" section of {path}");
}
if (targets.Any(t => !t.Met))
{
    Console.Error.WriteLine($"{targets.Count(t => !t.Met)} target(s) missed.");
    return 1;
}
return 0;

/// <summary>The machine the run had: cores, runtime, and the load average (1/5/15 min) before and after.</summary>
internal sealed record Machine(int Cores, string Runtime, string LoadAtStart, string LoadAtEnd)
{
    public static string LoadAverage() => PcsAutomation.Benchmarks.MachineLoad.Read();
}

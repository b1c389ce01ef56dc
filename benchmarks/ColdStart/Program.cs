using PcsAutomation.Benchmarks.ColdStart;

// Cold start, memory and package size of the Native AOT bootstrap vs the same code run JIT (see docs/benchmarks.md).
var time = TimeProvider.System;
BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args, Environment.CurrentDirectory);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}

var loadAtStart = Machine.LoadAverages();
Console.WriteLine($"load average at start (1/5/15 min): {loadAtStart}");
Candidate aot, jit;
var measurements = new Dictionary<(MeasuredFunction, Candidate), List<ColdStartMeasurement>>();
try
{
    aot = await Publisher.AotAsync(options, options.SkipPublish);
    jit = await Publisher.JitAsync(options, options.SkipPublish);
    var runner = new ColdStartRunner(time, options.WarmInvocations);
    foreach (var function in LambdaEnvironment.Functions)
    {
        // One untimed start each first: the first exec after a publish pays for reading the files from disk.
        await runner.RunAsync(aot, function);
        await runner.RunAsync(jit, function);
        measurements[(function, aot)] = [];
        measurements[(function, jit)] = [];
        for (var i = 1; i <= options.ColdStarts; i++)
        {
            // alternate, so both builds see the same machine load
            foreach (var candidate in new[] { aot, jit })
            {
                var run = await runner.RunAsync(candidate, function);
                measurements[(function, candidate)].Add(run);
                Console.WriteLine($"{function.Handler} {candidate.Name} #{i}: start→/next {Format.Ms(run.StartToFirstNext)}, first {Format.Ms(run.FirstInvocation)}, warm {Format.Ms(run.WarmMedian)}, peak RSS {Format.MiB(run.PeakRssBytes)}");
            }
        }
    }
}
catch (InvalidOperationException error)
{
    // a build failed or a bootstrap did not serve its invocations: say which, with its last output lines
    Console.Error.WriteLine("benchmark failed: " + error.Message);
    return 1;
}

var aotZip = Package.ZipSize(aot.Directory, Path.Combine(options.ArtifactsDir, "aot.zip"));
var jitZip = Package.ZipSize(jit.Directory, Path.Combine(options.ArtifactsDir, "jit.zip"));
var results = LambdaEnvironment.Functions.Select(function => new FunctionResult(
    function,
    CandidateSummary.From(aot.Name, measurements[(function, aot)], aotZip, DirectorySize(aot.Directory)),
    CandidateSummary.From(jit.Name, measurements[(function, jit)], jitZip, DirectorySize(jit.Directory)))).ToList();
var checks = results.SelectMany(r => TargetCheck.Evaluate(r.Function, r.Aot, r.Jit)).ToList();
var loadAtEnd = Machine.LoadAverages();

Console.WriteLine();
foreach (var result in results)
    Console.WriteLine($"{result.Function.Handler}:\n{Report.Table(result.Aot, result.Jit)}");
Console.WriteLine(Report.Targets(checks));
Console.WriteLine($"load average (1/5/15 min) at start {loadAtStart}, at end {loadAtEnd}");
if (options.ReportPath is { } path)
{
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    var existing = File.Exists(path) ? await File.ReadAllTextAsync(path) : null;
    var section = BenchmarkDocument.Render(options, Machine.Current(), time.GetUtcNow(), results, checks, loadAtStart, loadAtEnd);
    await File.WriteAllTextAsync(path, BenchmarkDocument.Merge(existing, section));
    Console.WriteLine("wrote " + path);
}
return checks.All(c => c.Met) ? 0 : 1;

static long DirectorySize(string directory) =>
    Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

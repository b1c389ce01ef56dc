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

Candidate aot, jit;
var measurements = new Dictionary<Candidate, List<ColdStartMeasurement>>();
try
{
    aot = await Publisher.AotAsync(options, options.SkipPublish);
    jit = await Publisher.JitAsync(options, options.SkipPublish);
    var runner = new ColdStartRunner(time, options.WarmInvocations);

    // One untimed start each first: the first exec after a publish pays for reading the files from disk.
    await runner.RunAsync(aot);
    await runner.RunAsync(jit);

    measurements[aot] = [];
    measurements[jit] = [];
    for (var i = 1; i <= options.ColdStarts; i++)
    {
        // alternate, so both builds see the same machine load
        foreach (var candidate in new[] { aot, jit })
        {
            var run = await runner.RunAsync(candidate);
            measurements[candidate].Add(run);
            Console.WriteLine($"{candidate.Name} #{i}: start→/next {Format.Ms(run.StartToFirstNext)}, first {Format.Ms(run.FirstInvocation)}, warm {Format.Ms(run.WarmMedian)}, peak RSS {Format.MiB(run.PeakRssBytes)}");
        }
    }
}
catch (InvalidOperationException error)
{
    // a build failed or a bootstrap did not serve its invocations: say which, with its last output lines
    Console.Error.WriteLine("benchmark failed: " + error.Message);
    return 1;
}

var aotSummary = CandidateSummary.From(aot.Name, measurements[aot],
    Package.ZipSize(aot.Directory, Path.Combine(options.ArtifactsDir, "aot.zip")), DirectorySize(aot.Directory));
var jitSummary = CandidateSummary.From(jit.Name, measurements[jit],
    Package.ZipSize(jit.Directory, Path.Combine(options.ArtifactsDir, "jit.zip")), DirectorySize(jit.Directory));
var checks = TargetCheck.Evaluate(aotSummary, jitSummary);

Console.WriteLine();
Console.WriteLine(Report.Table(aotSummary, jitSummary));
Console.WriteLine(Report.Targets(checks));
if (options.ReportPath is { } path)
{
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    await File.WriteAllTextAsync(path, BenchmarkDocument.Render(options, Machine.Current(), time.GetUtcNow(), aotSummary, jitSummary, checks));
    Console.WriteLine("wrote " + path);
}
return checks.All(c => c.Met) ? 0 : 1;

static long DirectorySize(string directory) =>
    Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

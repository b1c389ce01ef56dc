using System.Globalization;
using PcsAutomation.Benchmarks.LocalAws;

// PCS calls per second through AmazonPCSClient on loopback against the emulator (issue 3's benchmark); not a test.
var time = TimeProvider.System;
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
var settings = new BenchmarkSettings(TimeSpan.FromSeconds(Arg(0, 5)), Arg(1, 50_000), Arg(2, 4));
Console.WriteLine($"{settings.Workers} workers, at most {settings.Duration.TotalSeconds:0} s or {settings.MaxCalls} calls per operation, {Environment.ProcessorCount} cores");
await using var bench = await PcsBench.StartAsync(time, settings);
foreach (var result in new[] { await bench.GetClusterAsync(), await bench.UpdateComputeNodeGroupAsync() })
    Console.WriteLine(result);
return 0;

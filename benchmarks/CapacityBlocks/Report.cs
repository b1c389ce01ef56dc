using System.Globalization;
using System.Text;
using PcsAutomation.Benchmarks.Rotation;
using PcsAutomation.LocalAws.Faults;

namespace PcsAutomation.Benchmarks.CapacityBlocks;

/// <summary>The results as Markdown: printed, and written as the "Capacity Block reconciler" section of docs/benchmarks.md.</summary>
internal static class Report
{
    public const string SectionStart = "<!-- benchmarks/CapacityBlocks: start (this section is rewritten by `dotnet run -c Release --project benchmarks/CapacityBlocks`) -->";
    public const string SectionEnd = "<!-- benchmarks/CapacityBlocks: end -->";

    /// <summary>Runs a day at the default schedule, rate(15 minutes).</summary>
    public const int RunsPerDay = 96;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Tables(ReconcilerResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (first, steady) = (result.First, result.Steady);
        var options = result.Options;
        var (firstCost, steadyCost) = (ReconcilerCost.Of(first, result.MemoryMb, options), ReconcilerCost.Of(steady, result.MemoryMb, options));
        var b = new StringBuilder();
        b.AppendLine(Invariant, $"| {options.Clusters} clusters × {options.Groups} node groups, {options.Blocks} blocks | first run | steady run |");
        b.AppendLine("| --- | ---: | ---: |");
        void Row(string name, string one, string two) => b.AppendLine(Invariant, $"| {name} | {one} | {two} |");
        Row("expiries started / found started", $"{first.Started} / {first.AlreadyStarted}", $"{steady.Started} / {steady.AlreadyStarted}");
        Row("clusters read", first.ClustersRead ? "yes" : "no", steady.ClustersRead ? "yes" : "no");
        Row("**API calls**", $"**{N(first.Total)}**", $"**{N(steady.Total)}**");
        foreach (var service in new[] { "pcs", "ec2", "states", "dynamodb" })
            Row($"  {service}", N(first.Of(service)), N(steady.Of(service)));
        Row("  of which throttled (retried by the clients)", N(first.Throttled), N(steady.Throttled));
        Row("**duration, virtual** (request-rate back-offs)", $"**{Duration(first.Virtual)}**", $"**{Duration(steady.Virtual)}**");
        Row("duration, wall (this machine, emulated in process)", $"{first.Wall.TotalSeconds.ToString("0.00", Invariant)} s", $"{steady.Wall.TotalSeconds.ToString("0.00", Invariant)} s");
        Row($"**Lambda billed duration** (assumed: virtual + {Num(options.CallMilliseconds)} ms a call + {Num(options.InitMilliseconds)} ms INIT)", $"**{Duration(firstCost.Billed)}**", $"**{Duration(steadyCost.Billed)}**");
        Row($"  against the function's timeout ({Duration(result.Timeout)})", Percent(firstCost.Billed / result.Timeout), Percent(steadyCost.Billed / result.Timeout));
        Row($"Lambda GB-seconds ({result.MemoryMb} MB)", firstCost.GbSeconds.ToString("0.000", Invariant), steadyCost.GbSeconds.ToString("0.000", Invariant));
        Row("**cost of the run** (Lambda request and duration, DynamoDB reads)", $"**{Usd(firstCost.Total)}**", $"**{Usd(steadyCost.Total)}**");
        Row($"cost of a day of such runs ({RunsPerDay}, every 15 minutes) / of 30 days", $"{Usd(firstCost.Total * RunsPerDay)} / {Usd(firstCost.Total * RunsPerDay * 30)}",
            $"{Usd(steadyCost.Total * RunsPerDay)} / {Usd(steadyCost.Total * RunsPerDay * 30)}");
        b.AppendLine();
        b.AppendLine("| API call (service:operation, outcome) | first run | steady run |");
        b.AppendLine("| --- | ---: | ---: |");
        foreach (var key in first.Calls.Keys.Union(steady.Calls.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
            Row($"`{key}`", N(first.Calls.GetValueOrDefault(key)), N(steady.Calls.GetValueOrDefault(key)));
        b.AppendLine();
        b.AppendLine("| run | at (virtual) | calls | throttled | virtual | wall | started / found |");
        b.AppendLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var run in result.Runs)
        {
            b.AppendLine(Invariant,
                $"| {run.Index} | {run.Start:HH:mm} | {N(run.Total)} | {N(run.Throttled)} | {Duration(run.Virtual)} | {run.Wall.TotalSeconds.ToString("0.00", Invariant)} s | {run.Started} / {run.AlreadyStarted} |");
        }
        return b.ToString();
    }

    /// <summary>The whole section, between its markers.</summary>
    public static string Section(ReconcilerResult result, DateTimeOffset when, string loadAtStart, string loadAtEnd)
    {
        ArgumentNullException.ThrowIfNull(result);
        var options = result.Options;
        var command = "dotnet run -c Release --project benchmarks/CapacityBlocks" + (options.CommandLine.Length > 0 ? " -- " + options.CommandLine : "");
        var pcs = RateLimits.PcsAssumed;
        var b = new StringBuilder();
        b.AppendLine(SectionStart);
        b.AppendLine("## Capacity Block reconciler");
        b.AppendLine();
        b.AppendLine("""
            What the Capacity Block expiry's scheduled trigger costs (`CapacityBlockReconciler`, issue 11): `benchmarks/CapacityBlocks`
            loads `template.yaml` into the in-process emulator with the emulator's benchmark fleet (`CapacityFleet`) and lets the
            function's own schedule (`CapacityBlockReconcileSchedule`, rate(15 minutes)) run it, the real handler
            (`ProductFunctions`) on the virtual clock, under EC2's documented and PCS's assumed request-rate limits. The
            expiries it starts go to a stand-in state machine (one Pass state) so every call counted is the reconciler's: the
            expiry's own cost belongs to its workflow. It exits 1 when a run failed or started other than expected.
            """);
        b.AppendLine();
        b.Append(MarkdownSection.CommandAndUsage(command, ReconcilerOptions.Usage));
        b.AppendLine(Invariant, $"""
            The numbers below come from `{command}` on {when:yyyy-MM-dd HH:mm} UTC, load average (1/5/15 min) {loadAtStart} at
            the start and {loadAtEnd} at the end ({Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription};
            the machine is shared with other builds: the load moves the wall time only, never the counts or the virtual times).
            """);
        b.AppendLine();
        b.Append(Tables(result));
        b.AppendLine();
        b.AppendLine(Invariant, $"""
            **The fleet.** {options.Clusters} managed clusters `capacity-01`... with {options.Groups} node groups each: two CAPACITY_BLOCK
            groups (`gpu-1`, `gpu-2`, max 2, each in its own queue) on {options.Blocks} p5.48xlarge blocks taken in turn, so every
            block serves several clusters, and {options.Groups - 2} On-Demand groups in a `batch` queue; the blocks started a day
            ago and end from 2 hours after the start, one hour apart, all within the 24-hour horizon. Nothing runs.
            """);
        b.AppendLine();
        var first = result.First;
        var pcsReads = first.Of("pcs") - first.Calls.Where(c => c.Key.StartsWith("pcs:", StringComparison.Ordinal) && c.Key.EndsWith(" throttled", StringComparison.Ordinal)).Sum(c => c.Value);
        var bound = TimeSpan.FromSeconds(Math.Max(0, pcsReads - pcs[0].Capacity) / pcs[0].RefillPerSecond);
        b.AppendLine(Invariant, $"""
            **Reading.** The first run lists the reservations, asks Step Functions whether each block's expiry exists
            (`DescribeExecution`, ExecutionDoesNotExist), then reads every cluster (its tags, every group, the tags of the groups
            on a reservation, every queue, the subnets' zones, the launch template versions the block groups name, PCS's
            instances) to know which groups use which block, and starts one expiry per block. Its {N(pcsReads)} PCS reads let
            through need {Duration(bound)} of the assumed PCS read bucket ({Num(pcs[0].Capacity)} at once, then
            {Num(pcs[0].RefillPerSecond)} a second): the run took {Duration(first.Virtual)} of virtual time, so it is bound by
            that rate, and its throttled calls are retried by the clients. Every later run lists the reservations, finds each
            expiry started and scans the parked records, {N(result.Steady.Total)} calls: the clusters are read again only when a
            block enters the horizon, a block is extended, or a block due is used by no managed group (it never gets an
            execution, so each run reads the clusters to be sure).
            """);
        b.AppendLine();
        b.AppendLine("### Assumptions");
        b.AppendLine();
        b.AppendLine(Invariant, $"""
            - Rates: EC2 as documented (https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html: non-mutating
              actions 100 tokens refilled at 20 a second, each action its own bucket); PCS documents none, **assumed**
              (`RateLimits.PcsAssumed`) {Num(pcs[0].Capacity)} tokens refilled at {Num(pcs[0].RefillPerSecond)} a second for every read
              (ECS's documented cluster read actions); the product's clients retry a throttled call as the SDKs' standard mode does.
            - Lambda billed duration is assumed, not measured (the handler runs in process): the virtual time the run waited plus
              **{Num(options.CallMilliseconds)} ms per API call** (`--call-ms`; the calls are made one after the other) plus
              **{Num(options.InitMilliseconds)} ms of INIT** (`--init-ms`) on every run, at the template's `MemorySize`
              ({result.MemoryMb} MB), x86_64. Priced at the rotation benchmark's cited prices (table below); PCS, EC2 and
              Step Functions API calls have no charge per call; the parked-record scan is one DynamoDB read unit a page.
            - Free tiers ignored; CloudWatch Logs not priced.
            """);
        b.AppendLine();
        b.Append(Prices.Table());
        b.AppendLine(SectionEnd);
        return b.ToString();
    }

    /// <summary>Replaces the section between the markers, else appends it; the rest of the file is kept as is.</summary>
    public static string Merge(string? existing, string section) => MarkdownSection.Merge(existing, section, SectionStart, SectionEnd);

    private static string N(int value) => value.ToString("N0", Invariant);

    private static string Num(double value) => value.ToString(value >= 100 ? "N0" : "0.##", Invariant);

    private static string Percent(double share) => share.ToString("0.0%", Invariant);

    private static string Usd(double value) => "$" + value.ToString(value >= 0.01 ? "0.0000" : "0.000000", Invariant);

    private static string Duration(TimeSpan span) => span.ToString(span.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss\.f", Invariant);
}

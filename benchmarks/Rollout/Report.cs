using System.Globalization;
using System.Text;

namespace PcsAutomation.Benchmarks.Rollout;

/// <summary>The results as Markdown: printed, and written as the "Fleet roll-out" section of docs/benchmarks.md.</summary>
internal static partial class Report
{
    public const string SectionStart = "<!-- benchmarks/Rollout: start (this section is rewritten by `dotnet run -c Release --project benchmarks/Rollout`) -->";
    public const string SectionEnd = "<!-- benchmarks/Rollout: end -->";
    public const double RatioTarget = 1.2;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Each target: its name, the measured value, met or not.</summary>
    public static IReadOnlyList<(string Name, string Measured, bool Met)> Targets(FleetResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return
        [
            ($"fleet completion ≤ {RatioTarget.ToString("0.0", Invariant)}× the throttle-bound minimum", $"{Ratio(run)} ({Duration(run.Completion)} / {Duration(run.Minimum)})",
                run.Ratio <= RatioTarget),
            ("failures (executions not SUCCEEDED or a group not verified on the new image) = 0", N(run.Failures), run.Failures == 0),
        ];
    }

    public static string Tables(FleetResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var cost = FleetCost.Of(run, run.Options);
        var groups = run.Groups;
        var clusters = run.Clusters.Count;
        var b = new StringBuilder();
        b.AppendLine("| fleet | value |");
        b.AppendLine("| --- | ---: |");
        void Row(string name, string value) => b.AppendLine(Invariant, $"| {name} | {value} |");
        Row("clusters × node groups (login included), batchSize", $"{clusters} × {run.GroupsPerCluster} = {N(groups)}, {run.Options.BatchSize}");
        Row("node group instances running at the start", N(run.InstancesUpAtStart));
        Row("executions SUCCEEDED / groups verified on the new image", $"{N(run.Clusters.Count(c => c.Status == "Succeeded"))} / {N(run.Clusters.Sum(c => c.GroupsOnNewImage))}");
        Row("**failures**", $"**{N(run.Failures)}**");
        Row("**fleet completion (virtual)**", $"**{Duration(run.Completion)}**");
        Row("critical path (slowest cluster, no rate limit)", Duration(run.CriticalPath));
        Row("  the same as canary + ceil((groups - 1) / batchSize) full waves", Duration(run.WavesUpperForm));
        if (run.Tightest is { } tight)
            Row($"tightest request-rate bound ({tight.Name}: {N(tight.Needed)} requests, {Num(tight.Capacity)} at once, then {Num(tight.RefillPerSecond)}/s)", Duration(tight.Bound));
        Row("**throttle-bound minimum** (the larger of the two)", $"**{Duration(run.Minimum)}**");
        Row("**ratio**", $"**{Ratio(run)}**");
        Row("cluster completion, fastest / median / slowest", $"{Duration(run.Clusters.Min(c => c.Duration))} / {Duration(Median(run.Clusters.Select(c => c.Duration)))} / {Duration(run.Clusters.Max(c => c.Duration))}");
        Row("PCS requests: let through / throttled", $"{N(run.Calls("pcs") - run.Throttled("pcs"))} / {N(run.Throttled("pcs"))}");
        Row("EC2 requests: let through / throttled", $"{N(run.Calls("ec2") - run.Throttled("ec2"))} / {N(run.Throttled("ec2"))}");
        Row("PCS requests per group (let through)", Num((run.Calls("pcs") - run.Throttled("pcs")) / (double)groups));
        Row("state transitions: fleet / per cluster / per group", $"{N(run.StateTransitions)} / {Num(run.StateTransitions / (double)clusters)} / {Num(run.StateTransitions / (double)groups)}");
        Row("Lambda requests: fleet / per group", $"{N(run.Invocations.Count)} / {Num(run.Invocations.Count / (double)groups)}");
        Row("execution environments (peak concurrent invocations, summed over functions)", N(FleetCost.ColdStarts(run)));
        Row("Lambda GB-seconds (assumed durations)", FleetCost.GbSeconds(run, run.Options).ToString("0.00", Invariant));
        Row("DynamoDB writes / reads, SNS publishes, custom events", $"{N(run.DynamoWrites)} / {N(run.DynamoReads)}, {N(run.SnsPublishes)}, {N(run.CustomEvents)}");
        Row("Step Functions per group", Usd(cost.StepFunctions / groups));
        Row("Lambda (requests + duration) per group", Usd((cost.LambdaRequests + cost.LambdaDuration) / groups));
        Row("SNS + EventBridge + DynamoDB per group", Usd((cost.Sns + cost.EventBridge + cost.DynamoDb) / groups));
        Row("**cost per group**", $"**{Usd(cost.Total / groups)}**");
        Row("cost per cluster / for the fleet", $"{Usd(cost.Total / clusters)} / {Usd(cost.Total)}");
        Row("wall time to run it (emulated, in process)", $"{run.WallTime.TotalSeconds.ToString("0.0", Invariant)} s");
        b.AppendLine();
        b.AppendLine("| request-rate bucket | capacity | refill/s | requests let through | throttled | bound |");
        b.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var bucket in run.Buckets)
            b.AppendLine(Invariant, $"| {bucket.Name} | {Num(bucket.Capacity)} | {Num(bucket.RefillPerSecond)} | {N(bucket.Needed)} | {N(bucket.Throttled)} | {Duration(bucket.Bound)} |");
        return b.ToString();
    }

    /// <summary>Replaces the section between the markers, else appends it; the rest of the file is kept as is.</summary>
    public static string Merge(string? existing, string section) => MarkdownSection.Merge(existing, section, SectionStart, SectionEnd);

    private static string Ratio(FleetResult run) => double.IsNaN(run.Ratio) ? "n/a" : run.Ratio.ToString("0.000", Invariant) + "×";

    private static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? TimeSpan.Zero : sorted[sorted.Count / 2];
    }

    private static string N(int value) => value.ToString("N0", Invariant);

    private static string Num(double value) => value.ToString(value >= 100 ? "N0" : "0.##", Invariant);

    private static string Usd(double value) => "$" + value.ToString(value >= 0.01 ? "0.0000" : "0.000000", Invariant);

    private static string Duration(TimeSpan span) => span.ToString(span.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", Invariant);
}

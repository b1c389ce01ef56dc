using System.Globalization;
using System.Text;

namespace PcsAutomation.Benchmarks.Rotation;

/// <summary>The results as Markdown: printed, and written as the "Rotation cost" section of docs/benchmarks.md.</summary>
internal static class Report
{
    public const string SectionStart = "<!-- benchmarks/Rotation: start (this section is rewritten by `dotnet run -c Release --project benchmarks/Rotation`) -->";
    public const string SectionEnd = "<!-- benchmarks/Rotation: end -->";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Table(IReadOnlyList<RunResult> runs, RotationOptions options)
    {
        var costs = runs.Select(r => RotationCost.Of(r, options)).ToList();
        var b = new StringBuilder();
        b.Append("| per execution |");
        foreach (var run in runs) b.Append(Invariant, $" {run.Case.Name} |");
        b.AppendLine().Append("| --- |");
        foreach (var _ in runs) b.Append(" ---: |");
        b.AppendLine();
        void Row(string name, Func<RunResult, RotationCost, string> cell)
        {
            b.Append(Invariant, $"| {name} |");
            for (var i = 0; i < runs.Count; i++) b.Append(Invariant, $" {cell(runs[i], costs[i])} |");
            b.AppendLine();
        }
        Row("node group instances running at the start", (r, _) => N(r.InstancesUp));
        Row("outcome (checked)", (r, _) => r.Problems.Count == 0 ? $"{r.Accounting.Status}, verified" : $"{r.Accounting.Status}, **{r.Problems.Count} problem(s)**");
        Row("state transitions (billed)", (r, _) => N(r.Accounting.StateTransitions));
        Row("Task state invocations (each attempt)", (r, _) => N(r.Accounting.TaskInvocations));
        Row("  of which Lambda (Accounting)", (r, _) => N(r.Accounting.LambdaInvocations));
        Row("  of which SNS / EventBridge integrations", (r, _) => N(r.Accounting.ServiceIntegrationCalls));
        Row("Lambda requests (incl. EventBridge → RotationEventRouter)", (r, _) => N(r.LambdaRequests));
        Row("functions used (cold starts priced)", (r, _) => N(r.ColdStarts));
        Row("Lambda GB-seconds billed (assumed durations)", (r, _) => RotationCost.GbSeconds(r, options).ToString("0.000", Invariant));
        Row("SNS publishes / custom events put", (r, _) => $"{N(r.SnsPublishes)} / {N(r.CustomEvents)}");
        Row("DynamoDB writes / reads", (r, _) => $"{N(r.DynamoWrites)} / {N(r.DynamoReads)}");
        Row("Secrets Manager API calls", (r, _) => N(r.SecretsManagerCalls));
        Row("PCS / EC2 / SSM API calls (no charge)", (r, _) => $"{N(r.Calls("pcs"))} / {N(r.Calls("ec2"))} / {N(r.Calls("ssm"))}");
        Row("virtual duration", (r, _) => Duration(r.VirtualDuration));
        Row("wall time to run it (emulated, in process)", (r, _) => $"{r.WallTime.TotalSeconds.ToString("0.00", Invariant)} s");
        Row("median handler wall time (in process, loopback)", (r, _) => $"{r.MedianHandlerWall.TotalMilliseconds.ToString("0.0", Invariant)} ms");
        Row("Step Functions", (_, c) => Usd(c.StepFunctions));
        Row("Lambda requests", (_, c) => Usd(c.LambdaRequests));
        Row("Lambda duration", (_, c) => Usd(c.LambdaDuration));
        Row("SNS + EventBridge", (_, c) => Usd(c.Sns + c.EventBridge));
        Row("DynamoDB + Secrets Manager", (_, c) => Usd(c.DynamoDb + c.SecretsManager));
        Row("**total per execution**", (_, c) => $"**{Usd(c.Total)}**");
        Row("**per 1,000 executions**", (_, c) => $"**${(c.Total * 1000).ToString("0.00", Invariant)}**");
        Row("Step Functions share of the total", (_, c) => $"{(c.StepFunctions / c.Total * 100).ToString("0", Invariant)} %");
        return b.ToString();
    }

    public static string Section(IReadOnlyList<RunResult> runs, RotationOptions options, DateTimeOffset when, string machine)
    {
        var command = "dotnet run -c Release --project benchmarks/Rotation" + (options.CommandLine.Length > 0 ? " -- " + options.CommandLine : "");
        var rotations = runs.Where(r => !r.Case.DryRun).ToList();
        var slowest = rotations.Count > 0 ? rotations.MaxBy(r => r.Invocations.Count)! : runs[0];
        var pessimistic = RotationCost.Of(slowest, options with { BilledMilliseconds = 1000, InitMilliseconds = 1000 });
        var b = new StringBuilder();
        b.AppendLine(SectionStart);
        b.AppendLine("## Rotation cost");
        b.AppendLine();
        b.AppendLine("""
            What one cluster secret rotation costs in AWS charges, counted by `benchmarks/Rotation`: the real
            `statemachines/cluster-secret-rotation.asl.json` and handlers from `template.yaml`, run in the in-process emulator
            (`LocalAws` with `Template` and `ProductFunctions`) on the virtual clock, then priced. Each run is checked before
            its numbers are kept: the execution SUCCEEDED; for a rotation, AWSCURRENT moved, the cluster uses it, no
            AWSPENDING is left, every node group instance running at the start was terminated, every node group is back to
            its exact min/max and ACTIVE, the BYO login node got its SSM command and the lease is gone; for a dry run,
            nothing changed (no mutating call). The benchmark exits 1 otherwise.
            """);
        b.AppendLine();
        b.Append(MarkdownSection.CommandAndUsage(command, RotationOptions.Usage));
        b.AppendLine(Invariant, $"### Results ({when:yyyy-MM-dd HH:mm} UTC)");
        b.AppendLine();
        b.Append(Table(runs, options));
        b.AppendLine();
        b.AppendLine(Invariant, $"""
            The cluster: managed, the login group (static, min = max = 1) plus `compute-i` groups, odd ones static (min = max
            = 2), even ones dynamic (min 0, max 4 + i) with jobs keeping 2 nodes up, so every group has running instances;
            and one BYO login node (SSM agent answering Success). Scale-down: an instance
            takes {options.ScaleDown.TotalMinutes.ToString("0.#", Invariant)} minutes to terminate once its group's max is 0 (`Durations.InstanceShutdown`); node group
            updates take the emulator's default 2 minutes and a Secrets Manager rotation 2 minutes. Machine: {machine}.
            """);
        b.AppendLine();
        var rotationCosts = rotations.Select(r => RotationCost.Of(r, options)).ToList();
        if (rotations.Count > 0)
        {
            var first = rotations[0];
            var last = rotations[^1];
            b.AppendLine(Invariant, $"""
                Reading: a rotation costs about {Usd(rotationCosts.Max(c => c.Total))} (${(rotationCosts.Max(c => c.Total) * 1000).ToString("0.00", Invariant)} per 1,000), {(rotationCosts.Min(c => c.StepFunctions / c.Total) * 100).ToString("0", Invariant)} % or more of it Step Functions
                state transitions; a dry run about {Usd(RotationCost.Of(runs.First(r => r.Case.DryRun), options).Total)}. From {first.Case.NodeGroups} to {last.Case.NodeGroups} node groups the transitions
                ({N(first.Accounting.StateTransitions)} → {N(last.Accounting.StateTransitions)}) and Lambda requests ({N(first.LambdaRequests)} → {N(last.LambdaRequests)}) {(first.Accounting.StateTransitions == last.Accounting.StateTransitions && first.LambdaRequests == last.LambdaRequests ? "do not change" : "change little")}: each handler
                covers every group in one invocation and the groups drain in parallel, so only the free PCS calls grow
                ({N(first.Calls("pcs"))} → {N(last.Calls("pcs"))}). The cost is set by the number of polls, i.e. by how long the drain takes
                (the polling back-off: 15, 30, 60, then 120 s), not by the cluster's size.
                """);
            b.AppendLine();
        }
        b.AppendLine("### Assumptions");
        b.AppendLine();
        var memory = string.Join(", ", runs.SelectMany(r => r.Invocations).Select(i => i.MemoryMb).Distinct().Order().Select(m => $"{m} MB"));
        b.AppendLine(Invariant, $"""
            - **Lambda billed duration**: the emulator runs handlers in process, so Lambda's billed duration is assumed, not
              measured: **{options.BilledMilliseconds.ToString("0.#", Invariant)} ms per invocation** (`--billed-ms`) and **{options.InitMilliseconds.ToString("0.#", Invariant)} ms of INIT per cold start**
              (`--init-ms`; custom runtimes are billed for INIT), one cold start per function used in the execution (Step Functions
              polls at most every 2 minutes, well within an execution environment's idle lifetime). Grounds: the Native AOT
              bootstrap starts in 18 ms and answers a warm invocation in 0.3 ms here (section above, a handler with no AWS call);
              a rotation handler makes one to a few AWS API calls, tens of ms each in a Region. Memory: the template's
              `MemorySize` ({memory}, Globals), x86_64. Lambda duration is linear in the assumption: at a pessimistic 1,000 ms
              per invocation and per INIT, the {slowest.Case.Name} would cost {Usd(pessimistic.LambdaDuration)} in Lambda duration, {Usd(pessimistic.Total)} in all.
            - **Free tiers ignored** (4,000 state transitions and 1M Lambda requests a month would make a few rotations free).
            - **Counted from the emulator**: state transitions, Task and Lambda invocations come from the Step Functions
              service's per-execution `Accounting` (retries included); the other calls from the emulator's call log between
              StartExecution and the end. RotationEventRouter's invocation (EventBridge delivering Secrets Manager's
              RotationSucceeded event) is a Lambda request outside the execution, so it is in "Lambda requests" but not in
              the Accounting row. Scheduled RotationReconciler runs are a fixed monthly cost (hourly by default: 720 a month),
              not per rotation, and are left out.
            - **Not priced**: PCS, EC2 Describe*, SSM Run Command calls (no charge per call), Secrets Manager events (AWS
              service events are free on the default bus), SNS deliveries to subscribers (by protocol), CloudWatch Logs and
              X-Ray (the template enables tracing), KMS, and the on-node `get-secret-value` of each login node (one Secrets
              Manager call each). The real cost of a rotation is the cluster's downtime, not these charges.
            - `benchmarks/ColdStart` regenerates this whole file: run `benchmarks/Rotation` after it to put this section back.
            - **Wall time** is the time this machine took to drive the emulated execution (handlers, clients over loopback,
              the virtual clock skipping the waits); it says the benchmark and the workflow tests are fast, not how long a
              rotation takes in AWS (the virtual duration does).
            """);
        b.AppendLine();
        b.AppendLine("""
            Prices: us-east-1, on-demand list prices, checked on 2026-11-26 as the last column says. The official pages were
            not all reachable from here: * marks a figure taken from list prices as known and matching secondary sources
            (pricing guides of 2026), not read on the AWS page itself. Re-check before quoting.
            """);
        b.AppendLine();
        b.Append(Prices.Table());
        b.AppendLine(SectionEnd);
        return b.ToString();
    }

    /// <summary>Replaces the section between the markers, else appends it; the rest of the file is kept as is.</summary>
    public static string Merge(string? existing, string section) => MarkdownSection.Merge(existing, section, SectionStart, SectionEnd);

    private static string N(int value) => value.ToString("N0", Invariant);

    private static string Usd(double value) => "$" + value.ToString(value >= 0.01 ? "0.0000" : value >= 0.0001 ? "0.000000" : "0.0000000", Invariant);

    private static string Duration(TimeSpan span) => span.TotalHours >= 1 ? span.ToString(@"h\:mm\:ss", Invariant) : span.ToString(@"m\:ss", Invariant);
}

using System.Text;
using PcsAutomation.Benchmarks.Rotation;
using PcsAutomation.LocalAws.Faults;

namespace PcsAutomation.Benchmarks.Rollout;

internal static partial class Report
{
    /// <summary>The whole "Fleet roll-out" section, between its markers.</summary>
    public static string Section(FleetResult run, DateTimeOffset when, Machine machine)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(machine);
        var options = run.Options;
        var command = "dotnet run -c Release --project benchmarks/Rollout" + (options.CommandLine.Length > 0 ? " -- " + options.CommandLine : "");
        var pcs = RateLimits.PcsAssumed;
        var b = new StringBuilder();
        b.AppendLine(SectionStart);
        b.AppendLine("## Fleet roll-out");
        b.AppendLine();
        b.AppendLine("""
            The AMI roll-out (`statemachines/node-group-update.asl.json`, issue 10) of a whole fleet at once, under request-rate
            limits: `benchmarks/Rollout` starts one execution per cluster at the same virtual instant, in the in-process emulator
            (`LocalAws` with `template.yaml` and `ProductFunctions`, every handler real) on the virtual clock, with EC2's
            documented token buckets and an assumed PCS rate, and measures how long the fleet takes against the least it could
            take, whether every cluster really ended on the new image, and what it costs. It exits 1 when a target is missed.
            """);
        b.AppendLine();
        b.Append(MarkdownSection.CommandAndUsage(command, RolloutOptions.Usage));
        b.AppendLine(Invariant, $"""
            The numbers below come from `{command}` on {when:yyyy-MM-dd HH:mm} UTC, load average (1/5/15 min)
            {machine.LoadAtStart} at the start and {machine.LoadAtEnd} at the end ({machine.Cores} cores, {machine.Runtime}; the
            machine is shared with other builds: the load moves the wall time only, never the virtual times or the counts).
            """);
        b.AppendLine();
        b.Append(Tables(run));
        b.AppendLine();
        b.AppendLine("| target | measured | met |");
        b.AppendLine("| --- | ---: | :---: |");
        foreach (var (name, measured, met) in Targets(run)) b.AppendLine(Invariant, $"| {name} | {measured} | {(met ? "yes" : "**no**")} |");
        b.AppendLine();
        b.AppendLine(Invariant, $$"""
            **The fleet.** {{run.Clusters.Count}} managed Slurm 25.05 clusters in one account and Region (PCS allows 5 by default,
            adjustable, guide L10901), each with {{run.GroupsPerCluster}} node groups, PCS's maximum (guide L10921): a login group
            (1 node, in no queue, updated last) and compute groups in one queue. Every third compute group takes its image from a
            launch template of its own (the roll-out creates a new version with the new ImageId, then updates the group to it),
            the others from `amiId`; about half the compute groups run 1 or 2 static nodes, the others none (dynamic, no jobs),
            alternating and shifted from one cluster to the next. Every cluster goes from one AMI to another with
            `{"clusterId": ..., "target": {"amiId": ...}, "batchSize": {{options.BatchSize}}}` (replacement verified, the default).
            Emulator timings (`World/Durations.cs`): a node group update takes 2 minutes, an instance boots in 90 s and
            shuts down in 60 s; PCS replaces an idle marked node as soon as the group is ACTIVE again.
            """);
        b.AppendLine();
        b.AppendLine(Invariant, $"""
            **Rates.** EC2 as documented (https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html): a token bucket
            per API action per account and Region, non-mutating actions 100 tokens refilled at 20 a second,
            `CreateLaunchTemplateVersion` 100 and 5, other mutating actions 50 and 5. PCS documents no request rate: the user
            guide's quotas (L10895-10936) list clusters, concurrent cluster creation, node groups and queues per cluster and the
            EC2 quotas that affect PCS, no rate, and the API model only says what ThrottlingException means. **Assumed**
            (`RateLimits.PcsAssumed`, emulator README): every PCS read (Get*, List*) shares one bucket of
            {Num(pcs[0].Capacity)} tokens refilled at {Num(pcs[0].RefillPerSecond)} a second, every PCS write one of
            {Num(pcs[1].Capacity)} refilled at {Num(pcs[1].RefillPerSecond)} a second, per account and Region: ECS's documented
            "Cluster read actions" and "Cluster modify actions"
            (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/request-throttling.html), the nearest AWS control plane
            of clusters that publishes its rates, with one bucket per class rather than per action, so stricter than EC2. A
            throttled PCS call gets `ThrottlingException` (429, `retryAfterSeconds`), an EC2 one `RequestLimitExceeded` (503),
            and changes nothing. The product's clients retry as the SDKs' standard mode does (3 attempts), then the state
            machine retries the step (`lambda-retry`).
            """);
        b.AppendLine();
        b.AppendLine(Invariant, $$"""
            **What is compared.** *Fleet completion*: from the {{run.Clusters.Count}} StartExecution calls (one virtual instant, every node booted)
            to the last execution's end, in virtual time. *Critical path*: the least one cluster can take with no rate limit
            at all, computed from the plan each execution followed (`CriticalPath.cs`): a group is ready when PCS has finished
            its update (2 min) and, if it runs nodes, its replacements have run the 15-minute registration settle
            (`ReplacementVerification.RegistrationSettle`: PCS shuts down a node that has not registered after 600 s, guide
            L11100-11107); it is done at the first CheckNodeGroupUpdated at or after that, the checks coming at 0, 15, 45, 105,
            225 s and every 120 s after (`PollingBackoff`), so 3:45 for a group without nodes and 17:45 with; the cluster is the
            canary alone, then the others in the plan's order with at most batchSize at once, each starting when one finishes
            (the Map's MaxConcurrency). That is at most the canary plus ceil((groups - 1) / batchSize) full waves (the row
            below it). A run with `--no-rate-limit` takes exactly the critical path (checked by the smoke test in
            `tests/PcsAutomation.Workflows.Tests/Benchmarks/Rollout`). *Rate bound*: for each bucket, the requests the run needed (those
            let through) minus the bucket's capacity, divided by its refill rate: the least time the bucket takes to let them
            through. *Throttle-bound minimum*: the larger of the slowest cluster's critical path and the tightest bucket's
            bound. *Ratio*: fleet completion over that minimum (target ≤ 1.2). *Failures*: executions not SUCCEEDED, or any
            group not ACTIVE on the new image with every running node on it, or a lease left behind (target 0).
            """);
        b.AppendLine();
        b.AppendLine(Invariant, $"""
            **Reading.** {Reading(run)}
            """);
        b.AppendLine();
        b.AppendLine("""
            **Found by this benchmark, and fixed.** (1) The emulator moved its clock while a States engine thread was still
            between two states and every Lambda invocation slept on a back-off: a Wait or retry timer entered then was timed
            from an instant the clock had left, and a stale engine timer made `RunUntilAsync` fail ("keeps finding work due ...
            without moving on") in one of the first three fleet runs; the clock now holds until the engine's own threads park
            (`LocalAws.Time.cs`, test `RunUntilAsync_FunctionAsleepWhileAnotherBranchStillRuns_ClockHoldsUntilTheBranchParks`).
            (2) The product's step retrier gave a throttled call about a minute (6 retries up to 60 s apart): with batchSize 5
            some runs rolled a cluster back, with batchSize 9 11 to 14 of the 20 clusters (5 runs), because 20 × batchSize
            UpdateComputeNodeGroup calls at once need about that many seconds of the write bucket. `lambda-retry` now allows 10 retries up to 120 s apart
            (test `Rollout_PcsWritesRateLimitedBelowTheBatch_EachUpdateWaitsItsTurnAndTheRolloutCompletes`).
            """);
        b.AppendLine();
        b.AppendLine("### Assumptions of the cost");
        b.AppendLine();
        var memory = string.Join(", ", run.Invocations.Select(i => i.MemoryMb).Distinct().Order().Select(m => $"{m} MB"));
        b.AppendLine(Invariant, $"""
            - Step Functions Standard transitions and Lambda invocations are counted by the emulator (per-execution `Accounting`,
              retries included); DynamoDB, SNS and EventBridge calls from its call log; priced at the rotation benchmark's cited
              prices (`benchmarks/Rotation/Prices.cs`, table below). PCS and EC2 calls have no charge per call.
            - Lambda billed duration is assumed, as for the rotation: **{Num(options.BilledMilliseconds)} ms per invocation**
              (`--billed-ms`) and **{Num(options.InitMilliseconds)} ms of INIT per execution environment** (`--init-ms`), at the
              template's `MemorySize` ({memory}), x86_64. Execution environments: for each function the most invocations in
              flight at once during the run ({run.Clusters.Count} executions start together, so their first steps need as many environments);
              Step Functions polls at most every 2 minutes, so environments stay warm between polls.
            - Free tiers ignored. Not priced: CloudWatch Logs and X-Ray, KMS, and the instances themselves (the roll-out's real
              cost is the replacement nodes' boot and the jobs' wait, not these charges).
            - Wall time is how long this machine took to emulate the run (in process, the virtual clock skipping the waits);
              it says the benchmark is cheap to run, not how long a roll-out takes in AWS (the virtual times do).
            """);
        b.AppendLine();
        b.Append(Prices.Table());
        b.AppendLine(SectionEnd);
        return b.ToString();
    }

    private static string Reading(FleetResult run)
    {
        var tight = run.Tightest;
        var bound = tight is null
            ? "No rate limit was applied, so the minimum is the critical path."
            : $"The tightest bucket ({tight.Name}) needs {Duration(tight.Bound)} for the {N(tight.Needed)} requests the run made through it, "
              + $"far less than the {Duration(run.CriticalPath)} critical path: a fleet roll-out is bound by PCS's update and the nodes' "
              + "replacement and registration settle, not by the request rates, and the minimum is the critical path.";
        if (tight is not null && tight.Bound >= run.CriticalPath)
            bound = $"The tightest bucket ({tight.Name}) needs {Duration(tight.Bound)}, more than the {Duration(run.CriticalPath)} critical path: this run is rate-bound.";
        var throttled = run.Throttled("pcs") + run.Throttled("ec2");
        return $"{bound} The fleet took {Duration(run.Completion)}, {Ratio(run)} that minimum: the {N(throttled)} throttled requests "
               + "(the plans of all clusters at the start, and the UpdateComputeNodeGroup calls of batches that start together) and their "
               + $"retries ended it {Duration(run.Completion - run.CriticalPath)} after the critical path. A group costs about "
               + $"{Num(run.StateTransitions / (double)run.Groups)} state transitions, most of them replacement checks (Task, Choice, Wait: "
               + "a group with nodes is checked 12 times in its 17:45, one without 5 times), so its cost is almost all Step Functions.";
    }
}

using System.Diagnostics;
using System.Text.Json.Nodes;
using PcsAutomation.LocalAws;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.ProductHost;
using PcsAutomation.States.Runtime;
using Emulator = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Benchmarks.Jobs;

/// <summary>One run: JobMix's jobs left alone (<see cref="Baseline"/>), or with the rotation under <see cref="Policy"/>.</summary>
internal sealed record JobsCase(string? Policy)
{
    public static readonly JobsCase Baseline = new((string?)null);

    public static readonly IReadOnlyList<JobsCase> Policies = [new("requeue"), new("drain"), new("reserve")];

    public string Name => Policy ?? "no rotation";
}

/// <summary>What the rotation did (null in the baseline): its status, the wait and when it ended.</summary>
internal sealed record RotationFacts(
    string Status, string? Error, string? Action, string? WaitOutcome, DateTimeOffset Started, DateTimeOffset? ProtectionApplied,
    DateTimeOffset? ScaleDownStarted, DateTimeOffset? Ended);

/// <summary>One run's observations; <see cref="Problems"/> is empty when it went as it must.</summary>
internal sealed record CaseResult(
    JobsCase Case, IReadOnlyList<JobRecord> Jobs, RotationFacts? Rotation, DateTimeOffset? ProtectionSince, double HeldNodeHours,
    DateTimeOffset WindowOpensAt, TimeSpan WallTime, IReadOnlyList<string> Problems);

/// <summary>
/// Runs JobMix's cluster in the in-process emulator with <c>template.yaml</c> and the product's handlers
/// (<see cref="ProductFunctions"/>), as tests/PcsAutomation.Workflows.Tests do, with nothing started by hand: the
/// scheduled <c>RotationReconciler</c> sends the advance notice (its lead time, 24 hours by default: at the first run
/// here) and starts the rotation when the window opens, as in production; under <c>reserve</c> the notice creates the
/// window's MAINT reservation. The clock runs until every job has completed.
/// </summary>
internal static class JobsRun
{
    /// <summary>Saturday 12:00 UTC: JobMix's window (sun:02:00-sun:06:00) opens 14 hours later, in the middle of its 24 hours of arrivals.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset WindowOpensAt = new(2026, 1, 11, 2, 0, 0, TimeSpan.Zero);

    /// <summary>Enough for the jobs held by a rotation to finish after it: JobMix's jobs all end by +48 h when left alone.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromHours(96);

    private const string RotationStateMachine = "ClusterSecretRotationStateMachine";

    /// <summary>The stack in the clusters' VPC, so the job protection functions may reach slurmrestd (template parameters).</summary>
    private static readonly Dictionary<string, string> RestNetwork = new(StringComparer.Ordinal)
    {
        ["SlurmRestSubnetIds"] = "subnet-0123456789abcdef0",
        ["SlurmRestSecurityGroupId"] = "sg-0123456789abcdef0",
    };

    public static async Task<CaseResult> RunAsync(JobsCase run, JobsOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        await using var functions = new ProductFunctions();
        await using var aws = await Emulator.StartAsync(new LocalAwsOptions
        {
            Scenario = Scenario(run, options).Build(),
            Template = options.TemplatePath,
            FunctionFactory = functions.Create,
            StartTime = Start,
            TemplateParameters = RestNetwork,
        });
        var problems = new List<string>();
        var ledger = new JobLedger(JobMix.ClusterName);
        var rotationArn = aws.Template!.StateMachineArns[RotationStateMachine];
        Execution? Rotation() => aws.StepFunctions.Engine.Executions.FirstOrDefault(e => e.StateMachineArn == rotationArn);

        var watch = Stopwatch.StartNew();
        var done = await aws.RunUntilAsync(() =>
        {
            var rotation = Rotation();
            ledger.Look(aws, aws.Clock.GetUtcNow(), rotation?.VisitedStates.Contains("ScaleNodeGroupsToZero") == true);
            return ledger.AllCompleted(options.Jobs) && (run.Policy is null || rotation?.IsComplete == true);
        }, Bound);
        watch.Stop();

        var executions = aws.StepFunctions.Engine.Executions.Where(e => e.StateMachineArn == rotationArn).ToList();
        if (!done)
            problems.Add($"after {Bound.TotalHours} h of virtual time: {ledger.Records().Count(j => j.End is null)} of {options.Jobs} jobs not completed, rotation {Rotation()?.Status.ToApiName() ?? "never started"}");
        if (run.Policy is null && executions.Count > 0)
            problems.Add($"{executions.Count} rotation(s) ran in the run without one");
        if (run.Policy is not null && executions.Count != 1)
            problems.Add($"{executions.Count} rotations ran, expected the window's one");
        var facts = run.Policy is not null && executions.Count > 0 ? Facts(executions[0]) : null;
        if (facts is not null) CheckRotation(run, options, facts, problems);
        if (run.Policy == "reserve") CheckReserve(ledger, problems);
        return new CaseResult(run, ledger.Records(), facts, ledger.ProtectionSince, ledger.HeldNodeHours, WindowOpensAt, watch.Elapsed, problems);
    }

    /// <summary>JobMix's cluster; with a policy, due for a rotation in its first window (max age 1 hour) under that policy.</summary>
    internal static Scenario Scenario(JobsCase run, JobsOptions options)
    {
        var scenario = JobMix.Build(jobs: options.Jobs, seed: options.Seed);
        if (run.Policy is null) return scenario;
        scenario = scenario
            .WithTag("pcs-automation:rotation-max-age", "1h")
            .WithTag("pcs-automation:job-policy", run.Policy)
            .WithTag("pcs-automation:job-policy-on-timeout", options.OnTimeout);
        return options.Timeout is { } timeout ? scenario.WithTag("pcs-automation:job-policy-timeout", timeout) : scenario;
    }

    private static RotationFacts Facts(Execution execution)
    {
        var output = execution.Output is { } text ? JsonNode.Parse(text) : null;
        return new RotationFacts(
            execution.Status.ToApiName(), execution.Error, (string?)output?["jobs"]?["action"], (string?)output?["jobWait"]?["outcome"], execution.StartDate,
            Entered(execution, "JobsNeedWait"), Entered(execution, "ScaleNodeGroupsToZero"), execution.StopDate);
    }

    /// <summary>When the execution first entered <paramref name="state"/> (its history), or null.</summary>
    private static DateTimeOffset? Entered(Execution execution, string state) =>
        execution.History.FirstOrDefault(h => h.Type.EndsWith("StateEntered", StringComparison.Ordinal) && (string?)h.Details?["name"] == state)?.Timestamp;

    private static void CheckRotation(JobsCase run, JobsOptions options, RotationFacts facts, List<string> problems)
    {
        var abortedAsAsked = options.OnTimeout == "abort" && facts.Error == "Automation.JobWaitTimeout";
        if (facts.Status != "SUCCEEDED" && !abortedAsAsked)
            problems.Add($"rotation {facts.Status}: {facts.Error}");
        if (facts.Action != run.Policy && facts.Status == "SUCCEEDED")
            problems.Add($"the rotation applied {facts.Action ?? "nothing"}, not {run.Policy} (the plan fell back)");
        if (facts.Started < WindowOpensAt)
            problems.Add($"the rotation started at {facts.Started:u}, before the window");
    }

    /// <summary>
    /// reserve's promise: once the reservation exists, no job starts that would still run when the window opens, so no
    /// run that started after it may be ended by the scale-down. A run started before it may (the wait's timeout).
    /// </summary>
    private static void CheckReserve(JobLedger ledger, List<string> problems)
    {
        if (ledger.ProtectionSince is not { } since)
        {
            problems.Add("reserve: no reservation was ever seen");
            return;
        }
        var unprotected = ledger.Records().Where(j => j.KilledRuns.Any(r => r.Start >= since)).ToList();
        if (unprotected.Count > 0)
            problems.Add($"reserve: {unprotected.Count} job(s) started after the reservation ({since:u}) and were requeued: "
                + string.Join(", ", unprotected.Take(10).Select(j => j.JobId)));
    }
}

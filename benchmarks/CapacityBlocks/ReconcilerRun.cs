using System.Diagnostics;
using System.Text.Json.Nodes;
using PcsAutomation.LocalAws;
using PcsAutomation.LocalAws.Faults;
using PcsAutomation.LocalAws.Lambda;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.ProductHost;
using Emulator = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Benchmarks.CapacityBlocks;

/// <summary>
/// Runs <c>CapacityBlockReconcilerFunction</c> from template.yaml on its own schedule (rate(15 minutes)) over the
/// benchmark fleet (<see cref="CapacityFleet"/>), in the in-process emulator with the product's handler
/// (<see cref="ProductFunctions"/>) under EC2's documented and PCS's assumed request-rate limits, and records each run's
/// calls and durations. The expiries it starts go to a stand-in state machine (one Pass state) instead of the template's,
/// so the counts are the reconciler's alone: the expiry's own cost is its workflow's, not its trigger's.
/// </summary>
internal static class ReconcilerRun
{
    public const string Function = "CapacityBlockReconcilerFunction";
    private const string StandIn = "capacity-block-expiry-stand-in";
    private const string StateMachineVariable = "PCS_AUTOMATION_CAPACITY_BLOCK_EXPIRY_STATE_MACHINE_ARN";

    public static async Task<ReconcilerResult> RunAsync(ReconcilerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var functions = new ProductFunctions();
        var runs = new List<ReconcilerRunRecord>();
        var problems = new List<string>();
        Emulator? started = null;
        TemplateFunction? reconciler = null;
        var standInArn = $"arn:aws:states:us-east-1:111122223333:stateMachine:{StandIn}";
        await using var aws = await Emulator.StartAsync(new LocalAwsOptions
        {
            Scenario = CapacityFleet.Build(options.Clusters, options.Groups, options.Blocks).Build(),
            Template = options.TemplatePath,
            FunctionFactory = function =>
            {
                if (function.LogicalId != Function)
                    return Silent();
                reconciler = function with
                {
                    Environment = StandInFor(function.Environment, standInArn),
                    Variables = StandInFor(function.Variables, standInArn),
                };
                return Measured(() => started!, functions.Create(reconciler)!, runs);
            },
        });
        started = aws;
        aws.Call("states", "CreateStateMachine", new JsonObject
        {
            ["name"] = StandIn,
            ["definition"] = """{"StartAt":"Done","States":{"Done":{"Type":"Pass","End":true}}}""",
            ["roleArn"] = $"arn:aws:iam::{aws.Options.AccountId}:role/sfn",
        });
        if (options.RateLimited)
            aws.Faults.Limit([.. RateLimits.PcsAssumed, .. RateLimits.Ec2Documented]);

        var watch = Stopwatch.StartNew();
        if (!await aws.RunUntilAsync(() => Count(runs) >= options.Runs, TimeSpan.FromMinutes(15 * (options.Runs + 1))))
            problems.Add($"only {Count(runs)} of {options.Runs} scheduled runs in {15 * (options.Runs + 1)} virtual minutes");
        watch.Stop();

        var expected = ExpiriesDue(options);
        lock (runs)
        {
            foreach (var run in runs.Where(r => r.Error is not null)) problems.Add($"run {run.Index}: {run.Error}");
            if (runs.Count > 0 && runs[0].Started != expected) problems.Add($"the first run started {runs[0].Started} expiries, not the {expected} blocks in use within the horizon");
            foreach (var run in runs.Skip(1).Where(r => r.Started != 0 || r.AlreadyStarted != expected))
                problems.Add($"run {run.Index} started {run.Started} and found {run.AlreadyStarted} started, not 0 and {expected}");
            var executions = aws.StepFunctions.Engine.Executions.Count(e => e.StateMachineArn == standInArn);
            if (executions != expected) problems.Add($"{executions} expiry executions, not {expected}");
            return new ReconcilerResult(options, reconciler?.MemoryMb ?? 0, reconciler?.Timeout ?? TimeSpan.Zero, expected, [.. runs], problems, watch.Elapsed);
        }
    }

    /// <summary>The blocks the fleet's groups use (each block serves several clusters): all of them end within the 24-hour horizon.</summary>
    public static int ExpiriesDue(ReconcilerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Enumerable.Range(0, options.Clusters).SelectMany(c => Enumerable.Range(0, 2).Select(g => CapacityFleet.BlockOf(c, g, options.Blocks))).Distinct().Count();
    }

    private static int Count(List<ReconcilerRunRecord> runs)
    {
        lock (runs) return runs.Count;
    }

    private static Dictionary<string, string> StandInFor(IReadOnlyDictionary<string, string> variables, string arn) =>
        new Dictionary<string, string>(variables, StringComparer.Ordinal) { [StateMachineVariable] = arn };

    /// <summary>
    /// The other functions answer without a call (the rotation's and the AMI's hourly reconcilers fire in the window too),
    /// so every call in a run's window is the reconciler's.
    /// </summary>
    private static Func<string, CancellationToken, Task<string>> Silent() => (_, _) => Task.FromResult("{}");

    private static Func<string, CancellationToken, Task<string>> Measured(
        Func<Emulator> aws, Func<string, CancellationToken, Task<string>> handler, List<ReconcilerRunRecord> runs) =>
        async (payload, cancellationToken) =>
        {
            var emulator = aws();
            var callsBefore = emulator.Calls.Calls.Count;
            var start = emulator.Clock.GetUtcNow();
            var wall = Stopwatch.StartNew();
            string? output = null, error = null;
            try
            {
                output = await handler(payload, cancellationToken).ConfigureAwait(false);
                return output;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                error = $"{e.GetType().Name}: {e.Message}";
                throw;
            }
            finally
            {
                wall.Stop();
                var calls = emulator.Calls.Calls.Skip(callsBefore)
                    .GroupBy(c => $"{c.Service}:{c.Operation}{(c.ErrorCode is null ? "" : c.ErrorCode is "ThrottlingException" or "RequestLimitExceeded" ? " throttled" : " " + c.ErrorCode)}", StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
                var result = output is null ? null : JsonNode.Parse(output);
                lock (runs)
                {
                    runs.Add(new ReconcilerRunRecord(runs.Count + 1, start, emulator.Clock.GetUtcNow() - start, wall.Elapsed, calls,
                        result?["started"]?.AsArray().Count ?? 0, result?["alreadyStarted"]?.AsArray().Count ?? 0,
                        result?["clustersRead"]?.GetValue<bool>() ?? false, error));
                }
            }
        };
}

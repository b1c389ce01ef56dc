using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using PcsAutomation.LocalAws;
using PcsAutomation.LocalAws.Faults;
using PcsAutomation.LocalAws.Lambda;
using PcsAutomation.LocalAws.World;
using PcsAutomation.ProductHost;
using PcsAutomation.States.Runtime;
using Emulator = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Benchmarks.Rollout;

/// <summary>
/// Runs <c>NodeGroupUpdateStateMachine</c> from template.yaml once per cluster of <see cref="FleetScenario"/>, all
/// started at the same virtual instant, in the in-process emulator with the product's handlers
/// (<see cref="ProductFunctions"/>) as tests/PcsAutomation.Workflows.Tests do, under EC2's documented and PCS's assumed
/// request-rate limits (<see cref="RateLimits"/>); then checks every cluster and counts.
/// </summary>
internal static class FleetRun
{
    private const string StateMachine = "NodeGroupUpdateStateMachine";

    public static async Task<FleetResult> RunAsync(RolloutOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var invocations = new ConcurrentQueue<Invocation>();
        var concurrency = new Concurrency();
        await using var functions = new ProductFunctions();
        var durations = new Durations();
        await using var aws = await Emulator.StartAsync(new LocalAwsOptions
        {
            Scenario = FleetScenario.Build(options.Clusters, options.Groups).Build(),
            Template = options.TemplatePath,
            FunctionFactory = function => Measured(function, functions.Create(function), invocations, concurrency),
            // Sunday 02:00 UTC, as the other workflow runs
            StartTime = new DateTimeOffset(2026, 1, 11, 2, 0, 0, TimeSpan.Zero),
            Durations = durations,
        });

        // Every static group's nodes booted, so replacements are real; then the limits, so setup costs no tokens.
        if (!await aws.RunUntilAsync(() => Unbooted(aws) == 0, TimeSpan.FromMinutes(15)))
            throw new InvalidOperationException($"{Unbooted(aws)} node group instance(s) not running before the start");
        var instancesUp = InstancesUp(aws);
        if (options.RateLimited)
            aws.Faults.Limit([.. RateLimits.PcsAssumed, .. RateLimits.Ec2Documented]);
        var callsBefore = aws.Calls.Calls.Count;
        concurrency.Reset();
        var invocationsBefore = invocations.Count;

        var watch = Stopwatch.StartNew();
        var start = aws.Clock.GetUtcNow();
        var arns = Enumerable.Range(0, options.Clusters).Select(c => Start(aws, FleetScenario.ClusterName(c), options.BatchSize)).ToList();
        var executions = arns.Select(aws.StepFunctions.Engine.GetExecution).ToList();
        using (var progress = new CancellationTokenSource())
        {
            var printing = Progress(aws, executions, start, watch, progress.Token);
            if (!await aws.RunUntilAsync(() => executions.All(e => e.IsComplete), TimeSpan.FromHours(12)))
                throw new InvalidOperationException($"{executions.Count(e => !e.IsComplete)} roll-out(s) still running after 12 hours of virtual time");
            watch.Stop();
            await progress.CancelAsync();
            await printing;
        }

        var calls = aws.Calls.Calls.Skip(callsBefore).Where(c => !(c.Service == "states" && c.Operation == "StartExecution")).ToList();
        var outcomes = executions.Select((e, c) => Outcome(aws, e, FleetScenario.ClusterName(c), start)).ToList();
        var completion = executions.Max(e => e.StopDate ?? aws.Clock.GetUtcNow()) - start;
        var plans = outcomes.Select(o => o.Plan).Where(p => p.Count > 0).ToList();
        return new FleetResult(
            options, outcomes, options.Groups, completion,
            plans.Count == 0 ? TimeSpan.Zero : plans.Max(p => CriticalPath.Cluster(p, options.BatchSize, durations)),
            plans.Count == 0 ? TimeSpan.Zero : plans.Max(p => CriticalPath.Waves(p, options.BatchSize, durations)),
            Buckets(aws, calls),
            calls.GroupBy(c => $"{c.Service}:{c.Operation}{(c.ErrorCode is null ? "" : c.ErrorCode == "ThrottlingException" ? " throttled" : " failed " + c.ErrorCode)}", StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            [.. invocations.Skip(invocationsBefore)],
            concurrency.Peaks,
            watch.Elapsed,
            instancesUp);
    }

    /// <summary>Every 10 s of wall time: how far the run is (a fleet takes a minute or more to emulate).</summary>
    private static async Task Progress(Emulator aws, List<Execution> executions, DateTimeOffset start, Stopwatch watch, CancellationToken cancellation)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellation))
                Console.WriteLine($"  [{watch.Elapsed.TotalSeconds:0} s] virtual +{aws.Clock.GetUtcNow() - start:h\\:mm\\:ss}, {executions.Count(e => e.IsComplete)}/{executions.Count} done, "
                    + $"{aws.Calls.Calls.Count} calls, {aws.Activity.Busy} invocation(s) in flight ({aws.Clock.SleepingFunctionTimers} asleep on the clock, "
                    + $"{aws.Activity.AwaitedByEngine} for Task states), {aws.StepFunctions.Engine.RunningThreads} engine thread(s) running");
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static string Start(Emulator aws, string cluster, int batchSize) =>
        aws.Call("states", "StartExecution", new JsonObject
        {
            ["stateMachineArn"] = aws.Template!.StateMachineArns[StateMachine],
            ["name"] = $"rollout-{cluster}",
            ["input"] = new JsonObject
            {
                ["clusterId"] = aws.State.FindCluster(cluster)!.Id,
                ["target"] = new JsonObject { ["amiId"] = FleetScenario.NewAmi },
                ["batchSize"] = batchSize,
            }.ToJsonString(),
        })["executionArn"]!.GetValue<string>();

    /// <summary>The execution's outcome and plan; then every group must be on the new image with every running node on it, and the lease gone.</summary>
    private static ClusterOutcome Outcome(Emulator aws, Execution execution, string cluster, DateTimeOffset start)
    {
        var problems = new List<string>();
        if (execution.Status != ExecutionStatus.Succeeded)
            problems.Add($"{cluster}: execution {execution.Status}: {execution.Error}: {execution.Cause}");
        var plan = new List<PlannedGroup>();
        if (execution.Output is { } text && JsonNode.Parse(text)?["plan"] is JsonObject planned)
        {
            if (planned["canary"] is JsonObject canary) plan.Add(Planned(canary));
            plan.AddRange((planned["remaining"]?.AsArray() ?? []).OfType<JsonObject>().Select(Planned));
        }
        var onNewImage = 0;
        string clusterId;
        lock (aws.State.Gate)
        {
            var pcs = aws.State.FindCluster(cluster)!;
            clusterId = pcs.Id;
            foreach (var group in pcs.NodeGroups.Values.OrderBy(g => g.Name, StringComparer.Ordinal))
            {
                var image = aws.Pcs.Fleet.ImageOf(group);
                var stale = aws.State.InstancesOfNodeGroup(group.Id).Where(i => i.State == Ec2Instance.Running && i.ImageId != FleetScenario.NewAmi).ToList();
                if (image == FleetScenario.NewAmi && stale.Count == 0 && group.Status == "ACTIVE") onNewImage++;
                else problems.Add($"{cluster}/{group.Name}: {group.Status}, image {image}, {stale.Count} running node(s) on another image");
            }
        }
        if (plan.Count != aws.State.FindCluster(cluster)!.NodeGroups.Count)
            problems.Add($"{cluster}: the plan lists {plan.Count} group(s) to update");
        var lease = aws.Call("dynamodb", "GetItem", new JsonObject
        {
            ["TableName"] = aws.Template!.Tables.Single().Name,
            ["Key"] = new JsonObject { ["clusterId"] = new JsonObject { ["S"] = clusterId } },
            ["ConsistentRead"] = true,
        })["Item"];
        if (lease is not null) problems.Add($"{cluster}: the lease was not released");
        return new ClusterOutcome(cluster, execution.Status.ToString(), execution.Error, aws.StepFunctions.Accounting(execution.Arn),
            (execution.StopDate ?? aws.Clock.GetUtcNow()) - start, plan, onNewImage, problems);
    }

    private static PlannedGroup Planned(JsonObject group) =>
        new(group["nodeGroupName"]!.GetValue<string>(), group["instancesRunning"]?.GetValue<int>() ?? 0);

    /// <summary>Each bucket the limits made, with the calls it let through and those it throttled (the limiter's own matching rule).</summary>
    private static List<BucketUse> Buckets(Emulator aws, IReadOnlyList<LocalAws.Host.CallRecord> calls)
    {
        var buckets = new Dictionary<(RateLimitRule Rule, string? Operation), (int Needed, int Throttled)>();
        foreach (var call in calls)
        {
            var service = aws.Services.FindBySigningName(call.Service);
            if (service is null) continue;
            var rule = aws.Faults.Limits.FirstOrDefault(l => l.Matches(call.Service, call.Operation, service.IsReadOnly(call.Operation)));
            if (rule is null) continue;
            var key = (rule, rule.BucketPerOperation ? call.Operation : null);
            var (needed, throttled) = buckets.GetValueOrDefault(key);
            buckets[key] = call.ErrorCode == "ThrottlingException" ? (needed, throttled + 1) : (needed + 1, throttled);
        }
        return [.. buckets.Select(b => new BucketUse(b.Key.Operation is null ? b.Key.Rule.Name : $"EC2 {b.Key.Operation}",
                b.Key.Rule.Capacity, b.Key.Rule.RefillPerSecond, b.Value.Needed, b.Value.Throttled))
            .OrderByDescending(b => b.Bound)];
    }

    private static Func<string, CancellationToken, Task<string>>? Measured(
        TemplateFunction function, Func<string, CancellationToken, Task<string>>? handler, ConcurrentQueue<Invocation> invocations, Concurrency concurrency)
    {
        if (handler is null) return null;
        return async (payload, cancellationToken) =>
        {
            var started = Stopwatch.GetTimestamp();
            concurrency.Enter(function.LogicalId);
            try
            {
                return await handler(payload, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                concurrency.Leave(function.LogicalId);
                invocations.Enqueue(new Invocation(function.LogicalId, function.MemoryMb, Stopwatch.GetElapsedTime(started)));
            }
        };
    }

    private static int InstancesUp(Emulator aws)
    {
        lock (aws.State.Gate) return aws.State.Instances.Values.Count(i => i.State == Ec2Instance.Running);
    }

    /// <summary>Node group instances short of what each group should run.</summary>
    private static int Unbooted(Emulator aws)
    {
        lock (aws.State.Gate)
        {
            return aws.State.Clusters.Values.SelectMany(c => c.NodeGroups.Values).Sum(g =>
                Math.Max(0, Math.Min(g.MaxInstanceCount, Math.Max(g.MinInstanceCount, g.Demand)) - aws.State.InstancesOfNodeGroup(g.Id).Count(i => i.State == Ec2Instance.Running)));
        }
    }

    /// <summary>Invocations in flight per function and the most at once: the execution environments Lambda would have started (cold starts).</summary>
    private sealed class Concurrency
    {
        private readonly Dictionary<string, (int Now, int Peak)> counts = new(StringComparer.Ordinal);
        private readonly Lock gate = new();

        public IReadOnlyDictionary<string, int> Peaks
        {
            get { lock (gate) return counts.ToDictionary(c => c.Key, c => c.Value.Peak, StringComparer.Ordinal); }
        }

        public void Enter(string function)
        {
            lock (gate)
            {
                var (now, peak) = counts.GetValueOrDefault(function);
                counts[function] = (now + 1, Math.Max(peak, now + 1));
            }
        }

        public void Leave(string function)
        {
            lock (gate)
            {
                var (now, peak) = counts.GetValueOrDefault(function);
                counts[function] = (now - 1, peak);
            }
        }

        public void Reset()
        {
            lock (gate) counts.Clear();
        }
    }
}

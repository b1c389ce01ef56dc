using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using PcsAutomation.LocalAws;
using PcsAutomation.LocalAws.Lambda;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.SecretsManager;
using PcsAutomation.LocalAws.StepFunctions;
using PcsAutomation.LocalAws.World;
using PcsAutomation.ProductHost;
using PcsAutomation.States.Runtime;
using Emulator = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Benchmarks.Rotation;

/// <summary>One measured run: a rotation (or a dry run) of a cluster with <paramref name="NodeGroups"/> node groups, login group included.</summary>
internal sealed record RunCase(int NodeGroups, bool DryRun)
{
    public string Name => $"{(DryRun ? "dry run" : "rotation")}, {NodeGroups} node group{(NodeGroups == 1 ? "" : "s")}";
}

/// <summary>One Lambda invocation as the benchmark saw it around the product's in-process handler.</summary>
internal sealed record Invocation(string LogicalId, int MemoryMb, TimeSpan Wall);

/// <summary>What one run did, counted; <see cref="Problems"/> is empty when the run was correct.</summary>
internal sealed record RunResult(
    RunCase Case,
    int InstancesUp,
    ExecutionAccounting Accounting,
    IReadOnlyList<Invocation> Invocations,
    IReadOnlyDictionary<string, int> ApiCalls,
    TimeSpan VirtualDuration,
    TimeSpan WallTime,
    int ScheduledInvocationsLeftOut,
    IReadOnlyList<string> Problems)
{
    public int LambdaRequests => Invocations.Count;

    /// <summary>One execution environment per function used (Step Functions polls at most every 2 minutes, so they stay warm).</summary>
    public int ColdStarts => Invocations.Select(i => i.LogicalId).Distinct(StringComparer.Ordinal).Count();

    public int Calls(string service, params string[] operations) =>
        ApiCalls.Where(c => c.Key.StartsWith(service + ":", StringComparison.Ordinal)
                            && (operations.Length == 0 || operations.Contains(c.Key[(service.Length + 1)..].Split(' ')[0], StringComparer.Ordinal)))
            .Sum(c => c.Value);

    public int SnsPublishes => Calls("sns", "Publish");

    /// <summary>PutEvents calls; the state machine puts one entry per call.</summary>
    public int CustomEvents => Calls("events", "PutEvents");

    public int DynamoReads => Calls("dynamodb", "GetItem", "Query", "Scan", "BatchGetItem");

    public int DynamoWrites => Calls("dynamodb", "PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem");

    public int SecretsManagerCalls => Calls("secretsmanager");

    public TimeSpan MedianHandlerWall =>
        Invocations.Count == 0 ? TimeSpan.Zero : Invocations.Select(i => i.Wall).Order().ElementAt(Invocations.Count / 2);
}

/// <summary>
/// Runs <c>ClusterSecretRotationStateMachine</c> from template.yaml in the in-process emulator with the product's
/// handlers (<see cref="ProductFunctions"/>), as tests/PcsAutomation.Workflows.Tests do, and checks the outcome.
/// </summary>
internal static class RotationRun
{
    private const string StateMachine = "ClusterSecretRotationStateMachine";
    private const string Cluster = "bench";
    private const string ByoLogin = "bench-byo-login";

    /// <summary>Scheduled, not part of a rotation: its invocations during a run are reported, not priced.</summary>
    private const string Reconciler = "RotationReconcilerFunction";

    public static async Task<RunResult> RunAsync(RunCase run, RotationOptions options)
    {
        var invocations = new ConcurrentQueue<Invocation>();
        await using var functions = new ProductFunctions();
        var emulatorOptions = new LocalAwsOptions
        {
            Scenario = ClusterScenario(run.NodeGroups).Build(),
            Template = options.TemplatePath,
            FunctionFactory = function => Measured(function, functions.Create(function), invocations),
            // Sunday 02:00 UTC: inside the default maintenance window
            StartTime = new DateTimeOffset(2026, 1, 11, 2, 0, 0, TimeSpan.Zero),
            // The scale-down being measured: once max is 0, PCS terminates the instances and each takes this long to go.
            Durations = new Durations { InstanceShutdown = options.ScaleDown },
        };
        await using var aws = await Emulator.StartAsync(emulatorOptions);
        var problems = new List<string>();

        // Every node group's instances booted, so the drain really waits for running nodes.
        if (!await aws.RunUntilAsync(() => Unbooted(aws) == 0, TimeSpan.FromMinutes(15)))
            problems.Add($"{Unbooted(aws)} node group instance(s) not running before the start");
        var before = World(aws);
        var callsBefore = aws.Calls.Calls.Count;
        var trailBefore = aws.CloudTrail.Events.Count;
        var invocationsBefore = invocations.Count;

        var watch = Stopwatch.StartNew();
        var arn = aws.Call("states", "StartExecution", new JsonObject
        {
            ["stateMachineArn"] = aws.Template!.StateMachineArns[StateMachine],
            ["input"] = new JsonObject { ["clusterId"] = before.ClusterId, ["dryRun"] = run.DryRun }.ToJsonString(),
        })["executionArn"]!.GetValue<string>();
        var execution = await aws.StepFunctions.RunExecutionToCompletionAsync(arn, TimeSpan.FromHours(8));
        watch.Stop();

        var accounting = aws.StepFunctions.Accounting(arn);
        var calls = aws.Calls.Calls.Skip(callsBefore)
            .Where(c => !(c.Service == "states" && c.Operation == "StartExecution"))
            .GroupBy(c => $"{c.Service}:{c.Operation}{(c.ErrorCode is null ? "" : " failed " + c.ErrorCode)}", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var during = invocations.Skip(invocationsBefore).ToList();
        var priced = during.Where(i => i.LogicalId != Reconciler).ToList();
        var after = World(aws);
        var mutating = aws.CloudTrail.Events.Skip(trailBefore)
            .Where(e => (string?)e["detail-type"] == "AWS API Call via CloudTrail")
            .Select(e => $"{e["detail"]!["eventSource"]}:{e["detail"]!["eventName"]}")
            .Where(call => call != "states.amazonaws.com:StartExecution")
            .ToList();

        if (execution.Status != ExecutionStatus.Succeeded)
            problems.Add($"execution {execution.Status}: {execution.Error}: {execution.Cause}");
        if (!execution.VisitedStates.Contains("PlanRotation"))
            problems.Add("PlanRotation never ran");
        if (run.DryRun)
            CheckDryRun(execution, run, before, after, mutating, problems);
        else
            CheckRotation(aws, execution, options, before, after, problems);
        foreach (var failed in calls.Where(c => c.Key.Contains(" failed ", StringComparison.Ordinal)))
            problems.Add($"{failed.Value} call(s) {failed.Key}");
        var lambdaFromExecution = priced.Count(i => i.LogicalId != "RotationEventRouterFunction");
        if (lambdaFromExecution != accounting.LambdaInvocations)
            problems.Add($"{lambdaFromExecution} Lambda invocations seen from the execution, Accounting says {accounting.LambdaInvocations}");

        return new RunResult(run, before.InstancesUp.Count, accounting, priced, calls,
            (execution.StopDate ?? aws.Clock.GetUtcNow()) - execution.StartDate, watch.Elapsed,
            during.Count - priced.Count, problems);
    }

    /// <summary>
    /// A managed cluster: the login group (static 1/1), then compute groups alternately static (min = max = 2) and dynamic
    /// (min 0, max 4 + i) with jobs keeping 2 nodes up (PCS refuses mixed groups, 0 &lt; min &lt; max: guide L2550), so every
    /// group has running instances; and a BYO login node.
    /// </summary>
    private static Scenario ClusterScenario(int nodeGroups)
    {
        var scenario = Scenario.Cluster(Cluster)
            .WithTag("pcs-automation:managed", "true")
            .WithNodeGroup("login", min: 1, max: 1);
        for (var i = 1; i < nodeGroups; i++)
            scenario = i % 2 == 1
                ? scenario.WithNodeGroup($"compute-{i}", min: 2, max: 2)
                : scenario.WithNodeGroup($"compute-{i}", min: 0, max: 4 + i, demand: 2);
        return scenario
            .WithInstance(ByoLogin, ("pcs-automation:byo-login-for", Cluster))
            .WithSsmAgent(ByoLogin, "success");
    }

    private static Func<string, CancellationToken, Task<string>>? Measured(
        TemplateFunction function, Func<string, CancellationToken, Task<string>>? handler, ConcurrentQueue<Invocation> invocations)
    {
        if (handler is null) return null;
        return async (payload, cancellationToken) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                return await handler(payload, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                invocations.Enqueue(new Invocation(function.LogicalId, function.MemoryMb, Stopwatch.GetElapsedTime(started)));
            }
        };
    }

    private sealed record WorldState(
        string ClusterId,
        IReadOnlyDictionary<string, (int Min, int Max, string Status)> Scaling,
        IReadOnlyList<string> InstancesUp,
        string CurrentVersion,
        IReadOnlyList<string> PendingVersions,
        string ClusterSecretVersion,
        int SsmCommands);

    private static WorldState World(Emulator aws)
    {
        lock (aws.State.Gate)
        {
            var cluster = aws.State.FindCluster(Cluster)!;
            var secret = aws.State.Secrets[cluster.SecretArn];
            return new WorldState(
                cluster.Id,
                cluster.NodeGroups.Values.ToDictionary(g => g.Name, g => (g.MinInstanceCount, g.MaxInstanceCount, g.Status), StringComparer.Ordinal),
                [.. cluster.NodeGroups.Values.SelectMany(g => aws.State.InstancesOfNodeGroup(g.Id)).Where(i => i.State == Ec2Instance.Running).Select(i => i.InstanceId)],
                secret.VersionWithStage(Secret.Current)!.VersionId,
                [.. secret.Versions.Where(v => v.Stages.Contains(Secret.Pending)).Select(v => v.VersionId)],
                cluster.SecretVersion,
                aws.State.Commands.Count);
        }
    }

    /// <summary>Node group instances short of what each group should run (its min, or its jobs' demand up to max).</summary>
    private static int Unbooted(Emulator aws)
    {
        lock (aws.State.Gate)
        {
            return aws.State.FindCluster(Cluster)!.NodeGroups.Values.Sum(g =>
                Math.Max(0, Math.Min(g.MaxInstanceCount, Math.Max(g.MinInstanceCount, g.Demand)) - aws.State.InstancesOfNodeGroup(g.Id).Count(i => i.State == Ec2Instance.Running)));
        }
    }

    private static void CheckRotation(Emulator aws, Execution execution, RotationOptions options, WorldState before, WorldState after, List<string> problems)
    {
        if (after.CurrentVersion == before.CurrentVersion) problems.Add("AWSCURRENT did not move");
        if (after.ClusterSecretVersion != after.CurrentVersion) problems.Add("the cluster does not use the new AWSCURRENT");
        if (after.PendingVersions.Count > 0) problems.Add("an AWSPENDING version is left");
        var expected = before.Scaling.ToDictionary(g => g.Key, g => (g.Value.Min, g.Value.Max, "ACTIVE"), StringComparer.Ordinal);
        foreach (var (name, scaling) in expected)
            if (!after.Scaling.TryGetValue(name, out var now) || now != scaling)
                problems.Add($"node group {name} is {now} after the rotation, was {scaling}");
        if (before.InstancesUp.Count == 0) problems.Add("no node group instance was running before the rotation");
        lock (aws.State.Gate)
        {
            var notDrained = before.InstancesUp.Count(id => aws.State.Instances[id].State != Ec2Instance.Terminated);
            if (notDrained > 0) problems.Add($"{notDrained} instance(s) running before the rotation were never terminated");
        }
        if (after.SsmCommands != before.SsmCommands + 1) problems.Add($"{after.SsmCommands - before.SsmCommands} SSM commands sent, expected 1 (the BYO login node)");
        if (execution.StopDate - execution.StartDate < options.ScaleDown)
            problems.Add($"the rotation took {execution.StopDate - execution.StartDate}, less than the {options.ScaleDown} scale-down");
        var lease = aws.Call("dynamodb", "GetItem", new JsonObject
        {
            ["TableName"] = aws.Template!.Tables.Single().Name,
            ["Key"] = new JsonObject { ["clusterId"] = new JsonObject { ["S"] = before.ClusterId } },
            ["ConsistentRead"] = true,
        })["Item"];
        if (lease is not null) problems.Add("the cluster lease was not released");
    }

    private static void CheckDryRun(Execution execution, RunCase run, WorldState before, WorldState after, List<string> mutating, List<string> problems)
    {
        var output = execution.Output is { } text ? JsonNode.Parse(text) : null;
        if (output?["dryRun"]?.GetValue<bool>() != true) problems.Add("the output is not a dry-run report");
        if (output?["plan"]?["nodeGroups"]?.AsArray().Count != run.NodeGroups) problems.Add($"the plan does not list the {run.NodeGroups} node groups");
        if (mutating.Count > 0) problems.Add($"the dry run changed something: {string.Join(", ", mutating)}");
        if (after.CurrentVersion != before.CurrentVersion || after.SsmCommands != before.SsmCommands
            || !after.Scaling.OrderBy(g => g.Key, StringComparer.Ordinal).SequenceEqual(before.Scaling.OrderBy(g => g.Key, StringComparer.Ordinal)))
            problems.Add("the dry run changed the world");
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.States.Runtime;
using PcsAutomation.Workflows.Tests.Support;

namespace PcsAutomation.Workflows.Tests.CapacityBlocks;

/// <summary>
/// The expiry's scenario and what its tests read. The emulator's <c>capacity</c> scenario (tools/PcsAutomation.LocalAws
/// README): cluster <c>capacity</c> with <c>gpu-a</c> on <see cref="ExpiringA"/> (ends +3h; tag successor-block
/// <see cref="SuccessorA"/>, scheduled from +2h), <c>gpu-b</c> on <see cref="ExpiringB"/> (+4h; fallback
/// <c>gpu-b-fallback</c>), <c>gpu-c</c> on <see cref="ExpiringC"/> (+5h; no policy, queue gpu-c also has <c>cpu</c>),
/// <c>gpu-d</c> on <see cref="ExpiringD"/> (+6h; the only group of queue gpu-d) and <c>shared-a</c>; cluster
/// <c>capacity-2</c> with <c>shared-b</c>, both on <see cref="Shared"/> (+8h). Every time is the virtual clock's.
/// </summary>
internal static class ExpiryStack
{
    public const string ExpiringA = "cr-0a000000000000001";
    public const string SuccessorA = "cr-0a000000000000002";
    public const string ExpiringB = "cr-0b000000000000001";
    public const string ExpiringC = "cr-0c000000000000001";
    public const string ExpiringD = "cr-0d000000000000001";
    public const string Shared = "cr-0e000000000000001";
    public const string Machine = DeployedStack.CapacityBlockExpiryStateMachine;

    /// <summary>EC2's rule: every action is done 15 minutes before it begins to terminate the block's instances (issue 11).</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(15);

    public static ScenarioDefinition Capacity() => ScenarioFile.Load("capacity");

    /// <summary>The expiry's triggers (the 15-minute reconciler, EC2's event rule): off unless a test asks, so a test's execution is the only one.</summary>
    public static readonly IReadOnlyList<string> Triggers = ["CapacityBlockReconcilerFunction", "CapacityBlockEventRouterFunction"];

    /// <summary>
    /// The stack on <paramref name="scenario"/> (default <see cref="Capacity"/>), five minutes in: the jobs' nodes run. The
    /// triggers (<see cref="Triggers"/>) answer without doing anything unless <paramref name="triggers"/>: every block of the
    /// scenario ends within their horizon, so they would start every block's expiry beside the test's.
    /// </summary>
    public static async Task<DeployedStack> StartAsync(
        ScenarioDefinition? scenario = null, IReadOnlyDictionary<string, Func<FunctionCall, FunctionCall>>? wrap = null, IReadOnlyDictionary<string, string>? parameters = null,
        bool triggers = false)
    {
        var wraps = new Dictionary<string, Func<FunctionCall, FunctionCall>>(wrap ?? new Dictionary<string, Func<FunctionCall, FunctionCall>>(), StringComparer.Ordinal);
        if (!triggers)
        {
            foreach (var trigger in Triggers)
                wraps.TryAdd(trigger, _ => (_, _) => Task.FromResult("{}"));
        }
        var stack = await DeployedStack.StartAsync(scenario ?? Capacity(), wraps, parameters: parameters);
        stack.Aws.Clock.Advance(TimeSpan.FromMinutes(5));
        return stack;
    }

    /// <summary>StartExecution as a trigger would: EC2's end date now, the name from the reservation and that date (expire), unless <paramref name="name"/>.</summary>
    public static string Start(DeployedStack stack, string reservationId, string mode = "expire", bool? dryRun = null, string? endDate = null, string? name = null)
    {
        var end = EndOf(stack, reservationId);
        var input = new JsonObject
        {
            ["reservationId"] = reservationId,
            ["endDate"] = endDate ?? Iso(end),
            ["mode"] = mode,
            ["trigger"] = "test",
        };
        if (dryRun is { } d) input["dryRun"] = d;
        var request = new JsonObject
        {
            ["stateMachineArn"] = stack.Aws.Template!.StateMachineArns[Machine],
            ["input"] = input.ToJsonString(),
        };
        if (name is not null)
            request["name"] = name;
        else if (mode == "expire")
            request["name"] = ExecutionNames.ForCapacityBlock(WorkflowKind.CapacityBlockExpiry, reservationId, end);
        return stack.Aws.Call("states", "StartExecution", request)["executionArn"]!.GetValue<string>();
    }

    public static DateTimeOffset EndOf(DeployedStack stack, string reservationId)
    {
        lock (stack.Aws.State.Gate) return stack.Aws.State.CapacityBlocks[reservationId].EndDate;
    }

    /// <summary>When EC2 begins to terminate the block's instances (end - 30 min).</summary>
    public static DateTimeOffset TerminationOf(DeployedStack stack, string reservationId)
    {
        lock (stack.Aws.State.Gate) return stack.Aws.State.CapacityBlocks[reservationId].TerminationStart;
    }

    /// <summary>A group's min, max, status and the reservation its launch template version names, from the emulator's world.</summary>
    public static (int Min, int Max, string Status, string? Reservation) Group(DeployedStack stack, string cluster, string group)
    {
        lock (stack.Aws.State.Gate)
        {
            var g = stack.Aws.State.FindCluster(cluster)!.FindNodeGroup(group)!;
            var version = stack.Aws.State.LaunchTemplates.GetValueOrDefault(g.LaunchTemplateId)?.Find(g.LaunchTemplateVersion);
            return (g.MinInstanceCount, g.MaxInstanceCount, g.Status, version?.CapacityReservationId);
        }
    }

    /// <summary>A group's min, max and status.</summary>
    public static (int Min, int Max, string Status) Scaling(DeployedStack stack, string cluster, string group)
    {
        var (min, max, status, _) = Group(stack, cluster, group);
        return (min, max, status);
    }

    /// <summary>The launch template id and version a group names.</summary>
    public static string TemplateVersion(DeployedStack stack, string cluster, string group)
    {
        lock (stack.Aws.State.Gate)
        {
            var g = stack.Aws.State.FindCluster(cluster)!.FindNodeGroup(group)!;
            return $"{g.LaunchTemplateId}:{g.LaunchTemplateVersion}";
        }
    }

    /// <summary>The names of a queue's node groups, in PCS's order.</summary>
    public static IReadOnlyList<string> Queue(DeployedStack stack, string cluster, string queue)
    {
        lock (stack.Aws.State.Gate)
        {
            var c = stack.Aws.State.FindCluster(cluster)!;
            return [.. c.Queues.Values.Single(q => q.Name == queue).ComputeNodeGroupIds.Select(id => c.NodeGroups[id].Name)];
        }
    }

    /// <summary>Every write the stack made to PCS and EC2 (CloudTrail), with its time.</summary>
    public static IReadOnlyList<(DateTimeOffset Time, string Call)> Writes(DeployedStack stack) =>
        [.. stack.Aws.CloudTrail.Events
            .Select(e => e["detail"]!)
            .Where(d => (string?)d["eventSource"] is "pcs.amazonaws.com" or "ec2.amazonaws.com")
            .Select(d => (DateTimeOffset.Parse((string)d["eventTime"]!, CultureInfo.InvariantCulture), $"{d["eventName"]} {d["requestParameters"]?["computeNodeGroupIdentifier"] ?? d["requestParameters"]?["queueIdentifier"] ?? d["requestParameters"]?["LaunchTemplateId"]}"))];

    /// <summary>Records the virtual time each cluster's report starts: every action of that cluster is verified in effect by then.</summary>
    public static Dictionary<string, Func<FunctionCall, FunctionCall>> RecordReports(List<(string ClusterId, DateTimeOffset At)> reports, Func<DateTimeOffset> now) =>
        new(StringComparer.Ordinal)
        {
            ["ReportCapacityBlockExpiryFunction"] = next => async (payload, token) =>
            {
                lock (reports) reports.Add(((string)JsonNode.Parse(payload)!["clusterId"]!, now()));
                return await next(payload, token);
            },
        };

    /// <summary>Moves the virtual clock (and everything waiting on it) to <paramref name="at"/>.</summary>
    public static async Task RunUntilAsync(DeployedStack stack, DateTimeOffset at) =>
        Assert.True(await stack.Aws.RunUntilAsync(() => stack.Aws.Clock.GetUtcNow() >= at, at - stack.Aws.Clock.GetUtcNow() + TimeSpan.FromMinutes(1)), $"the clock did not reach {at:O}");

    /// <summary>A lease item written directly, as another workflow's AcquireClusterLease would leave it.</summary>
    public static void PutLease(DeployedStack stack, string clusterId, string owner, TimeSpan expiresIn, string workflow = "cluster-secret-rotation")
    {
        var now = stack.Aws.Clock.GetUtcNow();
        stack.Aws.Call("dynamodb", "PutItem", new JsonObject
        {
            ["TableName"] = stack.LeaseTable,
            ["Item"] = new JsonObject
            {
                ["clusterId"] = new JsonObject { ["S"] = clusterId },
                ["owner"] = new JsonObject { ["S"] = owner },
                ["workflow"] = new JsonObject { ["S"] = workflow },
                ["expiresAt"] = new JsonObject { ["N"] = (now + expiresIn).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
                ["acquiredAt"] = new JsonObject { ["S"] = now.ToString("O", CultureInfo.InvariantCulture) },
            },
        });
    }

    /// <summary>The parked record of <paramref name="group"/> for <paramref name="reservationId"/> (its JSON), or null.</summary>
    public static JsonNode? Parked(DeployedStack stack, string cluster, string group, string reservationId)
    {
        string id;
        lock (stack.Aws.State.Gate) id = stack.Aws.State.FindCluster(cluster)!.FindNodeGroup(group)!.Id;
        return stack.Lease($"parked#{id}#{reservationId}")?["parked"]?["S"] is { } json ? JsonNode.Parse(json.GetValue<string>()) : null;
    }

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static void AssertSucceeded(Execution execution) =>
        Assert.True(execution.Status == ExecutionStatus.Succeeded, $"{execution.Status} {execution.Error}: {execution.Cause}");

    /// <summary>The SNS messages whose subject starts with <paramref name="prefix"/>.</summary>
    public static IReadOnlyList<string> Messages(DeployedStack stack, string prefix) =>
        [.. stack.TopicMessages.Where(m => m.Subject?.StartsWith(prefix, StringComparison.Ordinal) == true).Select(m => $"{m.Subject}\n{m.Message}")];
}

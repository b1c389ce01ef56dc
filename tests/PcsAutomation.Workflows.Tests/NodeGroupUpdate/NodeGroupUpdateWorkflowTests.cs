using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Faults;
using PcsAutomation.States.Runtime;
using PcsAutomation.Workflows.Tests.Support;
using static PcsAutomation.Workflows.Tests.NodeGroupUpdate.RolloutStack;

namespace PcsAutomation.Workflows.Tests.NodeGroupUpdate;

/// <summary>
/// Issue 10's roll-out checks, end to end: the deployed template in the emulator, statemachines/node-group-update.asl.json
/// and the real handlers, on the virtual clock. The emulator marks a group's instances when its image changes and
/// replaces each once idle; instances of a broken image never register and shut down 600 s after running.
/// </summary>
public class NodeGroupUpdateWorkflowTests
{
    [Fact]
    public async Task Rollout_CanaryThenTheOthersAtMostBatchSizeAtOnce_EveryGroupRunsTheNewImage()
    {
        var events = new List<string>();
        var namesById = new Dictionary<string, string>(StringComparer.Ordinal);
        var inFlight = new HashSet<string>(StringComparer.Ordinal);
        var mostAtOnce = 0;
        var wrap = new Dictionary<string, Func<FunctionCall, FunctionCall>>(StringComparer.Ordinal)
        {
            ["UpdateNodeGroupFunction"] = next => async (payload, token) =>
            {
                var response = await next(payload, token);
                var group = (string)JsonNode.Parse(payload)!["group"]!["nodeGroupName"]!;
                lock (events)
                {
                    events.Add("update " + group);
                    inFlight.Add(group);
                    mostAtOnce = Math.Max(mostAtOnce, inFlight.Count);
                }
                return response;
            },
            ["CheckNodeGroupUpdatedFunction"] = next => async (payload, token) =>
            {
                var response = await next(payload, token);
                if ((bool)JsonNode.Parse(response)!["done"]!)
                {
                    lock (events)
                    {
                        var done = namesById[(string)JsonNode.Parse(payload)!["nodeGroupId"]!];
                        events.Add("verified " + done);
                        inFlight.Remove(done);
                    }
                }
                return response;
            },
        };
        await using var stack = await StartAsync(Cluster(), wrap);
        lock (stack.Aws.State.Gate)
        {
            foreach (var group in stack.Aws.State.FindCluster("demo")!.NodeGroups.Values)
                namesById[group.Id] = group.Name;
        }
        var templateBefore = Groups(stack)["compute-b"].TemplateVersion;

        var execution = await stack.RunAsync(Start(stack, batchSize: 2));

        AssertSucceeded(execution);
        // compute-b and compute-c run one node each: the canary is compute-b by name; then the others, two at a time.
        Assert.Equal(["update compute-b", "verified compute-b"], events.Take(2));
        Assert.Equal(2, mostAtOnce);
        Assert.Equal(["compute-a", "compute-b", "compute-c", "compute-d", "login"], events.Where(e => e.StartsWith("update", StringComparison.Ordinal)).Select(e => e[7..]).Order(StringComparer.Ordinal));
        var groups = Groups(stack);
        Assert.All(groups.Where(g => g.Key != "compute-b"), g => Assert.Equal((NewAmi, "ACTIVE"), (g.Value.AmiId, g.Value.Status)));
        Assert.Null(groups["compute-b"].AmiId); // its image stays in its launch template: a new version with the new ImageId
        Assert.NotEqual(templateBefore, groups["compute-b"].TemplateVersion);
        Assert.All(["compute-a", "compute-b", "compute-c", "login"], g => Assert.All(Instances(stack, g), i => Assert.Equal(NewAmi, i.ImageId)));
        Assert.Equal(["PCS Node Group Update Started", "PCS Node Group Update Succeeded"], stack.NotificationTypes);
        Assert.Contains("compute-b now " + NewAmi, stack.TopicMessages[^1].Message, StringComparison.Ordinal);
        Assert.Null(stack.Lease(stack.ClusterId("demo")));
        stack.AssertNoSecretValueAnywhere();
    }

    [Fact]
    public async Task Rollout_BrokenImageOnTheCanary_StopsRollsBackAndReports()
    {
        await using var stack = await StartAsync(Cluster(newAmiBroken: true));
        var before = Groups(stack);

        var execution = await stack.RunAsync(Start(stack, batchSize: 2));

        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        Assert.Equal("NodeGroupUnhealthy", execution.Error);
        Assert.Contains("compute-b", execution.Cause, StringComparison.Ordinal);
        var after = Groups(stack);
        Assert.Equal(before["compute-b"].TemplateVersion, after["compute-b"].TemplateVersion); // back to its saved version
        Assert.All(after.Where(g => g.Key != "compute-b"), g => Assert.Equal(OldAmi, g.Value.AmiId)); // never touched
        Assert.All(after, g => Assert.Equal("ACTIVE", g.Value.Status));
        Assert.Equal(["PCS Node Group Update Started", "PCS Node Group Update Failed"], stack.NotificationTypes);
        Assert.Contains("Rolled back", stack.TopicMessages[^1].Message, StringComparison.Ordinal);
        Assert.Null(stack.Lease(stack.ClusterId("demo")));
    }

    [Fact]
    public async Task Rollout_BusyGroup_ItsNodesAreReplacedOnlyOnceTheirJobsEnd()
    {
        await using var stack = await StartAsync(Cluster());
        var jobsEnd = stack.Aws.Clock.GetUtcNow() + TimeSpan.FromHours(1);
        lock (stack.Aws.State.Gate)
        {
            foreach (var instance in Instances(stack, "compute-a"))
                instance.BusyUntil = jobsEnd;
        }
        var busyNodes = Instances(stack, "compute-a").Select(i => i.InstanceId).ToList();

        var execution = await stack.RunAsync(Start(stack, canary: "compute-c", batchSize: 4));

        AssertSucceeded(execution);
        Assert.All(Instances(stack, "compute-a"), i => Assert.True(i.ImageId == NewAmi && i.LaunchTime >= jobsEnd, $"{i.InstanceId} {i.ImageId} launched {i.LaunchTime:O}"));
        Assert.Empty(Instances(stack, "compute-a").Select(i => i.InstanceId).Intersect(busyNodes));
        Assert.True(stack.Aws.Clock.GetUtcNow() >= jobsEnd);
    }

    [Fact]
    public async Task Rollout_ReplacementMarked_StopsAtActiveWhileBusyNodesStillRunTheOldImage()
    {
        await using var stack = await StartAsync(Cluster());
        lock (stack.Aws.State.Gate)
        {
            foreach (var instance in Instances(stack, "compute-a"))
                instance.BusyUntil = stack.Aws.Clock.GetUtcNow() + TimeSpan.FromHours(6);
        }

        var execution = await stack.RunAsync(Start(stack, batchSize: 4, replacement: "marked"));

        AssertSucceeded(execution);
        Assert.Equal(NewAmi, Groups(stack)["compute-a"].AmiId);
        Assert.All(Instances(stack, "compute-a"), i => Assert.Equal(OldAmi, i.ImageId)); // marked, replaced once idle (guide L2667)
    }

    [Fact]
    public async Task Rollout_ThrottlingOnPcsAndEc2_StillCompletes()
    {
        await using var stack = await StartAsync(Cluster());
        var arn = Start(stack, batchSize: 2);
        foreach (var service in new[] { "pcs", "ec2", "dynamodb" })
            stack.Aws.Faults.Add(new FaultRule(service) { ThrottleRate = 0.3 });

        var execution = await stack.RunAsync(arn);
        // The test's own reads below go through the emulator too: without this, a throttled GetItem of the lease fails
        // the assertion itself (seen in about one run in three once more functions call AWS during the roll-out).
        stack.Aws.Faults.Clear();

        AssertSucceeded(execution);
        Assert.All(Groups(stack).Where(g => g.Key != "compute-b"), g => Assert.Equal(NewAmi, g.Value.AmiId));
        Assert.Contains(stack.Aws.Calls.Calls, c => c.ErrorCode == "ThrottlingException");
        Assert.Null(stack.Lease(stack.ClusterId("demo")));
    }

    [Fact] // benchmarks/Rollout: a batch larger than the PCS write rate lets through must wait its turn, not roll the cluster back
    public async Task Rollout_PcsWritesRateLimitedBelowTheBatch_EachUpdateWaitsItsTurnAndTheRolloutCompletes()
    {
        await using var stack = await StartAsync(Cluster());
        // One PCS write every 45 s: after the canary, the other four groups start at once and need 135 s for their turns.
        stack.Aws.Faults.Limit(new RateLimitRule("pcs", Capacity: 1, RefillPerSecond: 1.0 / 45) { Class = OperationClass.Mutating });

        var execution = await stack.RunAsync(Start(stack, batchSize: 4));

        AssertSucceeded(execution);
        Assert.All(Groups(stack).Where(g => g.Key != "compute-b"), g => Assert.Equal((NewAmi, "ACTIVE"), (g.Value.AmiId, g.Value.Status)));
        Assert.True(stack.Aws.Calls.Of("pcs", "UpdateComputeNodeGroup").Count(c => c.ErrorCode == "ThrottlingException") >= 3, "the writes were not throttled");
        Assert.Equal(["PCS Node Group Update Started", "PCS Node Group Update Succeeded"], stack.NotificationTypes);
        Assert.Null(stack.Lease(stack.ClusterId("demo")));
    }

    [Fact]
    public async Task Rollout_RotationStartedMeanwhile_IsRefusedByTheLeaseAndTheRolloutCompletes()
    {
        DeployedStack? stackRef = null;
        string? rotation = null;
        var wrap = new Dictionary<string, Func<FunctionCall, FunctionCall>>(StringComparer.Ordinal)
        {
            ["UpdateNodeGroupFunction"] = next => async (payload, token) =>
            {
                var response = await next(payload, token);
                rotation ??= stackRef!.Start(stackRef.ClusterId("demo")); // someone starts a rotation while the canary updates
                return response;
            },
        };
        await using var stack = await StartAsync(Cluster(), wrap);
        stackRef = stack;
        var before = stack.Scaling("demo");

        var execution = await stack.RunAsync(Start(stack, batchSize: 2));
        var rotated = await stack.RunAsync(rotation!);

        AssertSucceeded(execution);
        Assert.Equal(ExecutionStatus.Failed, rotated.Status);
        Assert.Equal("LeaseHeld", rotated.Error);
        Assert.Contains("node-group-update", rotated.Cause, StringComparison.Ordinal);
        Assert.Equal(before, stack.Scaling("demo")); // the rotation scaled nothing down
    }

    [Fact]
    public async Task Rollout_DryRun_PlanAndNoMutatingCall()
    {
        await using var stack = await StartAsync(Cluster());
        var before = stack.WorldSnapshot();
        var callsBefore = stack.MutatingCalls.Count;

        var execution = await stack.RunAsync(Start(stack, dryRun: true, batchSize: 2));

        AssertSucceeded(execution);
        var output = JsonNode.Parse(execution.Output!)!;
        Assert.True((bool)output["dryRun"]!);
        Assert.Equal("compute-b", (string?)output["plan"]!["canary"]!["nodeGroupName"]);
        Assert.Equal(4, output["plan"]!["remaining"]!.AsArray().Count);
        Assert.Equal(["states.amazonaws.com:StartExecution"], stack.MutatingCalls.Skip(callsBefore));
        Assert.Equal(before, stack.WorldSnapshot());
        Assert.Empty(stack.NotificationEvents);
        Assert.Null(stack.Lease(stack.ClusterId("demo")));
    }

    [Theory]
    [InlineData("25.05", Slurm2511Ami, "TargetIncompatible", "25.11")]
    [InlineData("24.05", NewAmi, "TargetEndOfLife", "24.05")]
    public async Task Rollout_IncompatibleOrEndOfLifeTarget_RefusedWithTheReasonBeforeAnyChange(string clusterSlurm, string target, string error, string named)
    {
        await using var stack = await StartAsync(Cluster(slurmVersion: clusterSlurm));
        var before = stack.WorldSnapshot();
        var callsBefore = stack.MutatingCalls.Count;

        var execution = await stack.RunAsync(Start(stack, target: new JsonObject { ["amiId"] = target }));

        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        Assert.Equal(error, execution.Error);
        Assert.Contains(named, execution.Cause, StringComparison.Ordinal);
        Assert.Contains("guide L", execution.Cause, StringComparison.Ordinal);
        Assert.Equal(["states.amazonaws.com:StartExecution"], stack.MutatingCalls.Skip(callsBefore));
        Assert.Equal(before, stack.WorldSnapshot());
    }

    [Fact]
    public async Task Rollout_InputWithoutCluster_RefusedNamingTheField()
    {
        await using var stack = await StartAsync(Cluster());

        var execution = await stack.RunAsync(stack.StartExecution(DeployedStack.NodeGroupUpdateStateMachine, new JsonObject { ["target"] = new JsonObject { ["channel"] = "sample" } }));

        Assert.Equal(("InvalidWorkflowInput", ExecutionStatus.Failed), (execution.Error, execution.Status));
        Assert.Contains("clusterId", execution.Cause, StringComparison.Ordinal);
    }
}

using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.States.Runtime;
using PcsAutomation.Workflows.Tests.Support;
using static PcsAutomation.Workflows.Tests.NodeGroupUpdate.RolloutStack;

namespace PcsAutomation.Workflows.Tests.NodeGroupUpdate;

/// <summary>
/// The AMI triggers on the deployed template: the hourly AmiUpdateReconciler schedule starts the roll-out inside the
/// window, and the CloudTrail rule sends every UpdateComputeNodeGroup of that roll-out (its canary, batches and
/// rollback) to NodeGroupAmiAudit, which must recognise them as the lease holder's own calls: no finding, no
/// remediation answering the roll-out.
/// </summary>
public class AmiTriggerWorkflowTests
{
    // Sunday 01:30 UTC: the first hourly run (02:30) falls in the default window (sun:02:00-sun:06:00).
    private static readonly DateTimeOffset BeforeWindow = new(2026, 1, 11, 1, 30, 0, TimeSpan.Zero);

    private static Scenario Tagged(bool newAmiBroken = false) =>
        Cluster(newAmiBroken).WithTag("pcs-automation:ami-channel", "custom:team-pcs-*").WithTag("pcs-automation:ami-update", "apply");

    /// <summary>The stack with the reconciler's and the audit's outputs recorded.</summary>
    private static async Task<(DeployedStack Stack, List<JsonNode> Reconciled, List<JsonNode> Audited)> StartAsync(Scenario scenario)
    {
        var (reconciled, audited) = (new List<JsonNode>(), new List<JsonNode>());
        var wrap = new Dictionary<string, Func<FunctionCall, FunctionCall>>(StringComparer.Ordinal)
        {
            ["AmiUpdateReconcilerFunction"] = Recording(reconciled),
            ["NodeGroupAmiAuditFunction"] = Recording(audited),
        };
        return (await DeployedStack.StartAsync(scenario, wrap, start: BeforeWindow), reconciled, audited);
    }

    private static int Count(List<JsonNode> outputs)
    {
        lock (outputs) return outputs.Count;
    }

    private static Func<FunctionCall, FunctionCall> Recording(List<JsonNode> outputs) => inner => async (payload, token) =>
    {
        var response = await inner(payload, token);
        lock (outputs) outputs.Add(JsonNode.Parse(response)!);
        return response;
    };

    [Fact]
    public async Task ApplyTag_ScheduleRollsOutInTheWindow_TheAuditIgnoresEveryCallOfTheRollout()
    {
        var (stack, reconciled, audited) = await StartAsync(Tagged());
        await using var _ = stack;
        var clusterId = stack.ClusterId("demo");

        Assert.True(await stack.Aws.RunUntilAsync(() => stack.ExecutionsOf(DeployedStack.NodeGroupUpdateStateMachine) is [{ IsComplete: true }], TimeSpan.FromHours(4)),
            "the schedule started no roll-out, or it did not finish");
        var runs = reconciled.Count;
        Assert.True(await stack.Aws.RunUntilAsync(() => Count(reconciled) > runs, TimeSpan.FromHours(1)), "no hourly run after the roll-out");

        var rollout = Assert.Single(stack.ExecutionsOf(DeployedStack.NodeGroupUpdateStateMachine));
        AssertSucceeded(rollout);
        Assert.Equal($"update-{clusterId}-{NewAmi}-20260111T0200", rollout.Name);
        Assert.All(Groups(stack).Where(g => g.Key != "compute-b"), g => Assert.Equal(NewAmi, g.Value.AmiId));
        Assert.Equal(5, audited.Count(a => (string?)a["action"] == "ignored" && ((string?)a["reason"])!.Contains("our own roll-out", StringComparison.Ordinal)));
        Assert.DoesNotContain(audited, a => (string?)a["action"] is "finding" or "rejected");
        Assert.Empty(stack.ExecutionsOf(DeployedStack.NoticeStateMachine));
        Assert.Contains(reconciled, r => r["skipped"]!.AsArray().Any(s => ((string?)s!["reason"])!.Contains("every node group already runs", StringComparison.Ordinal)));
    }

    [Fact] // the broken image's canary is rolled back; neither the rollback nor the next hourly runs start anything again
    public async Task ApplyTag_BrokenImageRolledBack_NoRemediationNorSecondRolloutInTheWindow()
    {
        var (stack, reconciled, audited) = await StartAsync(Tagged(newAmiBroken: true));
        await using var _ = stack;

        Assert.True(await stack.Aws.RunUntilAsync(() => stack.ExecutionsOf(DeployedStack.NodeGroupUpdateStateMachine) is [{ IsComplete: true }], TimeSpan.FromHours(4)),
            "the schedule started no roll-out, or it did not end");
        Assert.True(await stack.Aws.RunUntilAsync(() => Count(reconciled) >= 3, TimeSpan.FromHours(3)), "not three hourly runs in the window"); // 02:30, 03:30, 04:30

        var rollout = Assert.Single(stack.ExecutionsOf(DeployedStack.NodeGroupUpdateStateMachine));
        Assert.Equal(ExecutionStatus.Failed, rollout.Status);
        Assert.All(Groups(stack).Where(g => g.Key != "compute-b"), g => Assert.Equal(OldAmi, g.Value.AmiId));
        var ownCalls = audited.Where(a => ((string?)a["reason"])!.Contains("our own roll-out", StringComparison.Ordinal)).Select(a => (string)a["reason"]!).ToList();
        Assert.Contains(ownCalls, r => r.Contains("the update-node-group step", StringComparison.Ordinal));
        Assert.Contains(ownCalls, r => r.Contains("the rollback step", StringComparison.Ordinal));
        Assert.DoesNotContain(audited, a => (string?)a["action"] is "finding" or "rejected");
        Assert.Empty(stack.ExecutionsOf(DeployedStack.NoticeStateMachine));
        Assert.Equal(2, reconciled.Count(r => r["skipped"]!.AsArray().Any(s => ((string?)s!["reason"])!.Contains("already started in this window", StringComparison.Ordinal))));
    }
}

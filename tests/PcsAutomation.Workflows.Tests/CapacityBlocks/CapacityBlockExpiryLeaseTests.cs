using PcsAutomation.LocalAws.Faults;
using PcsAutomation.States.Runtime;
using PcsAutomation.Workflows.Tests.Support;
using static PcsAutomation.Workflows.Tests.CapacityBlocks.ExpiryStack;

namespace PcsAutomation.Workflows.Tests.CapacityBlocks;

/// <summary>
/// One lease per cluster: an expiry finding another workflow on its cluster waits (LeasePriority.ExpiryWait), acts once
/// the lease is free, or fails loudly at its latest start, naming the holder. A running workflow is never pre-empted.
/// </summary>
public class CapacityBlockExpiryLeaseTests
{
    // A rotation does not start when an expiry acts within its expected duration plus the margin (LeasePriority.Deferral,
    // PlanRotation's RotationDeferred), so one can hold the lease when the expiry acts only by running longer than expected:
    // here Secrets Manager's events never come (no trail), and the rotation polls after its 15-minute wait. The cluster keeps
    // gpu-c alone on a block (the others' expiries would defer the rotation), the margin is 0.
    [Fact]
    public async Task Expiry_RotationRunningLongerThanExpected_WaitsForItsLeaseThenActsBeforeTermination()
    {
        DeployedStack? stack = null;
        var waits = 0;
        var reports = new List<(string ClusterId, DateTimeOffset At)>();
        var wrap = RecordReports(reports, () => stack!.Aws.Clock.GetUtcNow());
        wrap["ExpiryLeaseWaitFunction"] = next => async (payload, token) =>
        {
            Interlocked.Increment(ref waits);
            return await next(payload, token);
        };
        // A 150-minute lead leaves an hour between the action start and the latest start: room for a rotation.
        var parameters = new Dictionary<string, string> { ["CapacityBlockExpiryLeadMinutes"] = "150", ["CapacityBlockRotationMarginMinutes"] = "0" };
        stack = await StartAsync(GpuCOnly(), wrap, parameters);
        await using var _ = stack;
        var end = EndOf(stack, ExpiringC);
        var expiry = Start(stack, ExpiringC);
        await RunUntilAsync(stack, end - TimeSpan.FromMinutes(170)); // the rotation's expected 16 minutes end before the expiry acts
        stack.Aws.Faults.Add(new EventFaultRule("aws.secretsmanager") { Lose = true });
        var rotation = stack.Start(stack.ClusterId("capacity"));

        var expired = await stack.RunAsync(expiry);
        var rotated = await stack.RunAsync(rotation);

        AssertSucceeded(rotated);
        AssertSucceeded(expired);
        Assert.True(waits > 0, "the expiry found the rotation's lease and waited");
        Assert.Equal(["cpu"], Queue(stack, "capacity", "gpu-c"));
        Assert.Equal((0, 0, "ACTIVE"), Scaling(stack, "capacity", "gpu-c"));
        var report = Assert.Single(reports).At;
        Assert.True(report <= TerminationOf(stack, ExpiringC) - Margin, $"actions verified at {report:O}");
        // The expiry's changes came after the rotation had restored the cluster and released its lease.
        var queueUpdate = Assert.Single(Writes(stack), w => w.Call.StartsWith("UpdateQueue", StringComparison.Ordinal));
        Assert.True(queueUpdate.Time >= rotated.StopDate, $"UpdateQueue at {queueUpdate.Time:O}, rotation ended {rotated.StopDate:O}");
        stack.AssertNoSecretValueAnywhere();
    }

    [Fact] // the same rotation started 5 minutes before the expiry acts: it waits (an expiry cannot), nothing taken or changed
    public async Task Rotation_StartedJustBeforeTheExpiryActs_RefusedAsDeferredNothingTaken()
    {
        var parameters = new Dictionary<string, string> { ["CapacityBlockExpiryLeadMinutes"] = "150" };
        await using var stack = await StartAsync(GpuCOnly(), parameters: parameters);
        await RunUntilAsync(stack, EndOf(stack, ExpiringC) - TimeSpan.FromMinutes(155));

        var rotated = await stack.RunAsync(stack.Start(stack.ClusterId("capacity")));

        Assert.Equal(ExecutionStatus.Failed, rotated.Status);
        Assert.Equal("RotationDeferred", rotated.Error);
        Assert.Contains($"Capacity Block {ExpiringC} ends at", rotated.Cause, StringComparison.Ordinal);
        Assert.Null(stack.Lease(stack.ClusterId("capacity")));
        Assert.Empty(Writes(stack));
    }

    /// <summary>The capacity scenario with cluster <c>capacity</c> reduced to <c>gpu-c</c> (on <see cref="ExpiringC"/>) and <c>cpu</c>, and no jobs.</summary>
    private static PcsAutomation.LocalAws.Scenarios.ScenarioDefinition GpuCOnly()
    {
        var scenario = Capacity();
        var cluster = scenario.Clusters.Single(c => c.Name == "capacity");
        cluster.NodeGroups.RemoveAll(g => g.Name is not ("gpu-c" or "cpu"));
        cluster.Queues.RemoveAll(q => q.Name != "gpu-c");
        scenario.Timeline.Clear();
        return scenario;
    }

    [Fact]
    public async Task Expiry_LeaseHeldPastTheLatestStart_FailsLoudlyNamingTheHolderAndChangesNothing()
    {
        await using var stack = await StartAsync();
        const string holder = "arn:aws:states:us-east-1:111122223333:execution:local-cluster-secret-rotation:stuck";
        PutLease(stack, stack.ClusterId("capacity"), holder, TimeSpan.FromHours(8));

        var execution = await stack.RunAsync(Start(stack, ExpiringC));

        Assert.Equal((ExecutionStatus.Failed, "CapacityBlockNeedsOperator"), (execution.Status, execution.Error));
        Assert.Empty(Writes(stack));
        Assert.Equal(["gpu-c", "cpu"], Queue(stack, "capacity", "gpu-c"));
        Assert.Equal((0, 2, "ACTIVE"), Scaling(stack, "capacity", "gpu-c"));
        var notice = Assert.Single(Messages(stack, "PCS Capacity Block expiry needs an operator"));
        Assert.Contains("ExpiryLeaseNotFree", notice, StringComparison.Ordinal);
        Assert.Contains(holder, notice, StringComparison.Ordinal);
        Assert.Equal(holder, (string?)stack.Lease(stack.ClusterId("capacity"))!["owner"]!["S"]); // another's lease is left alone
        // It asked again until its latest start: deadline (end - 45 min) minus its plan's bound (5 + 10 + 20 min for one
        // queue and a scale-down, ExpiryDurations), end - 80 min, then gave up, still before EC2's termination.
        var end = EndOf(stack, ExpiringC);
        Assert.InRange(execution.StopDate!.Value, end - TimeSpan.FromMinutes(80), end - TimeSpan.FromMinutes(75));
    }
}

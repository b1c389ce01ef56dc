using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Functions.NodeGroupUpdate;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.LocalAws.Pcs;
using static PcsAutomation.Functions.Tests.NodeGroupUpdate.Rollout;

namespace PcsAutomation.Functions.Tests.NodeGroupUpdate;

/// <summary>
/// CheckNodeGroupUpdated against the emulator. The emulator marks a group's instances when its AMI changes and replaces
/// the idle ones (new ones get the group's new image); jobs are imitated by setting an instance's <c>BusyUntil</c> through
/// the emulator's world, which keeps it on the old image.
/// </summary>
public class CheckNodeGroupUpdatedTests
{
    private static async Task<Support.HandlerHarness> UpdatedAsync(string group = "compute-a", TimeSpan? busyFor = null, bool newAmiBroken = false)
    {
        var h = await StartAsync(Cluster(newAmiBroken));
        if (busyFor is { } busy)
        {
            lock (h.Aws.State.Gate)
            {
                foreach (var instance in h.Aws.State.InstancesOfNodeGroup(h.NodeGroupId(group)))
                    instance.BusyUntil = h.Aws.Clock.GetUtcNow() + busy;
            }
        }
        var plan = await PlanAsync(h);
        await AcquireAsync(h);
        await UpdateAsync(h, Group(plan, group));
        return h;
    }

    [Fact]
    public async Task CheckNodeGroupUpdated_IdleGroup_UpdatingThenVerifiedOnTheNewImage()
    {
        await using var h = await UpdatedAsync();
        var old = Instances(h, "compute-a").Select(i => i.InstanceId).ToList();

        var updating = await CheckAsync(h, "compute-a");
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(5)); // update done, idle nodes replaced, replacements booted
        var settling = await CheckAsync(h, "compute-a");
        h.Aws.Clock.Advance(ReplacementVerification.RegistrationSettle); // the replacements outlived the registration timeout
        var verified = await CheckAsync(h, "compute-a");

        Assert.Equal((false, "UPDATING", "updating"), (updating.Done, updating.Status, updating.Replacement));
        Assert.Equal((false, "ACTIVE", "settling"), (settling.Done, settling.Status, settling.Replacement));
        Assert.Equal((true, "ACTIVE", "verified"), (verified.Done, verified.Status, verified.Replacement));
        Assert.Equal(2, verified.OnNewImage.Count);
        Assert.Empty(verified.OnOldImage);
        Assert.Empty(verified.OnNewImage.Intersect(old));
        Assert.NotEmpty(Instances(h, "compute-a"));
        Assert.All(Instances(h, "compute-a"), i => Assert.Equal(NewAmi, i.ImageId));
    }

    [Fact]
    public async Task CheckNodeGroupUpdated_BusyNodes_WaitNamingThemThenTimeOut()
    {
        await using var h = await UpdatedAsync(busyFor: TimeSpan.FromHours(3));
        var busy = Instances(h, "compute-a").Select(i => i.InstanceId).Order(StringComparer.Ordinal).ToList();
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(5));

        var waiting = await CheckAsync(h, "compute-a");
        h.Aws.Clock.Advance(TimeSpan.FromHours(2));
        var e = await Assert.ThrowsAsync<ReplacementNotVerified>(() => CheckAsync(h, "compute-a"));

        Assert.Equal((false, "ACTIVE", "waiting"), (waiting.Done, waiting.Status, waiting.Replacement));
        Assert.Equal(busy, waiting.OnOldImage); // PCS replaces them only once their jobs end (guide L2667)
        Assert.Contains("2 running instances still on the old image 120 min after the update", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckNodeGroupUpdated_StillUpdatingAtTheDeadline_IsReplacementNotVerified()
    {
        await using var h = await UpdatedAsync();
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(5));
        lock (h.Aws.State.Gate)
            h.Aws.State.FindCluster("demo")!.FindNodeGroup("compute-a")!.ForceStatus("UPDATING", h.Aws.Clock.GetUtcNow()); // an update PCS never finishes
        var updating = await CheckAsync(h, "compute-a");
        lock (h.Aws.State.Gate)
            h.Aws.State.FindCluster("demo")!.FindNodeGroup("compute-a")!.ForceStatus("UPDATING", h.Aws.Clock.GetUtcNow());
        h.Aws.Clock.Advance(TimeSpan.FromHours(2));

        var e = await Assert.ThrowsAsync<ReplacementNotVerified>(() => CheckAsync(h, "compute-a"));

        Assert.Equal((false, "updating"), (updating.Done, updating.Replacement));
        Assert.Contains("is still UPDATING", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckNodeGroupUpdated_Marked_StopsAtActiveReportingTheOldNodes()
    {
        await using var h = await UpdatedAsync(busyFor: TimeSpan.FromHours(3));
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(5));

        var marked = await CheckAsync(h, "compute-a", replacement: "marked");

        Assert.Equal((true, "marked"), (marked.Done, marked.Replacement));
        Assert.Equal(2, marked.OnOldImage.Count);
    }

    [Fact]
    public async Task CheckNodeGroupUpdated_NewNodeEndsRightAfterLaunch_IsNodeGroupUnhealthy()
    {
        await using var h = await UpdatedAsync();
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(5));
        lock (h.Aws.State.Gate)
        {
            // What PCS does to a node that never becomes healthy (set DOWN, then terminated, guide L11253-11256).
            new PcsFleet(h.Aws.State).Terminate(Instances(h, "compute-a").First(i => i.ImageId == NewAmi), "node DOWN");
        }

        var e = await Assert.ThrowsAsync<NodeGroupUnhealthy>(() => CheckAsync(h, "compute-a"));

        Assert.Contains("node-down (guide L11253-11256, L11265)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckNodeGroupUpdated_BrokenImage_IsNodeGroupUnhealthyOnceItsNodesShutThemselvesDown()
    {
        await using var h = await UpdatedAsync(newAmiBroken: true);
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(5)); // the new nodes run but never register with the cluster
        var beforeTimeout = await CheckAsync(h, "compute-a");
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(10)); // 600 s after running, they shut themselves down (guide L11100-11107)

        var e = await Assert.ThrowsAsync<NodeGroupUnhealthy>(() => CheckAsync(h, "compute-a"));

        Assert.Equal((false, "settling"), (beforeTimeout.Done, beforeTimeout.Replacement));
        Assert.Contains(Domain.NodeGroupUpdate.NodeGroupHealth.RegistrationFailed, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckNodeGroupUpdated_GroupNotUpdatedByThisExecution_IsInvalidWorkflowInput()
    {
        await using var h = await UpdatedAsync();

        var e = await Assert.ThrowsAsync<InvalidWorkflowInput>(() => CheckAsync(h, "login"));

        Assert.Contains("records no change of it", e.Message, StringComparison.Ordinal);
    }
}

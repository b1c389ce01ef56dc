using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Workflows;
using static PcsAutomation.Functions.Tests.NodeGroupUpdate.Rollout;

namespace PcsAutomation.Functions.Tests.NodeGroupUpdate;

/// <summary>The shared steps with a roll-out's lease: its notifications read the changed groups from it, and it is released like any lease.</summary>
public class RolloutLeaseTests
{
    [Fact]
    public async Task PrepareNotification_FailedRollout_CarriesTheSavedImagesAndRollbackCommands()
    {
        await using var h = await StartAsync();
        var plan = await PlanAsync(h);
        await AcquireAsync(h);
        await UpdateAsync(h, Group(plan, "compute-a"));

        var result = await h.InvokeAsync<PrepareNotificationResult>("PrepareNotification", new
        {
            workflow = WorkflowKind.NodeGroupUpdate.Name,
            @event = NotificationEvents.NeedsOperator,
            clusterId = h.ClusterId(),
            clusterName = "demo",
            executionArn = Run1,
            facts = new { target = plan.Target, failure = new { Error = "Automation.RollbackTimeout", Cause = "still updating" } },
        });

        var id = h.NodeGroupId("compute-a");
        Assert.Equal("PCS Node Group Update Needs Operator", result.DetailType);
        Assert.Equal(OldAmi, result.Detail["savedImages"]![0]!["previous"]!["amiId"]!.GetValue<string>());
        var command = Assert.Single(result.Detail["rollbackCommands"]!.AsArray())!.GetValue<string>();
        Assert.StartsWith($"aws pcs update-compute-node-group --cluster-identifier {h.ClusterId()} --compute-node-group-identifier {id} --ami-id {OldAmi}", command, StringComparison.Ordinal);
        Assert.Contains(command, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckNodeGroupUpdated_LessThanHalfTheLeaseLeft_RenewsItSoNoOtherWorkflowTakesTheClusterMidRollout()
    {
        await using var h = await StartAsync();
        var plan = await PlanAsync(h);
        await AcquireAsync(h);
        await UpdateAsync(h, Group(plan, "compute-a"));
        h.Aws.Clock.Advance(TimeSpan.FromHours(3)); // a roll-out of several batches: 1 h of the 4 h lease left

        await CheckAsync(h, "compute-a");
        var renewedUntil = long.Parse(h.LeaseItem(h.ClusterId())!["expiresAt"]!["N"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        h.Aws.Clock.Advance(TimeSpan.FromHours(2)); // past the first lease's end
        var e = await Assert.ThrowsAsync<LeaseHeld>(() => AcquireAsync(h, "arn:aws:states:us-east-1:123456789012:execution:rotation:other"));

        Assert.Equal((h.Aws.Clock.GetUtcNow() - TimeSpan.FromHours(2) + TimeSpan.FromHours(4)).ToUnixTimeSeconds(), renewedUntil);
        Assert.Contains(Run1, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReleaseClusterLease_AfterARollout_DeletesTheItem()
    {
        await using var h = await StartAsync();
        var plan = await PlanAsync(h);
        await AcquireAsync(h);
        await UpdateAsync(h, Group(plan, "compute-a"));
        Assert.NotNull(h.LeaseItem(h.ClusterId())?["savedImages"]);

        var release = await h.InvokeAsync<ReleaseClusterLeaseResult>("ReleaseClusterLease", new { clusterId = h.ClusterId(), executionArn = Run1 });

        Assert.Equal((true, false), (release.Released, release.SavedScalingKept));
        Assert.Null(h.LeaseItem(h.ClusterId())); // a half-done roll-out leaves working images: nothing for a later workflow to inherit
    }
}

using System.Text.Json.Nodes;
using PcsAutomation.Functions.Tests.Support;
using static PcsAutomation.Functions.Tests.NodeGroupUpdate.AmiTriggers;

namespace PcsAutomation.Functions.Tests.NodeGroupUpdate;

public sealed class AmiUpdateReconcilerHandlerTests
{
    [Fact]
    public async Task AmiUpdateReconciler_NotifyAndANewerChannelImage_SendsOneNoticeListingEveryGroupAndChangesNothing()
    {
        await using var h = await StartAsync(Cluster("notify"));
        var clusterId = h.ClusterId();
        var calls = h.Aws.Calls.Calls.Count;

        var output = await ReconcileAsync(h);

        var notice = Assert.Single(output["notices"]!.AsArray())!;
        Assert.Equal($"update-{clusterId}-notice-{Rollout.NewAmi}", notice["executionName"]!.GetValue<string>());
        var input = JsonNode.Parse(Assert.Single(Executions(h, NoticeMachine)).Input)!;
        Assert.Equal(("node-group-update", "ImageAvailable", clusterId, "demo"),
            (input["workflow"]!.GetValue<string>(), input["event"]!.GetValue<string>(), input["clusterId"]!.GetValue<string>(), input["clusterName"]!.GetValue<string>()));
        var updates = input["facts"]!["updates"]!.AsArray();
        Assert.Equal(["compute-a", "compute-b", "login"], updates.Select(u => u!["nodeGroupName"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(updates, u => Assert.Equal((Rollout.OldAmi, Rollout.NewAmi), (u!["currentImageId"]!.GetValue<string>(), u["expectedImageId"]!.GetValue<string>())));
        Assert.Equal("sun:02:00-sun:06:00", input["facts"]!["maintenanceWindow"]!.GetValue<string>());
        Assert.Empty(Executions(h, RolloutMachine));
        Assert.DoesNotContain(Rollout.MutatingCalls(h, calls), o => o != "StartExecution");
    }

    [Fact] // the notice state machine's PrepareNotification composes the texts from the reconciler's input
    public async Task AmiUpdateReconciler_NoticeInput_ComposesTheAvailableNotification()
    {
        await using var h = await StartAsync(Cluster("notify"));
        await ReconcileAsync(h);
        var input = JsonNode.Parse(Assert.Single(Executions(h, NoticeMachine)).Input)!.AsObject();
        input["executionArn"] = Assert.Single(Executions(h, NoticeMachine)).Arn;

        var notification = await h.InvokeAsync("PrepareNotification", input);

        Assert.Equal("PCS AMI update available: demo", notification["subject"]!.GetValue<string>());
        Assert.Contains($"compute-a {Rollout.OldAmi} -> {Rollout.NewAmi}", notification["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("PCS Node Group Update Available", notification["detailType"]!.GetValue<string>());
        Assert.Equal(3, notification["detail"]!["updates"]!.AsArray().Count);
    }

    [Fact]
    public async Task AmiUpdateReconciler_NotifyTwiceForTheSameImage_SecondSendsNothing()
    {
        await using var h = await StartAsync(Cluster("notify"));

        await ReconcileAsync(h);
        h.Aws.Clock.Advance(TimeSpan.FromHours(1));
        var second = await ReconcileAsync(h);

        Assert.Empty(second["notices"]!.AsArray());
        Assert.Contains("notice already sent for these images", Assert.Single(second["skipped"]!.AsArray())!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(Executions(h, NoticeMachine));
    }

    [Fact]
    public async Task AmiUpdateReconciler_ApplyOutsideTheWindow_StartsNothingAndSaysWhen()
    {
        await using var h = await StartAsync(Cluster("apply"));

        var output = await ReconcileAsync(h);

        var skipped = Assert.Single(output["skipped"]!.AsArray())!["reason"]!.GetValue<string>();
        Assert.Contains("waits for maintenance window sun:02:00-sun:06:00 (next opening 2026-01-04T02:00Z)", skipped, StringComparison.Ordinal);
        Assert.Empty(h.Aws.StepFunctions.Engine.Executions);
        Assert.Contains(h.Transcript, line => line.Contains("waits for maintenance window", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AmiUpdateReconciler_ApplyInsideTheWindow_StartsOneRolloutToTheChannelThenNoneOnTheNextRun()
    {
        await using var h = await StartAsync(Cluster("apply"));
        var clusterId = h.ClusterId();
        h.Aws.Clock.Advance(TimeSpan.FromHours(1)); // 02:05, the window is open

        var first = await ReconcileAsync(h);
        h.Aws.Clock.Advance(TimeSpan.FromHours(1));
        var second = await ReconcileAsync(h);

        var started = Assert.Single(first["started"]!.AsArray())!;
        Assert.Equal($"update-{clusterId}-{Rollout.NewAmi}-20260104T0200", started["executionName"]!.GetValue<string>());
        var execution = Assert.Single(Executions(h, RolloutMachine));
        Assert.Equal(
            $$"""{"clusterId":"{{clusterId}}","target":{"channel":"custom:team-pcs-*","owner":"self"},"dryRun":false}""",
            execution.Input);
        Assert.Empty(second["started"]!.AsArray());
        Assert.Contains("already started in this window", Assert.Single(second["skipped"]!.AsArray())!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(Executions(h, NoticeMachine));
    }

    [Fact] // one operation per cluster: a rotation holding the lease would refuse the roll-out and spend the window's name
    public async Task AmiUpdateReconciler_ApplyWhileAnotherWorkflowHoldsTheLease_StartsNothing()
    {
        await using var h = await StartAsync(Cluster("apply"));
        h.Aws.Clock.Advance(TimeSpan.FromHours(1));
        h.PutLease(h.ClusterId(), HandlerHarness.OtherExecutionArn);

        var output = await ReconcileAsync(h);

        Assert.Contains($"execution {HandlerHarness.OtherExecutionArn} (cluster-secret-rotation) holds the cluster's lease",
            Assert.Single(output["skipped"]!.AsArray())!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(h.Aws.StepFunctions.Engine.Executions);
    }

    [Fact]
    public async Task AmiUpdateReconciler_EveryGroupOnTheChannelsImage_Nothing()
    {
        await using var h = await StartAsync(Cluster("apply", channel: "custom:team-pcs-v1"));
        h.Aws.Clock.Advance(TimeSpan.FromHours(1));

        var output = await ReconcileAsync(h);

        Assert.Contains("every node group already runs what channel custom:team-pcs-v1 (owner self) gives",
            Assert.Single(output["skipped"]!.AsArray())!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(h.Aws.StepFunctions.Engine.Executions);
    }

    [Theory]
    [InlineData("yes", "pcs-automation:ami-update is 'yes', not notify or apply: nothing is done")]
    [InlineData(null, "no pcs-automation:ami-update tag (notify or apply): AMI updates are not automated")]
    public async Task AmiUpdateReconciler_MissingOrOtherUpdateValue_NothingAndALogLineNamingIt(string? mode, string reason)
    {
        await using var h = await StartAsync(Cluster(mode));
        h.Aws.Clock.Advance(TimeSpan.FromHours(1));

        var output = await ReconcileAsync(h);

        Assert.Equal(reason, Assert.Single(output["skipped"]!.AsArray())!["reason"]!.GetValue<string>());
        Assert.Contains(h.Transcript, line => line.Contains(reason, StringComparison.Ordinal) && line.Contains(h.ClusterId(), StringComparison.Ordinal));
        Assert.Empty(h.Aws.Calls.Of("ec2", "DescribeImages"));
        Assert.Empty(h.Aws.StepFunctions.Engine.Executions);
    }

    [Fact]
    public async Task AmiUpdateReconciler_UnmanagedCluster_NothingReadBeyondItsTags()
    {
        await using var h = await StartAsync(PcsAutomation.LocalAws.Scenarios.Scenario.Cluster("other")
            .WithTag("pcs-automation:ami-channel", Channel).WithTag("pcs-automation:ami-update", "apply"));

        var output = await ReconcileAsync(h);

        Assert.StartsWith("not managed", Assert.Single(output["skipped"]!.AsArray())!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(h.Aws.Calls.Of("pcs", "GetCluster"));
        Assert.Empty(h.Aws.StepFunctions.Engine.Executions);
    }
}

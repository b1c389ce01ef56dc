using System.Text.Json.Nodes;
using PcsAutomation.Cli.NodeGroupUpdate;
using PcsAutomation.Cli.Workflows;

namespace PcsAutomation.Cli.Tests.NodeGroupUpdate;

public class RolloutSummaryTests
{
    private const string Arn = "arn:aws:states:us-east-1:111122223333:execution:m:update-pcs_abc1234567-manual-20260105T0800";
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly TargetSource Default = new("default", "the default: the cluster has no pcs-automation:ami-channel tag");

    private static ExecutionResult Result(string status, string? output = null, string? error = null, string? cause = null) =>
        new(Arn, status, Start, Start.AddMinutes(75), output, error, cause);

    /// <summary>A notification detail as PrepareNotification writes it for the roll-out (facts, the lease's savedImages and rollbackCommands).</summary>
    internal static JsonObject Detail(string notificationEvent, string extra = "{}", params PcsAutomation.Domain.NodeGroupUpdate.NodeGroupChange[] changes)
    {
        var detail = new JsonObject
        {
            ["clusterId"] = SamplePlan.ClusterId,
            ["clusterName"] = "demo",
            ["executionArn"] = Arn,
            ["workflow"] = "node-group-update",
            ["event"] = notificationEvent,
            ["target"] = "channel sample",
            ["canary"] = "compute-1",
        };
        if (changes.Length > 0)
        {
            detail["savedImages"] = SamplePlan.Json(changes);
            detail["rollbackCommands"] = new JsonArray([.. changes.Select(c => (JsonNode)$"aws pcs update-compute-node-group --compute-node-group-identifier {c.NodeGroupId}")]);
        }
        foreach (var (name, value) in JsonNode.Parse(extra)!.AsObject()) detail[name] = value?.DeepClone();
        return detail;
    }

    private static string Render(RolloutSummary summary)
    {
        using var console = new StringConsole();
        console.Console.Write(RolloutSummaryRenderer.Render(summary));
        return console.Text;
    }

    [Fact]
    public void From_Succeeded_EveryChangedGroupOldToNewImageFromTheLeaseAndThePlan()
    {
        var plan = SamplePlan.Json(SamplePlan.Demo(dryRun: false));
        var result = Result("SUCCEEDED") with
        {
            Notification = Detail("Succeeded", "{}", SamplePlan.Change("pcs_ng2", "compute-1"), SamplePlan.Change("pcs_ng3", "gpu"), SamplePlan.Change("pcs_ng1", "login")),
            Plan = plan.AsObject(),
        };

        var summary = RolloutSummary.From(result, dryRun: false, Default);
        var text = Render(summary);

        Assert.Equal(["compute-1", "gpu", "login"], summary.Changed.Select(g => g.NodeGroupName));
        Assert.All(summary.Changed, g => Assert.Equal((SamplePlan.OldImage, SamplePlan.NewImage), (g.OldImage, g.NewImage)));
        Assert.Equal("compute-1", summary.Canary);
        Assert.Contains("Roll-out summary", text, StringComparison.Ordinal);
        Assert.Contains("channel sample (the default: the cluster has no pcs-automation:ami-channel tag)", text, StringComparison.Ordinal);
        Assert.Contains($"gpu (pcs_ng3): {SamplePlan.OldImage} → {SamplePlan.NewImage}", text, StringComparison.Ordinal);
        Assert.Contains("left alone", text, StringComparison.Ordinal);
        Assert.Contains("1h 15m", text, StringComparison.Ordinal);
        Assert.DoesNotContain("error", text, StringComparison.Ordinal);
    }

    [Fact]
    public void From_FailedAndRolledBack_TheReasonAndEachGroupBackToItsSavedSettings()
    {
        const string cause = """{"errorType":"NodeGroupUnhealthy","errorMessage":"Node group compute-1 (pcs_ng2) of cluster pcs_abc1234567 on ami-0badbadbadbadbad0: registration-failed"}""";
        var result = Result("FAILED", error: "NodeGroupUnhealthy", cause: cause) with
        {
            Notification = Detail("Failed", """{"rolledBack":true}""", SamplePlan.Change("pcs_ng2", "compute-1", version: "2")),
        };

        var summary = RolloutSummary.From(result, dryRun: false, null);
        var text = Render(summary);

        Assert.True(summary.RolledBack);
        Assert.Empty(summary.RollbackCommands);
        Assert.Equal("NodeGroupUnhealthy", summary.Failure.Error);
        Assert.StartsWith("Node group compute-1 (pcs_ng2)", summary.Failure.Cause, StringComparison.Ordinal);
        Assert.Contains("rolled back (verified)", text, StringComparison.Ordinal);
        // no plan in this result: the old image is the saved template version
        Assert.Contains($"compute-1 (pcs_ng2): {SamplePlan.NewImage} back to launch template lt-09aaaaaaaaaaaaaaa version 2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("roll back by hand", text, StringComparison.Ordinal);
    }

    [Fact]
    public void From_NeedsOperator_NotRolledBackAndTheCommandsByHand()
    {
        var result = Result("FAILED", error: "Automation.RollbackTimeout", cause: "not back") with
        {
            Notification = Detail("NeedsOperator", "{}", SamplePlan.Change("pcs_ng2", "compute-1", amiId: "ami-0aaaaaaaaaaaaaaa1")),
        };

        var summary = RolloutSummary.From(result, dryRun: false, null);
        var text = Render(summary);

        Assert.False(summary.RolledBack);
        Assert.Equal(["aws pcs update-compute-node-group --compute-node-group-identifier pcs_ng2"], summary.RollbackCommands);
        Assert.Contains("NOT rolled back (saved settings)", text, StringComparison.Ordinal);
        Assert.Contains("back to ami-0aaaaaaaaaaaaaaa1 (amiId ami-0aaaaaaaaaaaaaaa1, launch template", text, StringComparison.Ordinal);
        Assert.Contains("roll back by hand (one at a time, waiting for ACTIVE)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void From_FailedBeforeAnyChange_NotChanged()
    {
        var result = Result("FAILED", error: "LeaseHeld", cause: "Cluster pcs_abc1234567 is held by a rotation") with { Notification = Detail("Failed") };

        var summary = RolloutSummary.From(result, dryRun: false, null);

        Assert.True(summary.NodeGroupsUnchanged);
        Assert.Contains("not changed (the roll-out stopped before its first update)", Render(summary), StringComparison.Ordinal);
    }

    [Fact]
    public void From_FailureOnlyInTheNotification_ItsCause()
    {
        var result = Result("FAILED", error: "States.Fail") with { Notification = Detail("Failed", """{"failure":{"error":"ReplacementNotVerified","cause":"2 still on the old image"}}""") };

        Assert.Equal("2 still on the old image", RolloutSummary.From(result, dryRun: false, null).Failure.Cause);
    }

    [Fact]
    public void From_DryRun_ThePlansGroupsAndNoChange()
    {
        var output = new JsonObject { ["plan"] = SamplePlan.Json(SamplePlan.Demo()), ["dryRun"] = true }.ToJsonString();

        var summary = RolloutSummary.From(Result("SUCCEEDED", output), dryRun: true, Default);
        var text = Render(summary);

        Assert.NotNull(summary.Plan);
        Assert.Empty(summary.Changed);
        Assert.Contains("Roll-out plan (dry run)", text, StringComparison.Ordinal);
        Assert.Contains($"login (pcs_ng1): {SamplePlan.OldImage} → {SamplePlan.NewImage}", text, StringComparison.Ordinal);
        Assert.Contains("none (dry run)", text, StringComparison.Ordinal);
        Assert.Contains("sample AMIs are for demonstration only", text, StringComparison.Ordinal);
    }
}

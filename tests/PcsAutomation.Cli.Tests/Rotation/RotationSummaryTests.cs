using System.Text.Json.Nodes;
using PcsAutomation.Cli.Rotation;
using PcsAutomation.Cli.Workflows;

namespace PcsAutomation.Cli.Tests.Rotation;

public class RotationSummaryTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    internal const string Plan = """
        {"clusterId":"pcs_abc1234567","clusterName":"demo","clusterStatus":"ACTIVE","secretArn":"arn:aws:secretsmanager:us-east-1:111122223333:secret:pcs!slurm-secret-pcs_abc1234567-AbCdEf",
         "currentVersionId":"v-old","nodeGroups":[{"nodeGroupId":"pcs_ng1","nodeGroupName":"login","minInstanceCount":1,"maxInstanceCount":1},
         {"nodeGroupId":"pcs_ng2","nodeGroupName":"compute-1","minInstanceCount":0,"maxInstanceCount":4}],
         "instancesUp":["i-0aaa","i-0bbb"],"loginInstances":["i-0byo"],"expectedDowntimeSeconds":1500,"maintenanceWindow":"sun:02:00-sun:06:00","dryRun":true}
        """;

    internal const string Arn = "arn:aws:states:us-east-1:111122223333:execution:m:rotate-pcs_abc1234567-manual-20260105T0800";

    internal static ExecutionResult Result(string status, string? output, string? error = null, string? cause = null) =>
        new(Arn, status, Start, Start.AddMinutes(25), output, error, cause);

    [Fact]
    public void From_DryRunOutput_ThePlan()
    {
        var summary = RotationSummary.From(Result("SUCCEEDED", $$"""{"plan":{{Plan}},"dryRun":true}"""), dryRun: true);

        Assert.True(summary.Succeeded);
        Assert.Equal("demo", summary.ClusterName);
        Assert.Equal(["login", "compute-1"], summary.NodeGroups.Select(g => g.NodeGroupName));
        Assert.Equal((0, 4), (summary.NodeGroups[1].MinInstanceCount, summary.NodeGroups[1].MaxInstanceCount));
        Assert.Equal(["i-0aaa", "i-0bbb"], summary.InstancesToStop);
        Assert.Equal(["i-0byo"], summary.LoginInstances);
        Assert.Equal(TimeSpan.FromMinutes(25), summary.ExpectedDowntime);
        Assert.Null(summary.NewSecretVersionId);
    }

    /// <summary>A notification detail as PrepareNotification writes it (the lease's scaling), for the execution of <see cref="Result"/>.</summary>
    internal static JsonObject Detail(string notificationEvent, string? saved = null, bool restored = false, string extra = "{}")
    {
        var detail = new JsonObject
        {
            ["clusterId"] = "pcs_abc1234567",
            ["clusterName"] = "demo",
            ["executionArn"] = Arn,
            ["workflow"] = "cluster-secret-rotation",
            ["event"] = notificationEvent,
        };
        if (saved is not null)
        {
            detail["savedScaling"] = JsonNode.Parse(saved);
            detail["scalingRestored"] = restored;
        }
        foreach (var (name, value) in JsonNode.Parse(extra)!.AsObject()) detail[name] = value?.DeepClone();
        return detail;
    }

    internal const string SavedCompute = """[{"nodeGroupId":"pcs_ng2","nodeGroupName":"compute-1","minInstanceCount":2,"maxInstanceCount":8}]""";

    [Fact]
    public void From_SucceededRotation_NodeGroupsFromTheNotifiedLeaseScalingNotFromThePlan()
    {
        // The plan says compute-1 0/4 (read before the scale-down: a dead run may have left any values); the lease's
        // saved scaling, which the restore used and the Succeeded notification reported, says 2/8.
        var output = $$$"""
            {"clusterId":"pcs_abc1234567","plan":{{{Plan}}},"scaleDown":{"savedNodeGroups":2,"updated":["pcs_ng1","pcs_ng2"]},
             "rotation":{"status":"SUCCEEDED","currentVersionId":"v-new","clusterSecretVersion":"v-new"}}
            """;
        var detail = Detail("Succeeded", SavedCompute, restored: true,
            extra: """{"previousVersionId":"v-old","currentVersionId":"v-new","clusterSecretVersion":"v-new","verification":"SUCCEEDED"}""");

        var summary = RotationSummary.From(Result("SUCCEEDED", output) with { Notification = detail }, dryRun: false);

        var group = Assert.Single(summary.NodeGroups);
        Assert.Equal(("compute-1", 2, 8), (group.NodeGroupName, group.MinInstanceCount, group.MaxInstanceCount));
        Assert.True(summary.ScalingRestored);
        Assert.Empty(summary.RestoreCommands);
        Assert.Equal("v-new", summary.NewSecretVersionId);
        Assert.Equal("v-old", summary.PreviousSecretVersionId);
        Assert.Equal("SUCCEEDED", summary.Verification);
        Assert.Equal(TimeSpan.FromMinutes(25), summary.Duration);
        Assert.Null(summary.Error);
    }

    [Fact]
    public void From_SucceededWithoutANotification_NoNodeGroupsClaimedRestored()
    {
        var output = $$$"""{"plan":{{{Plan}}},"rotation":{"currentVersionId":"v-new"},"notificationFailure":{"Error":"SNS.ThrottledException"}}""";

        var summary = RotationSummary.From(Result("SUCCEEDED", output), dryRun: false);

        Assert.Empty(summary.NodeGroups);
        Assert.Null(summary.ScalingRestored);
        Assert.Equal("v-new", summary.NewSecretVersionId);
    }

    [Fact]
    public void From_NeedsOperator_SavedScalingNotRestoredAndTheRestoreCommands()
    {
        const string command = "aws pcs update-compute-node-group --cluster-identifier pcs_abc1234567 --compute-node-group-identifier pcs_ng2 --scaling-configuration minInstanceCount=2,maxInstanceCount=8";
        var detail = Detail("NeedsOperator", SavedCompute, restored: false, extra: $$"""{"restoreCommands":["{{command}}"]}""");

        var summary = RotationSummary.From(Result("FAILED", null, "Automation.RestoreTimeout", "node groups not back") with { Notification = detail }, dryRun: false);

        Assert.False(summary.Succeeded);
        Assert.Equal(("compute-1", 2, 8), (summary.NodeGroups[0].NodeGroupName, summary.NodeGroups[0].MinInstanceCount, summary.NodeGroups[0].MaxInstanceCount));
        Assert.False(summary.ScalingRestored);
        Assert.Equal([command], summary.RestoreCommands);
        Assert.Equal("demo", summary.ClusterName);
        Assert.Equal("Automation.RestoreTimeout", summary.Error);
    }

    [Fact]
    public void From_FailedBeforeTheScaleDown_NodeGroupsUnchanged()
    {
        var detail = Detail("Failed", extra: """{"failure":{"error":"ClusterStateForbidsRotation","cause":"UPDATING"}}""");

        var summary = RotationSummary.From(Result("FAILED", null, "ClusterStateForbidsRotation", "UPDATING") with { Notification = detail }, dryRun: false);

        Assert.True(summary.NodeGroupsUnchanged);
        Assert.Empty(summary.NodeGroups);
    }

    [Fact]
    public void From_RotatedNotConfirmed_TheVerdictAndTheVersionTheClusterReports()
    {
        var detail = Detail("Succeeded", SavedCompute, restored: true,
            extra: """{"currentVersionId":"v-new","clusterSecretVersion":"v-old","verification":"ROTATED_UNCONFIRMED","warnings":["a rotation schedule"]}""");

        var summary = RotationSummary.From(Result("SUCCEEDED", $$"""{"plan":{{Plan}}}""") with { Notification = detail }, dryRun: false);

        Assert.Equal("ROTATED_UNCONFIRMED", summary.Verification);
        Assert.Equal("v-old", summary.ClusterSecretVersion);
        Assert.Equal("v-new", summary.NewSecretVersionId);
        Assert.Equal(["a rotation schedule"], summary.Warnings);
    }

    [Fact]
    public void From_Failed_ErrorAndTheCauseMessage()
    {
        var summary = RotationSummary.From(
            Result("FAILED", null, "RotationFailed", """{"errorMessage":"2 instances still running","errorType":"RotationFailed"}"""), dryRun: false);

        Assert.False(summary.Succeeded);
        Assert.Equal("RotationFailed", summary.Error);
        Assert.Equal("2 instances still running", summary.Cause);
    }

    [Fact]
    public void From_NoOutput_StatusOnly()
    {
        var summary = RotationSummary.From(Result("ABORTED", null), dryRun: false);

        Assert.Equal("ABORTED", summary.Error);
        Assert.Empty(summary.NodeGroups);
    }
}

using PcsAutomation.Cli.Rotation;

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

    private static ExecutionResult Result(string status, string? output, string? error = null, string? cause = null) =>
        new("arn:aws:states:us-east-1:111122223333:execution:m:rotate-pcs_abc1234567-manual-20260105T0800", status, Start, Start.AddMinutes(25), output, error, cause);

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

    [Fact]
    public void From_SucceededRotation_SavedScalingAndTheNewVersion()
    {
        var output = $$$"""
            {"clusterId":"pcs_abc1234567","plan":{{{Plan}}},
             "scaleDown":{"savedScaling":[{"nodeGroupId":"pcs_ng2","nodeGroupName":"compute-1","minInstanceCount":2,"maxInstanceCount":8}]},
             "secretCheck":{"status":"SUCCEEDED","currentVersionId":"v-new","clusterSecretVersion":"v-new"}}
            """;

        var summary = RotationSummary.From(Result("SUCCEEDED", output), dryRun: false);

        var group = Assert.Single(summary.NodeGroups);
        Assert.Equal(("compute-1", 2, 8), (group.NodeGroupName, group.MinInstanceCount, group.MaxInstanceCount));
        Assert.Equal("v-new", summary.NewSecretVersionId);
        Assert.Equal("v-old", summary.PreviousSecretVersionId);
        Assert.Equal(TimeSpan.FromMinutes(25), summary.Duration);
        Assert.Null(summary.Error);
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

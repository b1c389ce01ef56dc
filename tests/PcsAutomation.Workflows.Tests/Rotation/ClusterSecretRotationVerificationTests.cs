using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.States.Runtime;
using PcsAutomation.Workflows.Tests.Support;

namespace PcsAutomation.Workflows.Tests.Rotation;

/// <summary>
/// A cluster that does not report the new secret version after Secrets Manager finished the rotation (no AWS document
/// says PCS updates <c>slurmConfiguration.authKey.secretVersion</c>): "rotated, not confirmed by the cluster" unless
/// strict verification is asked for, by tag or by stack parameter.
/// </summary>
public class ClusterSecretRotationVerificationTests
{
    [Fact]
    public async Task Rotation_ClusterKeepsReportingTheOldVersion_SucceedsAsNotConfirmedWithAWarning()
    {
        await using var workflow = await StaleClusterAsync(DeployedStack.ManagedCluster("demo", 2));
        var clusterId = workflow.Workflow.ClusterId("demo");
        var scalingBefore = workflow.Workflow.Scaling("demo");

        var execution = await workflow.Workflow.RotateAsync("demo");

        Assert.True(execution.Status == ExecutionStatus.Succeeded, $"{execution.Error}: {execution.Cause}");
        var (versionAfter, _, _) = workflow.Workflow.SecretState("demo");
        Assert.NotEqual(workflow.VersionBefore, versionAfter);
        Assert.Equal(workflow.VersionBefore, workflow.Workflow.ClusterSecretVersion("demo"));
        Assert.True(workflow.StaleChecks > 0, "the cluster was made to report the old version");
        Assert.Equal(Notifications.MinMax(scalingBefore), Notifications.MinMax(workflow.Workflow.Scaling("demo")));
        var succeeded = workflow.Workflow.NotificationDetail(Notifications.Succeeded);
        Assert.Equal("ROTATED_UNCONFIRMED", (string?)succeeded["verification"]);
        Assert.Equal(versionAfter, (string?)succeeded["currentVersionId"]);
        Assert.Equal(workflow.VersionBefore, (string?)succeeded["clusterSecretVersion"]);
        Assert.Equal(workflow.VersionBefore, (string?)succeeded["previousVersionId"]);
        var message = Assert.Single(workflow.Workflow.TopicMessages, m => m.Subject?.Contains("rotated", StringComparison.Ordinal) == true);
        Assert.Contains("not confirmed by the cluster", message.Subject, StringComparison.Ordinal);
        Assert.Contains("not confirmed by the cluster", message.Message, StringComparison.Ordinal);
        Assert.Null(workflow.Workflow.Lease(clusterId));
        workflow.Workflow.AssertNoSecretValueAnywhere();
    }

    [Theory]
    [InlineData("tag")]
    [InlineData("stack parameter")]
    public async Task Rotation_ClusterKeepsReportingTheOldVersionUnderStrictVerification_FailsNotVerifiedAndCapacityBack(string strictBy)
    {
        var scenario = DeployedStack.ManagedCluster("demo", 2);
        if (strictBy == "tag") scenario = scenario.WithTag("pcs-automation:strict-verification", "true");
        var parameters = strictBy == "tag"
            ? null
            : new Dictionary<string, string>(StringComparer.Ordinal) { ["StrictRotationVerification"] = "true" };
        await using var workflow = await StaleClusterAsync(scenario, parameters);
        var clusterId = workflow.Workflow.ClusterId("demo");
        var scalingBefore = workflow.Workflow.Scaling("demo");

        var execution = await workflow.Workflow.RotateAsync("demo");

        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        Assert.Equal("RotationNotVerified", execution.Error);
        Assert.Contains(workflow.VersionBefore, execution.Cause, StringComparison.Ordinal);
        Assert.True(workflow.StaleChecks > 1, "CheckSecretRotation was retried before giving up");
        Assert.Equal(
            scalingBefore.ToDictionary(g => g.Key, g => (g.Value.Min, g.Value.Max, "ACTIVE")),
            workflow.Workflow.Scaling("demo").ToDictionary(g => g.Key, g => g.Value));
        Assert.Equal([Notifications.Started, Notifications.Failed], workflow.Workflow.NotificationTypes);
        var failed = workflow.Workflow.NotificationDetail(Notifications.Failed);
        Assert.Equal("RotationNotVerified", (string?)failed["failure"]!["error"]);
        Assert.Equal(Notifications.MinMax(scalingBefore), Notifications.SavedScaling(failed));
        Assert.True((bool)failed["scalingRestored"]!);
        Assert.Null(workflow.Workflow.Lease(clusterId));
        workflow.Workflow.AssertNoSecretValueAnywhere();
    }

    /// <summary>
    /// The workflow with a cluster that keeps reporting its first secret version: before every CheckSecretRotation the
    /// world's cluster is set back to it (the emulator's PCS otherwise follows the new AWSCURRENT).
    /// </summary>
    private static async Task<StaleCluster> StaleClusterAsync(Scenario scenario, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var stale = new StaleCluster();
        var wrap = new Dictionary<string, Func<FunctionCall, FunctionCall>>(StringComparer.Ordinal)
        {
            ["CheckSecretRotationFunction"] = inner => (payload, token) =>
            {
                lock (stale.Workflow.Aws.State.Gate)
                    stale.Workflow.Aws.State.FindCluster("demo")!.SecretVersion = stale.VersionBefore;
                Interlocked.Increment(ref stale.StaleChecks);
                return inner(payload, token);
            },
        };
        stale.Workflow = await DeployedStack.StartAsync(scenario, wrap, parameters: parameters);
        stale.VersionBefore = stale.Workflow.SecretState("demo").CurrentVersion;
        return stale;
    }

    private sealed class StaleCluster : IAsyncDisposable
    {
        public int StaleChecks;

        public DeployedStack Workflow { get; set; } = null!;

        public string VersionBefore { get; set; } = "";

        public ValueTask DisposeAsync() => Workflow.DisposeAsync();
    }
}

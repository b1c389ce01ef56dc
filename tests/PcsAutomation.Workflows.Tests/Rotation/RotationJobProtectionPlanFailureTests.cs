using PcsAutomation.LocalAws.Faults;
using PcsAutomation.States.Runtime;
using PcsAutomation.Workflows.Tests.Support;
using static PcsAutomation.Workflows.Tests.Rotation.JobProtectionStacks;

namespace PcsAutomation.Workflows.Tests.Rotation;

/// <summary>
/// The rotation's first PlanJobProtection throwing (not a fallback fact: slurmrestd answers its ping, then fails every
/// jobs read): nothing has changed yet, so the execution fails with the handler's error, a real run says so in a Failed
/// notification, and the rotation never falls back to requeue on its own when the cluster asked for reserve.
/// </summary>
public class RotationJobProtectionPlanFailureTests
{
    private static async Task<DeployedStack> JobsReadFailingAsync()
    {
        var workflow = await WithRunningJobsAsync(RestCluster(), count: 2, duration: TimeSpan.FromHours(3), timeLimit: TimeSpan.FromHours(4));
        workflow.Aws.Faults.Add(new FaultRule("slurmrestd", "get_jobs") { ServerErrorRate = 1.0 });
        return workflow;
    }

    [Fact]
    public async Task Rotation_PlanJobProtectionThrows_FailsBeforeTheLeaseWithAFailedNoticeNamingTheCauseAndNothingChanged()
    {
        await using var workflow = await JobsReadFailingAsync();
        var scalingBefore = workflow.Scaling(Cluster);
        var versionBefore = workflow.SecretState(Cluster).CurrentVersion;

        var execution = await workflow.RotateAsync(Cluster);

        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        Assert.Equal("JobProtectionFailed", execution.Error);
        Assert.Contains("job protection could not be planned, so the rotation did not start and nothing was changed", execution.Cause, StringComparison.Ordinal);
        Assert.Contains("slurmrestd failed while reading the running jobs", execution.Cause, StringComparison.Ordinal);
        var visited = workflow.Execution(execution.Arn).VisitedStates;
        Assert.Contains("PrepareNotificationFailed", visited);
        Assert.DoesNotContain("AcquireClusterLease", visited);
        Assert.DoesNotContain("ScaleNodeGroupsToZero", visited);                              // no fallback to requeue
        Assert.Equal([Notifications.Failed], workflow.NotificationTypes);
        var message = Assert.Single(workflow.TopicMessages).Message;
        Assert.Contains("failed with JobProtectionFailed: job protection could not be planned", message, StringComparison.Ordinal);
        Assert.Contains("No compute node group was changed.", message, StringComparison.Ordinal);
        Assert.Equal("JobProtectionFailed", (string?)workflow.NotificationDetail(Notifications.Failed)["failure"]!["error"]);
        Assert.Equal(scalingBefore, workflow.Scaling(Cluster));
        Assert.Equal(versionBefore, workflow.SecretState(Cluster).CurrentVersion);
        Assert.All(workflow.Aws.Slurm.Jobs(Cluster), j => Assert.Equal(("RUNNING", 0), (j.State, j.Requeues)));
        Assert.Empty(workflow.Aws.Slurm.Reservations(Cluster));
        Assert.Null(workflow.Lease(workflow.ClusterId(Cluster)));
        workflow.AssertNoSecretValueAnywhere();
    }

    [Fact]
    public async Task DryRun_PlanJobProtectionThrows_FailsWithTheCauseAndNotifiesNobody()
    {
        await using var workflow = await JobsReadFailingAsync();

        var execution = await workflow.RotateAsync(Cluster, dryRun: true);

        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        Assert.Equal("JobProtectionFailed", execution.Error);
        Assert.Contains("slurmrestd failed while reading the running jobs", execution.Cause, StringComparison.Ordinal);
        Assert.Contains("DryRunFailed", workflow.Execution(execution.Arn).VisitedStates);
        Assert.Empty(workflow.NotificationTypes);
        Assert.Empty(workflow.TopicMessages);
        workflow.AssertNoSecretValueAnywhere();
    }
}

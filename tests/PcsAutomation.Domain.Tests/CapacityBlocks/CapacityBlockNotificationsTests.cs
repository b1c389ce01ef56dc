using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.NodeGroups;
using PcsAutomation.Domain.Workflows;
using static PcsAutomation.Domain.Tests.CapacityBlocks.Blocks;

namespace PcsAutomation.Domain.Tests.CapacityBlocks;

public class CapacityBlockNotificationsTests
{
    private const string Execution = "arn:aws:states:us-east-2:123456789012:execution:capacity-block-expiry:expire-cr-0aaaaaaaaaaaaaaa1-20260302T113000";

    private static readonly GroupExpiryAction WindDown = new(
        ClusterId, "pcs_gpu", "gpu", ExpiryActions.WindDown, "no successor", null, null, null, null, new NodeGroupScaling("pcs_gpu", "gpu", 0, 4),
        [ExpirySteps.UpdateQueues, ExpirySteps.ScaleToZero], []);

    private static readonly CapacityFinding LeftWaiting = new(
        FindingCodes.QueueLeftWaiting, "guide L3423-3427, L3484", "queue train (pcs_qtrain): node group gpu is its only group", ClusterId, "pcs_gpu", Expiring, "pcs_qtrain", NeedsOperator: true);

    private static CapacityBlockNotificationFacts Facts(IReadOnlyList<GroupExpiryAction> groups, IReadOnlyList<CapacityFinding>? findings = null, WorkflowFailure? failure = null) =>
        new(CapacityBlockNotifications.ExpireMode, Expiring, End, End.AddMinutes(-30), End.AddMinutes(-45), groups, null,
            [new QueueChangeFact("pcs_qgpu", "gpu", ["gpu", "cpu"], ["cpu"], Done: groups.All(g => g.Remaining.Count == 0))],
            findings ?? [], [WindDown.SavedScaling!], failure);

    [Fact]
    public void Compose_Starting_NamesTheBlockTimesEachActionAndTheQueue()
    {
        var notification = CapacityBlockNotifications.Compose(NotificationEvents.Starting, ClusterId, "demo", Execution, Facts([WindDown]));

        Assert.Equal(("PCS Capacity Block expiring: demo", "PCS Capacity Block Expiry Started"), (notification.Subject, notification.DetailType));
        Assert.Contains($"Capacity Block {Expiring} ends at 2026-03-02 11:30Z; EC2 terminates its instances from 2026-03-02 11:00Z", notification.Message, StringComparison.Ordinal);
        Assert.Contains("Before 2026-03-02 10:45Z: gpu is detached from its queues", notification.Message, StringComparison.Ordinal);
        Assert.Contains("gpu: gpu, cpu -> cpu", notification.Message, StringComparison.Ordinal);
        Assert.Contains("guide L3480", notification.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_NeedsOperator_SaysTheFailureWhatIsLeftTheLoudFindingAndTheRestoreCommands()
    {
        var facts = Facts([WindDown], [LeftWaiting], new WorkflowFailure("ExpiryLeaseNotFree", "lease held by rotation x"));

        var notification = CapacityBlockNotifications.Compose(NotificationEvents.NeedsOperator, ClusterId, "demo", Execution, facts);

        Assert.Equal("PCS Capacity Block Expiry Needs Operator", notification.DetailType);
        Assert.Contains("stopped: ExpiryLeaseNotFree: lease held by rotation x", notification.Message, StringComparison.Ordinal);
        Assert.Contains("left update-queues, scale-to-zero", notification.Message, StringComparison.Ordinal);
        Assert.Contains("NEEDS AN OPERATOR: queue train (pcs_qtrain)", notification.Message, StringComparison.Ordinal);
        Assert.Contains($"aws pcs update-compute-node-group --cluster-identifier {ClusterId} --compute-node-group-identifier pcs_gpu --scaling-configuration minInstanceCount=0,maxInstanceCount=4", notification.Message, StringComparison.Ordinal);
        Assert.Contains(CapacityBlockNotifications.Runbook, notification.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithJobs_WentOnWithJobsRunning_TheWaitAndTheJobsInTheReportAndTheCleanupProblemAsANeedsOperatorLine()
    {
        var facts = Facts([WindDown with { Remaining = [], Done = [ExpirySteps.UpdateQueues, ExpirySteps.ScaleToZero] }]).WithJobs(
            ["Jobs: policy reserve (the default)."], "TIMED_OUT", "the wait ended at 2026-03-02 10:05Z with 1 job(s) still running: 42 (no end time); proceed", ["42"],
            ["reservation pcs-automation-x not removed: 500"]);

        var notification = CapacityBlockNotifications.Compose(NotificationEvents.Succeeded, ClusterId, "demo", Execution, facts);

        Assert.Equal(["42"], facts.JobsStillRunning);
        Assert.Contains("Jobs: the wait ended at 2026-03-02 10:05Z with 1 job(s) still running: 42", notification.Message, StringComparison.Ordinal);
        Assert.Contains("Needs operator (docs/runbooks/job-protection.md): reservation pcs-automation-x not removed", notification.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("READY")]
    [InlineData("NO_WAIT")]
    [InlineData(null)]
    public void WithJobs_IdleNodesOrNoWait_NothingAboutTheWait(string? outcome)
    {
        var facts = Facts([WindDown]).WithJobs([], outcome, "no job runs on the nodes", ["7"], []);

        var notification = CapacityBlockNotifications.Compose(NotificationEvents.Succeeded, ClusterId, "demo", Execution, facts);

        Assert.Equal((null, null, null, null), (facts.JobLines, facts.JobWait, facts.JobsStillRunning, facts.JobCleanupProblems));
        Assert.DoesNotContain("Jobs:", notification.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Needs operator", notification.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_StartingWithJobLines_TheLinesFollowTheActions()
    {
        var facts = Facts([WindDown]) with { JobLines = ["Jobs: policy reserve (the default).", "Slurm reservation pcs-automation-x (MAINT) on the nodes of gpu."] };

        var notification = CapacityBlockNotifications.Compose(NotificationEvents.Starting, ClusterId, "demo", Execution, facts);

        Assert.Contains("Jobs: policy reserve (the default). Slurm reservation pcs-automation-x (MAINT) on the nodes of gpu.", notification.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_EventTheExpiryDoesNotSend_ArgumentExceptionNamingThoseItDoes()
    {
        var e = Assert.Throws<ArgumentException>(() => CapacityBlockNotifications.Compose(NotificationEvents.AdvanceNotice, ClusterId, "demo", Execution, Facts([WindDown])));

        Assert.Contains("Starting, Succeeded, NeedsOperator", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportEvent_SucceededOnlyWhenCompleteWithoutFailureOrLoudFinding()
    {
        Assert.Equal(NotificationEvents.Succeeded, CapacityBlockNotifications.ReportEvent(null, complete: true, []));
        Assert.Equal(NotificationEvents.NeedsOperator, CapacityBlockNotifications.ReportEvent(null, complete: false, []));
        Assert.Equal(NotificationEvents.NeedsOperator, CapacityBlockNotifications.ReportEvent(new WorkflowFailure("X", "y"), complete: true, []));
        Assert.Equal(NotificationEvents.NeedsOperator, CapacityBlockNotifications.ReportEvent(null, complete: true, [LeftWaiting]));
        Assert.Equal(NotificationEvents.Succeeded, CapacityBlockNotifications.ReportEvent(null, complete: true, [LeftWaiting with { NeedsOperator = false }]));
    }
}

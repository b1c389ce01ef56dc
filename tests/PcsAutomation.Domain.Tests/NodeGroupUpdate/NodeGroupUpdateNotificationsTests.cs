using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Domain.Tests.Ami;
using PcsAutomation.Domain.Workflows;
using static PcsAutomation.Domain.Tests.NodeGroupUpdate.Rollouts;

namespace PcsAutomation.Domain.Tests.NodeGroupUpdate;

public class NodeGroupUpdateNotificationsTests
{
    private const string Run = "arn:aws:states:us-east-1:111122223333:execution:NodeGroupUpdateStateMachine:run-1";

    private static readonly NodeGroupChange[] Changes =
    [
        new(new NodeGroupImage("pcs_a", "compute-a", OldAmi, "lt-a", "1"), ImageChanges.AmiId, NewAmi, null, NewAmi, Images.Now),
        new(new NodeGroupImage("pcs_b", "compute-b", null, "lt-b", "4"), ImageChanges.NewLaunchTemplateVersion, NewAmi, null, NewAmi, Images.Now),
    ];

    private static Notification Compose(string notificationEvent, NodeGroupUpdateNotificationFacts facts, IReadOnlyList<NodeGroupChange>? changes = null) =>
        NodeGroupUpdateNotifications.Compose(notificationEvent, "pcs_abcdef1234", "demo", Run, facts, changes ?? Changes);

    [Fact]
    public void Compose_Starting_SaysNodesAreReplacedOnceIdleAndNamesTheCanary()
    {
        var n = Compose(NotificationEvents.Starting, new($"amiId {NewAmi}", "compute-b"), []);

        Assert.Equal(("PCS AMI roll-out starting: demo", "PCS Node Group Update Started"), (n.Subject, n.DetailType));
        Assert.Contains("canary compute-b first", n.Message, StringComparison.Ordinal);
        Assert.Contains("(guide L2667)", n.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_FailedAndRolledBack_ListsThePreviousSettings()
    {
        var n = Compose(NotificationEvents.Failed, new(Failure: new WorkflowFailure("NodeGroupUnhealthy", "registration-failed"), RolledBack: true));

        Assert.Contains("failed with NodeGroupUnhealthy: registration-failed. Rolled back: compute-a amiId ami-0000000000000000a", n.Message, StringComparison.Ordinal);
        Assert.Contains("compute-b launch template lt-b version 4", n.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_NeedsOperator_GivesTheRollbackCommands()
    {
        var n = Compose(NotificationEvents.NeedsOperator, new(Failure: new WorkflowFailure("Automation.RollbackTimeout", "still updating")));

        Assert.Contains("aws pcs update-compute-node-group --cluster-identifier pcs_abcdef1234 --compute-node-group-identifier pcs_a --ami-id ami-0000000000000000a --custom-launch-template id=lt-a,version=1", n.Message, StringComparison.Ordinal);
        Assert.Contains("--compute-node-group-identifier pcs_b --custom-launch-template id=lt-b,version=4", n.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pcs_b --ami-id", n.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_AdvanceNotice_IsNotARolloutEvent()
    {
        Assert.Throws<ArgumentException>(() => Compose(NotificationEvents.AdvanceNotice, new()));
    }

    [Fact]
    public void Compose_ImageAvailable_ListsEachGroupsChangeAndHowToApply()
    {
        var facts = new NodeGroupUpdateNotificationFacts(
            Target: "channel sample", MaintenanceWindow: "sun:02:00-sun:06:00",
            Updates: [new ImageUpdateFact("pcs_a", "compute-a", OldAmi, NewAmi, "2 running instance(s) replaced once idle")]);

        var n = Compose(NodeGroupUpdateNotifications.ImageAvailable, facts, []);

        Assert.Equal(("PCS AMI update available: demo", "PCS Node Group Update Available"), (n.Subject, n.DetailType));
        Assert.Contains($"channel sample gives newer images than these node groups run: compute-a {OldAmi} -> {NewAmi} (2 running instance(s) replaced once idle). Nothing was changed.", n.Message, StringComparison.Ordinal);
        Assert.Contains("pcs-automation:ami-update=apply to roll them out in its maintenance window sun:02:00-sun:06:00", n.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Finding_NamesTheCallTheFindingsAndTheRemediation()
    {
        var finding = new AmiFindingFact("pcs_a", "compute-a", OldAmi, ["slurm-version (guide L6559): too old"], "UpdateComputeNodeGroup", "ev-1",
            "2026-03-01T12:00:00Z", "arn:aws:sts::111122223333:assumed-role/Admin/alice", NewAmi, "remediation: node group compute-a back to " + NewAmi, "arn:exec");

        var n = Compose(NodeGroupUpdateNotifications.Finding, new(Finding: finding), []);

        Assert.Equal(("PCS node group AMI finding: demo", "PCS Node Group Update Finding"), (n.Subject, n.DetailType));
        Assert.Contains($"node group compute-a (pcs_a) runs image {OldAmi} after UpdateComputeNodeGroup by arn:aws:sts::111122223333:assumed-role/Admin/alice at 2026-03-01T12:00:00Z (CloudTrail event ev-1): slurm-version (guide L6559): too old.", n.Message, StringComparison.Ordinal);
        Assert.EndsWith($"remediation: node group compute-a back to {NewAmi} Execution: arn:exec", n.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_UnknownEvent_ListsTheNotices()
    {
        var error = Assert.Throws<ArgumentException>(() => Compose("AdvanceNotice", new(), []));

        Assert.Contains("ImageAvailable, Finding", error.Message, StringComparison.Ordinal);
    }
}

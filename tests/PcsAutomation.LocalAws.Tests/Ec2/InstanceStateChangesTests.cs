using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.Tests.Support;
using static PcsAutomation.LocalAws.Tests.Support.TestAccount;

namespace PcsAutomation.LocalAws.Tests.Ec2;

/// <summary>Each instance keeps the states it went through and when (what the run report draws instance counts from).</summary>
public class InstanceStateChangesTests
{
    [Fact]
    public void StateChanges_LaunchedThenScaledToZero_PendingRunningShuttingDownTerminatedOnTheClock()
    {
        var account = new TestAccount(Scenario.Cluster("c"));
        var start = account.Aws.Clock.GetUtcNow();
        var id = account.Pcs("CreateComputeNodeGroup", NodeGroupRequest("c", "static", 1, 1))["computeNodeGroup"]!["id"]!.GetValue<string>();
        account.Advance(TimeSpan.FromMinutes(10));
        var scaledAt = account.Aws.Clock.GetUtcNow();

        account.Pcs("UpdateComputeNodeGroup", """{"clusterIdentifier":"c","computeNodeGroupIdentifier":"static","scalingConfiguration":{"minInstanceCount":0,"maxInstanceCount":0}}""");
        account.Advance(TimeSpan.FromMinutes(30));

        var instance = Assert.Single(account.Aws.State.InstancesOfNodeGroup(id));
        Assert.Equal(["pending", "running", "shutting-down", "terminated"], instance.StateChanges.Select(c => c.State));
        Assert.Equal(instance.LaunchTime, instance.StateChanges[0].At);
        Assert.True(instance.StateChanges[0].At > start && instance.StateChanges[1].At > instance.StateChanges[0].At, "booting takes virtual time");
        Assert.True(instance.StateChanges[2].At >= scaledAt, "shut down after the scale-down");
        Assert.True(instance.StateChanges[3].At > instance.StateChanges[2].At, "terminating takes virtual time");
        Assert.Equal(instance.State, instance.StateChanges[^1].State);
    }
}

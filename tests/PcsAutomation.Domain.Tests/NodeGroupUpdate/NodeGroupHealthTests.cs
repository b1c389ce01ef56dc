using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Domain.Tests.Ami;
using static PcsAutomation.Domain.Tests.NodeGroupUpdate.Rollouts;

namespace PcsAutomation.Domain.Tests.NodeGroupUpdate;

public class NodeGroupHealthTests
{
    private const string GroupId = "pcs_abc123abc1";
    private static readonly DateTimeOffset ChangedAt = Images.Now.AddHours(-3);
    private static readonly TimeSpan IdleTime = TimeSpan.FromMinutes(60);

    /// <summary>An instance that ended, seen <paramref name="lived"/> after its launch (EC2 gives no end time: "now" bounds it).</summary>
    private static NodeInstance Ended(string id, string image, TimeSpan lived, string? reason, DateTimeOffset? launched = null) =>
        new(id, "terminated", image, launched ?? Images.Now - lived, GroupId, reason);

    private static HealthStatus Evaluate(params NodeInstance[] instances) =>
        NodeGroupHealth.Evaluate(GroupId, NewAmi, instances, ChangedAt, IdleTime, Images.Now);

    [Fact]
    public void Evaluate_NewInstanceShutItselfDown_IsRegistrationFailed()
    {
        var status = Evaluate(Ended("i-1", NewAmi, TimeSpan.FromSeconds(640), NodeGroupHealth.InstanceInitiatedShutdown));

        var finding = Assert.Single(status.Findings);
        Assert.False(status.Healthy);
        Assert.Equal(("i-1", NodeGroupHealth.RegistrationFailed, "guide L11100-11108"), (finding.InstanceId, finding.Rule, finding.Guide));
    }

    [Fact]
    public void Evaluate_NewInstanceEndedBeforeItCouldIdleOut_IsNodeDown()
    {
        var status = Evaluate(Ended("i-1", NewAmi, TimeSpan.FromMinutes(31), "Client.UserInitiatedShutdown"));

        var finding = Assert.Single(status.Findings);
        Assert.Equal(NodeGroupHealth.NodeDown, finding.Rule);
        Assert.Contains("ended at most 31 min after launch", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_EndingsThatAreNotTheImagesFault_AreHealthy()
    {
        var status = Evaluate(
            Ended("i-1", NewAmi, TimeSpan.FromMinutes(90), "Client.UserInitiatedShutdown"),       // scaled down after its idle time
            Ended("i-2", NewAmi, TimeSpan.FromMinutes(5), "Server.SpotInstanceTermination"),      // Spot reclaimed it
            Ended("i-3", OldAmi, TimeSpan.FromMinutes(1), NodeGroupHealth.InstanceInitiatedShutdown), // an old-image node
            Ended("i-4", NewAmi, TimeSpan.FromMinutes(1), NodeGroupHealth.InstanceInitiatedShutdown, ChangedAt.AddMinutes(-1)), // launched before the change
            new NodeInstance("i-5", "running", NewAmi, Images.Now.AddMinutes(-5), GroupId),
            Ended("i-6", NewAmi, TimeSpan.FromMinutes(1), NodeGroupHealth.InstanceInitiatedShutdown) with { NodeGroupTag = "pcs_other00001" });

        Assert.True(status.Healthy);
    }
}

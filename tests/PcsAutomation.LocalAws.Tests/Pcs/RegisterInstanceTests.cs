using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.Pcs;

public class RegisterInstanceTests
{
    [Fact] // guide L726, L4772: the node agent registers with its instance and gets the cluster's endpoints and key
    public void RegisterComputeNodeGroupInstance_GroupInstance_ReturnsNodeAndEndpoints()
    {
        var account = new TestAccount(Scenario.Cluster("c").WithNodeGroup("compute-1", 1, 1));
        var instance = account.Aws.State.InstancesOfNodeGroup(account.Group("c", "compute-1").Id).Single();

        var answer = account.Pcs("RegisterComputeNodeGroupInstance", $$"""{"clusterIdentifier":"c","bootstrapId":"{{instance.InstanceId}}"}""");

        Assert.Equal("compute-1-1", answer["nodeID"]!.GetValue<string>());
        Assert.Equal("SLURMCTLD", answer["endpoints"]![0]!["type"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(answer["sharedSecret"]!.GetValue<string>()));
    }

    [Fact]
    public void RegisterComputeNodeGroupInstance_UnknownInstance_AccessDenied()
    {
        var account = new TestAccount(Scenario.Cluster("c"));

        var error = account.PcsError("RegisterComputeNodeGroupInstance", """{"clusterIdentifier":"c","bootstrapId":"i-00000000000000000"}""");

        Assert.Equal(("AccessDeniedException", 403), (error.Code, error.StatusCode));
    }
}

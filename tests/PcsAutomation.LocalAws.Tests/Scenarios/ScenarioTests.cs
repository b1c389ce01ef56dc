using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.Scenarios;

public class ScenarioTests
{
    [Fact] // the README's demo account: the guide's tutorial cluster (digest §12) plus a capacity block group
    public void DemoScenario_Loaded_ClusterGroupsQueuesInstancesAndByoLogin()
    {
        var aws = LocalAws.CreateInProcess(new LocalAwsOptions { Scenario = ScenarioFile.Load("demo") });

        var cluster = aws.State.FindCluster("demo")!;
        Assert.Equal(["login", "compute-1", "gpu"], cluster.NodeGroups.Values.OrderBy(g => g.Sequence).Select(g => g.Name));
        Assert.Equal(["demo", "gpu"], cluster.Queues.Values.OrderBy(q => q.Sequence).Select(q => q.Name));
        aws.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, aws.State.InstancesOfNodeGroup(cluster.FindNodeGroup("login")!.Id).Count(i => i.State == "running"));
        Assert.Equal(2, aws.State.InstancesOfNodeGroup(cluster.FindNodeGroup("compute-1")!.Id).Count(i => i.State == "running"));
        Assert.Empty(aws.State.InstancesOfNodeGroup(cluster.FindNodeGroup("gpu")!.Id)); // the block starts in 2 h
        Assert.Single(aws.State.Instances.Values, i => i.Tags.GetValueOrDefault("Name") == "byo-login" && i.ClusterId is null);
    }

    [Fact]
    public void DemoScenario_Timeline_GpuNodesLaunchOnceBlockActiveAndDemandArrives()
    {
        var aws = LocalAws.CreateInProcess(new LocalAwsOptions { Scenario = ScenarioFile.Load("demo") });
        var gpu = aws.State.FindCluster("demo")!.FindNodeGroup("gpu")!;

        aws.Clock.Advance(TimeSpan.FromHours(3.5));

        Assert.Equal(4, aws.State.InstancesOfNodeGroup(gpu.Id).Count(i => i.State == "running"));
    }

    [Theory]
    [InlineData("+30m", 30 * 60)]
    [InlineData("-2h", -2 * 3600)]
    [InlineData("1d", 86400)]
    [InlineData("+45s", 45)]
    public void ScenarioTime_Span_ParsesUnits(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), ScenarioTime.Span(text));

    [Fact]
    public void Builder_ClusterWithNodeGroup_BuildsDefinition()
    {
        var definition = Scenario.Cluster("demo").WithNodeGroup("compute-1", min: 2, max: 2).WithQueue("demo", "compute-1").Build();

        var group = Assert.Single(Assert.Single(definition.Clusters).NodeGroups);
        Assert.Equal(("compute-1", 2, 2), (group.Name, group.Min, group.Max));
    }

    [Fact]
    public void Timeline_FailNextUpdate_NodeGroupUpdateEndsUpdateFailed()
    {
        var scenario = Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4).At("+1m", "failNextUpdate", "c", "compute-1", message: "bad AMI");
        var account = new TestAccount(scenario);
        account.Advance(TimeSpan.FromMinutes(2));

        account.Pcs("UpdateComputeNodeGroup", """{"clusterIdentifier":"c","computeNodeGroupIdentifier":"compute-1","amiId":"ami-0bad"}""");
        account.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal("UPDATE_FAILED", account.Group("c", "compute-1").Status);
    }

    [Fact] // guide L6569-6579: a suspended cluster loses its instances and stays readable
    public void Timeline_SuspendCluster_InstancesTerminatedClusterSuspended()
    {
        var account = new TestAccount(Scenario.Cluster("c").WithNodeGroup("login", 1, 1).At("+1h", "suspendCluster", "c"));

        account.Advance(TimeSpan.FromHours(2));

        Assert.Equal("SUSPENDED", account.Pcs("GetCluster", """{"clusterIdentifier":"c"}""")["cluster"]!["status"]!.GetValue<string>());
        Assert.Equal(0, account.UpInstances("c", "login"));
    }
}

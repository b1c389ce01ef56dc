using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.Tests.Support;
using static PcsAutomation.LocalAws.Tests.Support.TestAccount;

namespace PcsAutomation.LocalAws.Tests.Pcs;

public class NodeGroupTests
{
    [Fact] // guide L1938: node groups only once the cluster is ACTIVE
    public void CreateComputeNodeGroup_ClusterCreating_Conflict()
    {
        var account = new TestAccount(Scenario.Cluster("c", status: "CREATING"));

        var error = account.PcsError("CreateComputeNodeGroup", NodeGroupRequest("c", "compute-1", 0, 4));

        Assert.Equal("ConflictException", error.Code);
        Assert.Empty(account.Cluster("c").NodeGroups);
    }

    [Fact] // guide L10921: 10 node groups per cluster, not adjustable
    public void CreateComputeNodeGroup_EleventhGroup_ServiceQuotaExceeded()
    {
        var scenario = Scenario.Cluster("c");
        for (var i = 1; i <= 10; i++) scenario.WithNodeGroup($"group-{i}", 0, 1);
        var account = new TestAccount(scenario);

        var error = account.PcsError("CreateComputeNodeGroup", NodeGroupRequest("c", "group-11", 0, 1));

        Assert.Equal(("ServiceQuotaExceededException", 402), (error.Code, error.StatusCode));
    }

    [Fact] // guide L2550: static (min = max > 0) or dynamic (min = 0), never mixed
    public void CreateComputeNodeGroup_MixedScaling_ValidationException()
    {
        var account = new TestAccount(Scenario.Cluster("c"));

        var error = account.PcsError("CreateComputeNodeGroup", NodeGroupRequest("c", "mixed", 2, 8));

        Assert.Equal("ValidationException", error.Code);
    }

    [Fact] // guide L2536: node group names have at most 25 characters
    public void CreateComputeNodeGroup_NameTooLong_ValidationException()
    {
        var account = new TestAccount(Scenario.Cluster("c"));

        var error = account.PcsError("CreateComputeNodeGroup", NodeGroupRequest("c", new string('a', 26), 0, 4));

        Assert.Equal("ValidationException", error.Code);
    }

    [Fact] // guide L2630-2632, L2948-2951: a static group launches min instances tagged with cluster and group IDs
    public void CreateComputeNodeGroup_Static_LaunchesTaggedInstancesOnceActive()
    {
        var account = new TestAccount(Scenario.Cluster("c"));
        var clusterId = account.Cluster("c").Id;

        var created = account.Pcs("CreateComputeNodeGroup", NodeGroupRequest("c", "static", 2, 2))["computeNodeGroup"]!;
        var id = created["id"]!.GetValue<string>();

        Assert.Equal("CREATING", created["status"]!.GetValue<string>());
        Assert.Equal($"{account.Cluster("c").Arn}/computenodegroup/{id}", created["arn"]!.GetValue<string>());
        account.Advance(TimeSpan.FromMinutes(10));
        var instances = account.Aws.State.InstancesOfNodeGroup(id).ToList();
        Assert.Equal(2, instances.Count);
        Assert.All(instances, i =>
        {
            Assert.Equal("running", i.State);
            Assert.Matches("^i-[0-9a-f]{17}$", i.InstanceId);
            Assert.Equal(clusterId, i.Tags["aws:pcs:cluster-id"]);
            Assert.Equal(id, i.Tags["aws:pcs:compute-node-group-id"]); // the ID, not the name (L2964)
        });
    }

    [Theory] // guide L2650-2653, L2727: instance types and the name are immutable
    [InlineData("""{"clusterIdentifier":"c","computeNodeGroupIdentifier":"compute-1","instanceConfigs":[{"instanceType":"p5.48xlarge"}]}""")]
    [InlineData("""{"clusterIdentifier":"c","computeNodeGroupIdentifier":"compute-1","computeNodeGroupName":"renamed"}""")]
    public void UpdateComputeNodeGroup_ImmutableField_ValidationException(string request)
    {
        var account = new TestAccount(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4));

        var error = account.PcsError("UpdateComputeNodeGroup", request);

        Assert.Equal("ValidationException", error.Code);
        Assert.Equal("ACTIVE", account.Group("c", "compute-1").Status);
    }

    [Fact] // guide L2690-2694: one update at a time
    public void UpdateComputeNodeGroup_WhileUpdating_Conflict()
    {
        var account = new TestAccount(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4));
        account.Pcs("UpdateComputeNodeGroup", """{"clusterIdentifier":"c","computeNodeGroupIdentifier":"compute-1","scalingConfiguration":{"minInstanceCount":0,"maxInstanceCount":2}}""");

        var error = account.PcsError("UpdateComputeNodeGroup", """{"clusterIdentifier":"c","computeNodeGroupIdentifier":"compute-1","scalingConfiguration":{"minInstanceCount":0,"maxInstanceCount":3}}""");

        Assert.Equal("ConflictException", error.Code);
    }

    [Fact] // guide L2668: lowering max terminates instances, even busy ones (their jobs are requeued)
    public void UpdateComputeNodeGroup_LowerMax_TerminatesBusyInstancesDownToMax()
    {
        var scenario = Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4, demand: 4).At("+0m", "setBusy", "c", "compute-1", duration: "10h");
        var account = new TestAccount(scenario);
        account.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(4, account.RunningInstances("c", "compute-1"));

        account.Pcs("UpdateComputeNodeGroup", """{"clusterIdentifier":"c","computeNodeGroupIdentifier":"compute-1","scalingConfiguration":{"minInstanceCount":0,"maxInstanceCount":1}}""");
        account.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(1, account.UpInstances("c", "compute-1"));
        Assert.Equal(3, account.Aws.State.InstancesOfNodeGroup(account.Group("c", "compute-1").Id).Count(i => i.State == "terminated"));
    }

    [Fact] // guide L2419, L2386-2391: scaling min and max to 0 stops every node (the rotation preparation)
    public void UpdateComputeNodeGroup_ScaleToZero_AllInstancesTerminated()
    {
        var account = new TestAccount(Scenario.Cluster("c").WithNodeGroup("login", 1, 1).WithNodeGroup("compute-1", 2, 2));

        foreach (var group in new[] { "login", "compute-1" })
            account.Pcs("UpdateComputeNodeGroup", $$$"""{"clusterIdentifier":"c","computeNodeGroupIdentifier":"{{{group}}}","scalingConfiguration":{"minInstanceCount":0,"maxInstanceCount":0}}""");
        account.Advance(TimeSpan.FromMinutes(10));

        Assert.All(account.Aws.State.InstancesOfCluster(account.Cluster("c").Id), i => Assert.Equal("terminated", i.State));
    }

    [Fact] // guide L2667, L5935: ACTIVE once instances are only marked; each is replaced once idle
    public void UpdateComputeNodeGroup_NewAmi_ActiveWhileMarkedThenReplacedWhenIdle()
    {
        var scenario = Scenario.Cluster("c").WithNodeGroup("compute-1", 2, 2).At("+0m", "setBusy", "c", "compute-1", duration: "1h");
        var account = new TestAccount(scenario);
        account.Advance(TimeSpan.FromMinutes(5));

        account.Pcs("UpdateComputeNodeGroup", """{"clusterIdentifier":"c","computeNodeGroupIdentifier":"compute-1","amiId":"ami-0newnewnewnew0001"}""");
        account.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal("ACTIVE", account.Group("c", "compute-1").Status);
        var groupId = account.Group("c", "compute-1").Id;
        var up = account.Aws.State.InstancesOfNodeGroup(groupId).Where(i => i.IsUp).ToList();
        Assert.Equal(2, up.Count);
        Assert.All(up, i => Assert.True(i.MarkedForReplacement));
        Assert.All(up, i => Assert.NotEqual("ami-0newnewnewnew0001", i.ImageId));

        account.Advance(TimeSpan.FromHours(1)); // the jobs end: nodes become idle
        var after = account.Aws.State.InstancesOfNodeGroup(groupId).Where(i => i.IsUp).ToList();
        Assert.Equal(2, after.Count);
        Assert.All(after, i => Assert.Equal("ami-0newnewnewnew0001", i.ImageId));
    }

    [Fact] // guide L1962-1968 (scaleDownIdleTimeInSeconds): dynamic nodes go once idle for that long
    public void DynamicNodes_DemandEnds_TerminatedAfterScaleDownIdleTime()
    {
        var scenario = Scenario.Cluster("c").WithScaleDownIdleTime(600).WithNodeGroup("compute-1", 0, 4, demand: 3);
        var account = new TestAccount(scenario);
        account.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(3, account.RunningInstances("c", "compute-1"));

        account.Aws.Scenarios.SetDemand(account.Cluster("c"), account.Group("c", "compute-1"), 0);
        account.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(3, account.UpInstances("c", "compute-1")); // still inside the idle time (launched 8 min ago, 10 min needed)
        account.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(0, account.UpInstances("c", "compute-1"));
    }

    [Fact] // guide L2751: remove the group from every queue first
    public void DeleteComputeNodeGroup_UsedByQueue_Conflict()
    {
        var account = new TestAccount(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4).WithQueue("demo", "compute-1"));

        var error = account.PcsError("DeleteComputeNodeGroup", """{"clusterIdentifier":"c","computeNodeGroupIdentifier":"compute-1"}""");

        Assert.Equal("ConflictException", error.Code);
        Assert.Equal("ACTIVE", account.Group("c", "compute-1").Status);
    }

    [Fact] // guide L2749, L2765: all its instances are terminated; Deleting, then gone
    public void DeleteComputeNodeGroup_WithInstances_TerminatesThemAndDisappears()
    {
        var account = new TestAccount(Scenario.Cluster("c").WithNodeGroup("compute-1", 2, 2));
        account.Advance(TimeSpan.FromMinutes(3));
        var groupId = account.Group("c", "compute-1").Id;

        account.Pcs("DeleteComputeNodeGroup", """{"clusterIdentifier":"c","computeNodeGroupIdentifier":"compute-1"}""");
        account.Advance(TimeSpan.FromMinutes(10));

        Assert.All(account.Aws.State.InstancesOfNodeGroup(groupId), i => Assert.Equal("terminated", i.State));
        Assert.Equal("ResourceNotFoundException", account.PcsError("GetComputeNodeGroup", $$"""{"clusterIdentifier":"c","computeNodeGroupIdentifier":"{{groupId}}"}""").Code);
    }

    [Fact] // guide L2186: identifiers take a name or an ID
    public void GetComputeNodeGroup_ByNameOrId_SameGroup()
    {
        var account = new TestAccount(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4));
        var group = account.Group("c", "compute-1");

        var byName = account.Pcs("GetComputeNodeGroup", """{"clusterIdentifier":"c","computeNodeGroupIdentifier":"compute-1"}""");
        var byId = account.Pcs("GetComputeNodeGroup", $$"""{"clusterIdentifier":"{{account.Cluster("c").Id}}","computeNodeGroupIdentifier":"{{group.Id}}"}""");

        Assert.Equal(byName.ToJsonString(), byId.ToJsonString());
        Assert.Equal(0, byName["computeNodeGroup"]!["scalingConfiguration"]!["minInstanceCount"]!.GetValue<int>());
    }
}

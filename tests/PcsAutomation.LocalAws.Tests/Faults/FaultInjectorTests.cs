using PcsAutomation.LocalAws.Faults;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.Faults;

public class FaultInjectorTests
{
    [Fact]
    public void ThrottleRate_One_PcsAnswersThrottling429AndChangesNothing()
    {
        var account = new TestAccount(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4));
        account.Aws.Faults.Add(new FaultRule("pcs", "UpdateComputeNodeGroup") { ThrottleRate = 1 });

        var error = account.PcsError("UpdateComputeNodeGroup", """{"clusterIdentifier":"c","computeNodeGroupIdentifier":"compute-1","scalingConfiguration":{"minInstanceCount":0,"maxInstanceCount":0}}""");

        Assert.Equal(("ThrottlingException", 429), (error.Code, error.StatusCode));
        Assert.Equal("ACTIVE", account.Group("c", "compute-1").Status);
        account.Pcs("GetCluster", """{"clusterIdentifier":"c"}"""); // other operations unaffected
    }

    [Fact] // a throttled AMI update marks nothing: the instances keep their image
    public void ThrottleRate_One_AmiUpdateThrottledReplacesNothing()
    {
        var account = new TestAccount(Scenario.Cluster("c").WithNodeGroup("compute-1", 2, 2));
        account.Advance(TimeSpan.FromMinutes(5));
        var before = account.Aws.State.InstancesOfNodeGroup(account.Group("c", "compute-1").Id).Select(i => (i.InstanceId, i.ImageId)).ToList();
        account.Aws.Faults.Add(new FaultRule("pcs", "UpdateComputeNodeGroup") { ThrottleRate = 1 });

        var error = account.PcsError("UpdateComputeNodeGroup", """{"clusterIdentifier":"c","computeNodeGroupIdentifier":"compute-1","amiId":"ami-0bbbbbbbbbbbbbbb2"}""");
        account.Advance(TimeSpan.FromHours(1));

        Assert.Equal("ThrottlingException", error.Code);
        Assert.Null(account.Group("c", "compute-1").AmiId);
        var after = account.Aws.State.InstancesOfNodeGroup(account.Group("c", "compute-1").Id).ToList();
        Assert.Equal(before, after.Select(i => (i.InstanceId, i.ImageId)));
        Assert.All(after, i => Assert.Equal(("running", false), (i.State, i.MarkedForReplacement)));
    }

    [Fact]
    public void FailOnNthCall_Third_OnlyThirdCallFails()
    {
        var account = new TestAccount(Scenario.Cluster("c"));
        account.Aws.Faults.Add(new FaultRule("pcs", "GetCluster") { FailOnNthCall = 3, ForcedErrorCode = "InternalServerException", ForcedErrorStatus = 500 });

        account.Pcs("GetCluster", """{"clusterIdentifier":"c"}""");
        account.Pcs("GetCluster", """{"clusterIdentifier":"c"}""");
        var error = account.PcsError("GetCluster", """{"clusterIdentifier":"c"}""");
        account.Pcs("GetCluster", """{"clusterIdentifier":"c"}""");

        Assert.Equal(("InternalServerException", 500), (error.Code, error.StatusCode));
        Assert.Equal([200, 200, 500, 200], account.Aws.Calls.Of("pcs", "GetCluster").Select(c => c.Status));
    }

    [Fact]
    public void Latency_PerCall_AdvancesVirtualClock()
    {
        var account = new TestAccount(Scenario.Cluster("c"));
        account.Aws.Faults.Add(new FaultRule("pcs") { Latency = TimeSpan.FromSeconds(3) });
        var before = account.Aws.Clock.GetUtcNow();

        account.Pcs("ListClusters", "{}");
        account.Pcs("ListClusters", "{}");

        Assert.Equal(before.AddSeconds(6), account.Aws.Clock.GetUtcNow());
    }

    [Fact]
    public void ServerErrorRate_SameSeed_SameOutcomes()
    {
        static List<int> Run()
        {
            var account = new TestAccount(Scenario.Cluster("c"), new LocalAwsOptions { Seed = 7 });
            account.Aws.Faults.Add(new FaultRule("pcs", "GetCluster") { ServerErrorRate = 0.5 });
            for (var i = 0; i < 20; i++)
            {
                try
                {
                    account.Pcs("GetCluster", """{"clusterIdentifier":"c"}""");
                }
                catch (AwsServiceException)
                {
                }
            }
            return account.Aws.Calls.Calls.Select(c => c.Status).ToList();
        }

        var first = Run();

        Assert.Equal(first, Run());
        Assert.Contains(500, first);
        Assert.Contains(200, first);
    }
}

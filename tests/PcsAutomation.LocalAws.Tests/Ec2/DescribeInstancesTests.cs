using Amazon.EC2;
using Amazon.EC2.Model;
using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.LocalAws.Tests.Ec2;

public class DescribeInstancesTests
{
    private static Scenario Demo(int min = 2) =>
        Scenario.Cluster("demo").WithNodeGroup("compute-1", min: min, max: 10).WithQueue("q", "compute-1")
            .WithInstance("byo-login", ("pcs-automation:byo-login-for", "demo"));

    private static async Task<List<Instance>> AllAsync(AmazonEC2Client ec2, params Filter[] filters)
    {
        var response = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [.. filters] });
        return (response.Reservations ?? []).SelectMany(r => r.Instances).ToList();
    }

    [Fact] // guide L2948-2951: PCS tags the instances it launches with aws:pcs:cluster-id and aws:pcs:compute-node-group-id
    public async Task DescribeInstances_ClusterTagFilter_NodeGroupInstancesPendingThenRunning()
    {
        await using var account = await SdkAccount.StartAsync(Demo());
        var clusterId = account.ClusterId("demo");
        var byCluster = new Filter("tag:aws:pcs:cluster-id", [clusterId]);

        var launched = await AllAsync(account.Ec2, byCluster);
        account.Advance(TimeSpan.FromMinutes(5));
        var running = await AllAsync(account.Ec2, byCluster, new Filter("instance-state-name", ["running"]));

        Assert.Equal(2, launched.Count);
        Assert.All(launched, i => Assert.Equal(InstanceStateName.Pending, i.State.Name));
        Assert.All(launched, i => Assert.Equal(0, i.State.Code));
        Assert.Equal(2, running.Count);
        Assert.All(running, i => Assert.Equal(16, i.State.Code));
        var groupId = account.Aws.State.FindCluster("demo")!.FindNodeGroup("compute-1")!.Id;
        Assert.All(running, i => Assert.Contains(i.Tags, t => t.Key == "aws:pcs:compute-node-group-id" && t.Value == groupId));
        Assert.All(running, i => Assert.Matches("^i-[0-9a-f]{17}$", i.InstanceId));
    }

    [Fact]
    public async Task DescribeInstances_TagKeyAndTypeFilters_SelectTheByoLoginNode()
    {
        await using var account = await SdkAccount.StartAsync(Demo());

        var byo = await AllAsync(account.Ec2, new Filter("tag-key", ["pcs-automation:byo-login-for"]));
        var byType = await AllAsync(account.Ec2, new Filter("instance-type", ["c6i.*"]), new Filter("tag:Name", ["byo-login"]));

        var instance = Assert.Single(byo);
        Assert.Equal("c6i.large", instance.InstanceType.Value);
        Assert.Equal(instance.InstanceId, Assert.Single(byType).InstanceId);
    }

    [Fact]
    public async Task DescribeInstances_MaxResults_PagesWithNextToken()
    {
        await using var account = await SdkAccount.StartAsync(Demo(min: 7));

        var first = await account.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = 5 });
        var second = await account.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = 5, NextToken = first.NextToken });

        Assert.Equal(5, first.Reservations.SelectMany(r => r.Instances).Count());
        Assert.NotNull(first.NextToken);
        Assert.Equal(3, second.Reservations.SelectMany(r => r.Instances).Count()); // 7 nodes + the BYO login node
        Assert.Null(second.NextToken);
        var ids = first.Reservations.Concat(second.Reservations).SelectMany(r => r.Instances).Select(i => i.InstanceId).ToList();
        Assert.Equal(8, ids.Distinct().Count());
        Assert.All(first.Reservations, r => Assert.Equal("111122223333", r.OwnerId));
    }

    [Fact]
    public async Task DescribeInstances_InstanceIdsWithMaxResults_InvalidParameterCombination()
    {
        await using var account = await SdkAccount.StartAsync(Demo());
        var id = account.Aws.State.Instances.Keys.First();

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            account.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [id], MaxResults = 5 }));

        Assert.Equal("InvalidParameterCombination", error.ErrorCode);
    }

    [Fact]
    public async Task DescribeInstances_UnknownInstanceId_InvalidInstanceIdNotFound()
    {
        await using var account = await SdkAccount.StartAsync(Demo());

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            account.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-0123456789abcdef0"] }));

        Assert.Equal("InvalidInstanceID.NotFound", error.ErrorCode);
        Assert.Equal("The instance ID 'i-0123456789abcdef0' does not exist", error.Message);
    }

    [Fact] // guide L2668: lowering max terminates instances; EC2 still lists them as shutting-down, then terminated
    public async Task DescribeInstances_AfterScaleDown_TerminatedInstancesListedWithState()
    {
        await using var account = await SdkAccount.StartAsync(Demo());
        account.Advance(TimeSpan.FromMinutes(5));
        var group = account.Aws.State.FindCluster("demo")!.FindNodeGroup("compute-1")!;
        lock (account.Aws.State.Gate)
        {
            foreach (var instance in account.Aws.State.InstancesOfNodeGroup(group.Id).ToList()) account.Aws.Pcs.Fleet.Terminate(instance, "test");
        }
        account.Advance(TimeSpan.FromMinutes(5));

        var terminated = await AllAsync(account.Ec2, new Filter("instance-state-name", ["terminated"]));

        Assert.Equal(2, terminated.Count);
        Assert.All(terminated, i => Assert.Equal(48, i.State.Code));
        Assert.All(terminated, i => Assert.StartsWith("User initiated", i.StateTransitionReason, StringComparison.Ordinal));
    }
}

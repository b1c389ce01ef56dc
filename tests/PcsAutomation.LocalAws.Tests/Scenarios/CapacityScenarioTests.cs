using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.LocalAws.Tests.Scenarios;

/// <summary>The shipped <c>capacity</c> scenario (issue 11) and the benchmark fleet builder <see cref="CapacityFleet"/>.</summary>
public class CapacityScenarioTests
{
    private static LocalAws Capacity() => LocalAws.CreateInProcess(new LocalAwsOptions { Scenario = ScenarioFile.Load("capacity") });

    private static JsonArray Reservations(LocalAws aws, JsonObject? request = null) =>
        (JsonArray)((JsonObject)aws.Call("ec2", "DescribeCapacityReservations", request ?? []))["capacityReservationSet"]!;

    [Fact]
    public void CapacityScenario_AtStart_BlocksGroupsAndPolicyTags()
    {
        var aws = Capacity();
        var cluster = aws.State.FindCluster("capacity")!;

        var states = Reservations(aws).ToDictionary(r => (string)r!["capacityReservationId"]!, r => (string)r!["state"]!);
        Assert.Equal("scheduled", states["cr-0a000000000000002"]); // gpu-a's successor
        Assert.Equal(5, states.Values.Count(s => s == "active"));
        var successor = aws.State.CapacityBlocks["cr-0a000000000000002"];
        var expiring = aws.State.CapacityBlocks["cr-0a000000000000001"];
        Assert.Equal((expiring.InstanceType, expiring.AvailabilityZone), (successor.InstanceType, successor.AvailabilityZone));
        Assert.True(expiring.EndDate - aws.Clock.GetUtcNow() <= TimeSpan.FromHours(3));
        Assert.Equal("cr-0a000000000000002", cluster.FindNodeGroup("gpu-a")!.Tags["pcs-automation:successor-block"]);
        Assert.Equal("gpu-b-fallback", cluster.FindNodeGroup("gpu-b")!.Tags["pcs-automation:fallback-node-group"]);
        Assert.Empty(cluster.FindNodeGroup("gpu-c")!.Tags);
        Assert.Equal([cluster.FindNodeGroup("gpu-d")!.Id], cluster.FindQueue("gpu-d")!.ComputeNodeGroupIds);
    }

    [Fact] // guide L3492: a block split between clusters, each group with min = max
    public void CapacityScenario_SharedBlock_FourInstancesOfEachCluster()
    {
        var aws = Capacity();
        var shared = aws.State.CapacityBlocks["cr-0e000000000000001"];

        var byCluster = aws.State.Instances.Values.Where(i => i.CapacityReservationId == shared.CapacityReservationId && i.IsUp)
            .GroupBy(i => aws.State.Clusters[i.ClusterId!].Name).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(new Dictionary<string, int> { ["capacity"] = 4, ["capacity-2"] = 4 }, byCluster);
        Assert.All(aws.State.Clusters.Values.SelectMany(c => c.NodeGroups.Values).Where(g => g.Name.StartsWith("shared", StringComparison.Ordinal)),
            g => Assert.Equal(g.MinInstanceCount, g.MaxInstanceCount));
        Assert.Equal(0, (int)Reservations(aws, new JsonObject { ["CapacityReservationId.1"] = shared.CapacityReservationId })[0]!["availableInstanceCount"]!);
    }

    [Fact] // nothing done: gpu-d's block ends at +6h, EC2 ends its instances at +5h30, its jobs are requeued and held (guide L3480)
    public void CapacityScenario_NoActionTaken_QueueGpuDHoldsItsJobsAfterExpiry()
    {
        var aws = Capacity();

        aws.Clock.Advance(TimeSpan.FromHours(5) + TimeSpan.FromMinutes(29));
        Assert.Equal(2, aws.Slurm.Queue("capacity", "gpu-d").RunningJobs);
        Assert.All(aws.Slurm.Jobs("capacity").Where(j => j.Queue == "gpu-a"), j => Assert.Equal("COMPLETED", j.State));
        aws.Clock.Advance(TimeSpan.FromMinutes(2));

        var held = aws.Slurm.Queues().Where(q => q.HoldsJobs).Select(q => (q.Cluster, q.Queue, q.PendingJobs)).ToList();
        Assert.Equal([("capacity", "gpu-b", 2), ("capacity", "gpu-d", 2)], held);
        Assert.False(aws.Slurm.Queue("capacity", "gpu-c").HoldsJobs); // its cpu group can still run jobs
    }

    [Fact]
    public void CapacityFleet_Default_FiftyClustersOfTenGroupsOnTwentyBlocks()
    {
        var aws = LocalAws.CreateInProcess(new LocalAwsOptions { Scenario = CapacityFleet.Build().Build() });

        Assert.Equal(50, aws.State.Clusters.Count);
        Assert.All(aws.State.Clusters.Values, c => Assert.Equal(10, c.NodeGroups.Count));
        Assert.Equal(20, Reservations(aws).Count);
        var users = aws.State.Clusters.Values.SelectMany(c => c.NodeGroups.Values)
            .Select(g => aws.Pcs.Fleet.CapacityBlockOf(g)?.CapacityReservationId).OfType<string>()
            .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(20, users.Count);
        Assert.All(users.Values, n => Assert.Equal(5, n)); // 100 Capacity Block groups, 5 a block, max 2 each: 10 = the block
        var ends = aws.State.CapacityBlocks.Values.Select(b => b.EndDate).Order().ToList();
        Assert.Equal(aws.Clock.GetUtcNow().AddHours(2), ends[0]);
        Assert.Equal(aws.Clock.GetUtcNow().AddHours(21), ends[^1]);
        Assert.Empty(aws.State.Instances);
    }

    [Fact]
    public void CapacityFleet_TooManyGroups_RefusedNamingTheArgument()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CapacityFleet.Build(groupsPerCluster: 11));

        Assert.Equal("groupsPerCluster", error.ParamName);
    }
}

using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Functions.CapacityBlocks;
using PcsAutomation.Functions.Tests.Support;
using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.Functions.Tests.CapacityBlocks;

/// <summary>CapacityFactsReader against the emulator's <c>capacity</c> scenario: what EC2 and PCS say, as the domain's records.</summary>
public class CapacityFactsReaderTests
{
    private const string ExpiringA = "cr-0a000000000000001";
    private const string SuccessorA = "cr-0a000000000000002";
    private const string Shared = "cr-0e000000000000001";

    private static async Task<(HandlerHarness Harness, CapacityFactsReader Reader)> StartAsync()
    {
        var h = await HandlerHarness.StartAsync(ScenarioFile.Load("capacity"));
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(5)); // the jobs' nodes are running
        return (h, new CapacityFactsReader(h.Factory.CreatePcs(), h.Factory.CreateEc2()));
    }

    [Fact]
    public async Task ReadAsync_CapacityScenario_GivesEveryBlockGroupQueueTemplateAndInstance()
    {
        var (h, reader) = await StartAsync();
        await using var _ = h;
        var start = h.Aws.Clock.GetUtcNow() - TimeSpan.FromMinutes(5);

        var facts = await reader.ReadAsync(CancellationToken.None);

        Assert.Equal(["cr-0a000000000000001", "cr-0a000000000000002", "cr-0b000000000000001", "cr-0c000000000000001", "cr-0d000000000000001", Shared],
            facts.Reservations.Select(r => r.ReservationId));
        var expiring = facts.Reservation(ExpiringA)!;
        Assert.Equal(("p5.48xlarge", "us-east-1a", 4, "active", ReservationTypes.CapacityBlock, start + TimeSpan.FromHours(3)),
            (expiring.InstanceType, expiring.AvailabilityZone, expiring.TotalInstanceCount, expiring.State, expiring.ReservationType, expiring.EndDate));
        Assert.False(expiring.IsUltraServer());
        Assert.Equal("scheduled", facts.Reservation(SuccessorA)!.State);
        Assert.Equal("shared-training", facts.Reservation(Shared)!.Tags["team"]);

        Assert.Equal(["capacity", "capacity-2"], facts.Clusters.Select(c => c.ClusterName));
        var cluster = facts.Clusters[0];
        Assert.Equal("true", facts.TagsOf(cluster.ClusterId)["pcs-automation:managed"]);
        var gpuA = cluster.FindGroup("gpu-a")!;
        Assert.Equal((PurchaseOptions.CapacityBlock, 0, 4, "ACTIVE"), (gpuA.PurchaseOption, gpuA.MinInstanceCount, gpuA.MaxInstanceCount, gpuA.Status));
        Assert.Equal(["us-east-1a"], gpuA.SubnetAvailabilityZones);
        Assert.Equal(["p5.48xlarge"], gpuA.InstanceTypes);
        Assert.Equal(SuccessorA, gpuA.Tags["pcs-automation:successor-block"]);
        var queueC = Assert.Single(cluster.Queues, q => q.QueueName == "gpu-c");
        Assert.Equal([cluster.FindGroup("gpu-c")!.NodeGroupId, cluster.FindGroup("cpu")!.NodeGroupId], queueC.NodeGroupIds); // PCS's order

        var target = Assert.Single(facts.Templates, t => t.Targets(gpuA));
        Assert.Equal((ExpiringA, (string?)null, LaunchTemplateTarget.CapacityBlockMarketType), (target.CapacityReservationId, target.CapacityReservationResourceGroupArn, target.MarketType));
        Assert.DoesNotContain(facts.Templates, t => t.Targets(cluster.FindGroup("cpu")!)); // an On-Demand group's template is not read
        // nor its tags: only a group on a reservation has an expiry policy. Two clusters, six groups on blocks: 8 reads.
        Assert.Equal(8, h.Aws.Calls.Of("pcs", "ListTagsForResource").Count);

        var onA = facts.Instances.Where(i => i.NodeGroupIdTag == gpuA.NodeGroupId).ToList();
        Assert.Equal(4, onA.Count); // four 2-hour jobs
        Assert.All(onA, i => Assert.Equal((ExpiringA, cluster.ClusterId), (i.CapacityReservationId, i.ClusterIdTag)));

        var usage = facts.Usage();
        Assert.Equal(["shared-a", "shared-b"], usage.GroupsOf(Shared).Select(g => g.NodeGroupName).Order(StringComparer.Ordinal));
        Assert.Equal(["gpu-a"], usage.GroupsOf(ExpiringA).Select(g => g.NodeGroupName));
    }

    [Fact]
    public async Task ReadReservationAsync_KnownAndUnknownIds_GivesTheReservationOrNull()
    {
        var (h, reader) = await StartAsync();
        await using var _ = h;

        var known = await reader.ReadReservationAsync(ExpiringA, CancellationToken.None);
        var unknown = await reader.ReadReservationAsync("cr-0fffffffffffffff9", CancellationToken.None);

        Assert.Equal(ExpiringA, known!.ReservationId);
        Assert.Null(unknown);
    }

    [Fact]
    public async Task ReadAsync_SomeClusters_ReadsOnlyThoseClustersButEveryReservation()
    {
        var (h, reader) = await StartAsync();
        await using var _ = h;

        var facts = await reader.ReadAsync([h.ClusterId("capacity-2")], CancellationToken.None);

        Assert.Equal(["capacity-2"], facts.Clusters.Select(c => c.ClusterName));
        Assert.Equal(6, facts.Reservations.Count);
        Assert.Equal(["shared-b"], facts.Usage().GroupsOf(Shared).Select(g => g.NodeGroupName));
    }

    [Fact] // the reader must carry DescribeCapacityBlocks' UltraserverType: such a block loses its instances 60 minutes before its end, not 30
    public async Task ReadAsync_UltraServerBlock_MarkedUltraServerAndTimedFromEndMinus60()
    {
        var scenario = Scenario.Empty().WithCapacityBlock("nvl72", "p6e-gb200.36xlarge", 18, "-1d", "+6h", id: "cr-0f000000000000001");
        await using var h = await HandlerHarness.StartAsync(scenario);
        var reader = new CapacityFactsReader(h.Factory.CreatePcs(), h.Factory.CreateEc2());

        var block = (await reader.ReadAsync(CancellationToken.None)).Reservation("cr-0f000000000000001")!;
        var timing = ExpiryTiming.For(block, TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(20));

        Assert.Equal("u-p6e-gb200x72", block.UltraserverType);
        Assert.True(block.IsUltraServer());
        Assert.Equal(block.EndDate!.Value - TimeSpan.FromMinutes(60), timing.TerminationAt);
        lock (h.Aws.State.Gate)
            Assert.Equal(h.Aws.State.CapacityBlocks.Values.Single().TerminationStart, timing.TerminationAt); // the product's time is the emulator's EC2's
    }
}

using PcsAutomation.Domain.CapacityBlocks;
using static PcsAutomation.Domain.Tests.CapacityBlocks.Blocks;

namespace PcsAutomation.Domain.Tests.CapacityBlocks;

public class CapacityBlockDiscoveryTests
{
    private static string[] Codes(CapacityUsage usage) => usage.Findings.Select(f => f.Code).ToArray();

    [Fact]
    public void Discover_CapacityBlockGroupOnItsTemplatesBlock_OneUseAndNoFinding()
    {
        var gpu = Group("gpu");
        var onDemand = Group("cpu", purchase: "ONDEMAND", type: "c7i.large");
        var usage = Discover([Cluster([gpu, onDemand])], [Template(gpu), Template(onDemand, reservationId: Other)], Block());

        var block = Assert.Single(usage.Blocks);
        Assert.Equal(Expiring, block.ReservationId);
        Assert.Same(usage.Blocks[0].Reservation, block.Reservation);
        var use = Assert.Single(block.Groups);
        Assert.Equal(("pcs_gpu", UsageKinds.CapacityBlock, UsageSources.LaunchTemplate), (use.NodeGroupId, use.Kind, string.Join(",", use.Sources)));
        Assert.Empty(usage.Findings);
        Assert.False(block.IsShared());
    }

    [Fact]
    public void Discover_InstancesInAnotherBlockThanTheTemplate_BothUsesAndSeveralBlocksFinding()
    {
        var gpu = Group("gpu");
        var instances = new[]
        {
            new ReservationInstance("i-1", "running", Other, ClusterId, "pcs_gpu"),
            new ReservationInstance("i-2", "terminated", Next, ClusterId, "pcs_gpu"),
        };
        var usage = CapacityBlockDiscovery.Discover([Cluster([gpu])], [Template(gpu)], [Block(), Block(Other)], instances);

        Assert.Equal([Expiring, Other], usage.Blocks.Select(b => b.ReservationId));
        Assert.Equal([UsageSources.InstanceTags], usage.For(Other)!.Groups.Single().Sources);
        var finding = Assert.Single(usage.Findings);
        Assert.Equal(FindingCodes.SeveralBlocks, finding.Code);
        Assert.Contains($"{Expiring} from launch-template, {Other} from instance-tags", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_TemplateNotRead_BlockKnownFromInstancesWithAFinding()
    {
        var gpu = Group("gpu");
        var usage = CapacityBlockDiscovery.Discover([Cluster([gpu])], [], [Block()], [new ReservationInstance("i-1", "pending", Expiring, ClusterId, "pcs_gpu")]);

        Assert.Equal("pcs_gpu", Assert.Single(usage.GroupsOf(Expiring)).NodeGroupId);
        Assert.Equal([FindingCodes.NoReservationTarget], Codes(usage));
        Assert.Contains("could not be read", usage.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_ResourceGroupTarget_ReservationGroupFindingAndNoBlock()
    {
        var gpu = Group("gpu");
        var arn = "arn:aws:resource-groups:us-east-2:123456789012:group/EXAMPLE-CR-GROUP";
        var usage = Discover([Cluster([gpu])], [Template(gpu, reservationId: null, resourceGroupArn: arn)], Block());

        Assert.Empty(usage.Blocks);
        Assert.Null(Assert.Single(usage.Groups).ReservationId);
        var finding = Assert.Single(usage.Findings);
        Assert.Equal((FindingCodes.ReservationGroup, "guide L3415, L3494-3496"), (finding.Code, finding.Source));
        Assert.Contains(arn, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_TemplateWithoutReservationOrMarketType_BothFindings()
    {
        var gpu = Group("gpu");
        var usage = Discover([Cluster([gpu])], [Template(gpu, reservationId: null, marketType: null)], Block());

        Assert.Equal([FindingCodes.NoReservationTarget, FindingCodes.MarketType], Codes(usage));
        Assert.Contains("MarketType '(none)', not capacity-block", usage.Findings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_InterruptibleGroup_KindInterruptibleAndReportedAsANote()
    {
        var spare = Group("spare", purchase: "INTERRUPTIBLE_CAPACITY_RESERVATION");
        var usage = Discover([Cluster([spare])], [Template(spare, reservationId: Other, marketType: null)], Block(Other, reservationType: "default"));

        var use = Assert.Single(usage.Groups);
        Assert.Equal((UsageKinds.Interruptible, Other), (use.Kind, use.ReservationId));
        Assert.Empty(usage.Findings);
        Assert.Equal(FindingCodes.Interruptible, Assert.Single(usage.Notes).Code);
    }

    [Fact]
    public void Discover_BrokenConstraints_OneFindingEachWithItsGuideLines()
    {
        var wrong = Group("wrong", min: 2, max: 20, type: "p4de.24xlarge", zones: ["us-east-2c"]);
        var usage = Discover([Cluster([wrong])], [Template(wrong)], Block(state: "payment-failed"));

        Assert.Equal([FindingCodes.BlockState, FindingCodes.AboveBlockSize, FindingCodes.AvailabilityZone, FindingCodes.InstanceType, FindingCodes.InstanceFamily], Codes(usage));
        Assert.Equal(["guide L3416, L3457, L3468-3470", "guide L3459", "guide L3460; capacity-blocks-launch.html", "guide L3439, L3464", "guide L3413"], usage.Findings.Select(f => f.Source));
        Assert.All(usage.Findings, f => Assert.Equal(Expiring, f.ReservationId));
        Assert.Contains("block cr-0aaaaaaaaaaaaaaa1 is in us-east-2a, but node group wrong (pcs_wrong) of cluster demo has subnets only in us-east-2c", usage.Findings[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_UnknownOrNonBlockReservation_Findings()
    {
        var a = Group("a");
        var b = Group("b");
        var usage = Discover([Cluster([a, b])], [Template(a, reservationId: Other), Template(b, reservationId: Next)], Block(Next, reservationType: "default"));

        Assert.Equal([FindingCodes.NotACapacityBlock, FindingCodes.UnknownReservation], Codes(usage).Order(StringComparer.Ordinal));
        Assert.Null(usage.For(Other)!.Reservation);
    }

    [Fact]
    public void Discover_BlockSharedByTwoClustersWithMinEqualMax_SharedAndClean()
    {
        var one = Group("one", min: 10, max: 10);
        var two = Group("two", min: 6, max: 6, cluster: "pcs_cluster002");
        var usage = Discover([Cluster([one]), Cluster([two], id: "pcs_cluster002", name: "other")], [Template(one), Template(two)], Block());

        var block = Assert.Single(usage.Blocks);
        Assert.True(block.IsShared());
        Assert.Equal([ClusterId, "pcs_cluster002"], block.ClusterIds());
        Assert.Equal(16, block.MaxSum());
        Assert.Empty(usage.Findings);
    }

    [Fact]
    public void Discover_SharedBlockOversubscribedAndDynamic_SumAndMinMaxFindings()
    {
        var one = Group("one", min: 0, max: 10);
        var two = Group("two", min: 8, max: 8, cluster: "pcs_cluster002");
        var usage = Discover([Cluster([one]), Cluster([two], id: "pcs_cluster002", name: "other")], [Template(one), Template(two)], Block());

        Assert.Equal([FindingCodes.AboveBlockSize, FindingCodes.SharedMinMax], Codes(usage));
        Assert.Contains("may launch 18 together", usage.Findings[0].Message, StringComparison.Ordinal);
        Assert.Equal("pcs_one", usage.Findings[1].NodeGroupId);
    }
}

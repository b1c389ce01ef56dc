using Amazon.EC2;
using Amazon.EC2.Model;
using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.LocalAws.Tests.Ec2;

public class CapacityReservationTests
{
    private static Scenario GpuBlock() =>
        Scenario.Empty()
            .WithCapacityBlock("gpu-block", "p5.48xlarge", 2, "+1h", "+1d")
            .WithLaunchTemplate("gpu-lt", new LaunchTemplateVersionDefinition { ImageId = "ami-0ccccccccccccccc3", InstanceType = "p5.48xlarge", CapacityBlock = "gpu-block" })
            .AndCluster("demo").WithNodeGroup("gpu", min: 1, max: 2, instanceType: "p5.48xlarge", launchTemplate: "gpu-lt", purchaseOption: "CAPACITY_BLOCK");

    [Fact] // guide L3419-3427: capacity-block nodes only while the block is active
    public async Task DescribeCapacityReservations_BlockLifecycle_ScheduledActiveExpiredWithDatesAndCounts()
    {
        await using var account = await SdkAccount.StartAsync(GpuBlock());
        var start = account.Aws.Clock.GetUtcNow();

        var scheduled = Assert.Single((await account.Ec2.DescribeCapacityReservationsAsync(new DescribeCapacityReservationsRequest())).CapacityReservations);
        account.Advance(TimeSpan.FromHours(2));
        var active = Assert.Single((await account.Ec2.DescribeCapacityReservationsAsync(new DescribeCapacityReservationsRequest
        {
            Filters = [new Filter("state", ["active"]), new Filter("instance-type", ["p5.48xlarge"])],
        })).CapacityReservations);
        account.Advance(TimeSpan.FromDays(1));
        var expired = Assert.Single((await account.Ec2.DescribeCapacityReservationsAsync(new DescribeCapacityReservationsRequest
        {
            CapacityReservationIds = [scheduled.CapacityReservationId],
        })).CapacityReservations);

        Assert.Equal(CapacityReservationState.Scheduled, scheduled.State);
        Assert.Equal(CapacityReservationType.CapacityBlock, scheduled.ReservationType);
        Assert.Equal(start.AddHours(1).UtcDateTime, scheduled.StartDate!.Value.ToUniversalTime());
        Assert.Equal(start.AddDays(1).UtcDateTime, scheduled.EndDate!.Value.ToUniversalTime());
        Assert.Equal(("us-east-1a", 2), (scheduled.AvailabilityZone, scheduled.TotalInstanceCount!.Value));
        Assert.Equal(CapacityReservationState.Active, active.State);
        Assert.Equal(1, active.AvailableInstanceCount); // one node of the group runs in it
        Assert.Equal(CapacityReservationState.Expired, expired.State);
        Assert.Matches("^cr-[0-9a-f]{17}$", scheduled.CapacityReservationId);
    }

    [Fact]
    public async Task DescribeInstances_CapacityReservationFilter_NodesOfTheBlock()
    {
        await using var account = await SdkAccount.StartAsync(GpuBlock());
        account.Advance(TimeSpan.FromHours(2));
        var blockId = account.Aws.State.CapacityBlocks.Keys.Single();

        var reservations = (await account.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest
        {
            Filters = [new Filter("capacity-reservation-id", [blockId])],
        })).Reservations;

        var instance = Assert.Single(reservations.SelectMany(r => r.Instances));
        Assert.Equal(blockId, instance.CapacityReservationId);
        Assert.Equal(InstanceLifecycleType.CapacityBlock, instance.InstanceLifecycle);
        Assert.Equal("us-east-1a", instance.Placement.AvailabilityZone);
    }

    [Fact]
    public async Task DescribeCapacityReservations_UnknownId_NotFound()
    {
        await using var account = await SdkAccount.StartAsync(GpuBlock());

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => account.Ec2.DescribeCapacityReservationsAsync(
            new DescribeCapacityReservationsRequest { CapacityReservationIds = ["cr-00000000000000000"] }));

        Assert.Equal("InvalidCapacityReservationId.NotFound", error.ErrorCode);
    }
}

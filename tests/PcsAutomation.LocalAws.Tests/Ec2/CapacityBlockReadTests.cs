using Amazon.EC2;
using Amazon.EC2.Model;
using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.LocalAws.Tests.Ec2;

/// <summary>
/// The Capacity Block reads the product uses, through the real AWSSDK.EC2 client (its unmarshallers read the EC2 model's
/// element names): DescribeCapacityReservations, DescribeCapacityBlocks, DescribeCapacityBlockStatus (guide L9048-9058).
/// </summary>
public class CapacityBlockReadTests
{
    private const string Active = "cr-0a000000000000001";
    private const string Scheduled = "cr-0a000000000000002";
    private const string Expired = "cr-0a000000000000003";

    // Three blocks: active (+ a group of 2 running in it), scheduled, and one that has ended.
    private static Scenario Blocks() =>
        Scenario.Empty()
            .WithCapacityBlock("active", "p5.48xlarge", 4, "-1d", "+3h", id: Active, tags: new Dictionary<string, string> { ["team"] = "ml" })
            .WithCapacityBlock("scheduled", "p5.48xlarge", 4, "+2h", "+5d", id: Scheduled, availabilityZone: "us-east-1b")
            .WithCapacityBlock("gone", "p4d.24xlarge", 2, "-3d", "-1d", id: Expired)
            .WithLaunchTemplate("gpu-lt", new LaunchTemplateVersionDefinition { ImageId = "ami-0ccccccccccccccc3", InstanceType = "p5.48xlarge", CapacityBlock = "active" })
            .AndCluster("c").WithNodeGroup("gpu", min: 2, max: 2, instanceType: "p5.48xlarge", launchTemplate: "gpu-lt", purchaseOption: "CAPACITY_BLOCK");

    [Fact] // https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/capacity-blocks-view.html: zero available before the start
    public async Task DescribeCapacityReservations_ScheduledBlock_NoneAvailableAndSizeInRequestedQuantityTag()
    {
        await using var account = await SdkAccount.StartAsync(Blocks());

        var reservation = Assert.Single((await account.Ec2.DescribeCapacityReservationsAsync(new DescribeCapacityReservationsRequest
        {
            CapacityReservationIds = [Scheduled],
        })).CapacityReservations);

        Assert.Equal(CapacityReservationState.Scheduled, reservation.State);
        Assert.Equal((4, 0), (reservation.TotalInstanceCount!.Value, reservation.AvailableInstanceCount!.Value));
        Assert.Equal("4", Assert.Single(reservation.Tags, t => t.Key == PcsAutomation.LocalAws.World.CapacityBlock.RequestedQuantityTag).Value);
        Assert.Equal(("us-east-1b", "use1-az2"), (reservation.AvailabilityZone, reservation.AvailabilityZoneId));
        Assert.Equal("cb-0a000000000000002", reservation.CapacityBlockId);
        Assert.Equal(CapacityReservationType.CapacityBlock, reservation.ReservationType);
    }

    [Fact]
    public async Task DescribeCapacityReservations_TagFilter_TaggedBlockWithItsTags()
    {
        await using var account = await SdkAccount.StartAsync(Blocks());

        var reservation = Assert.Single((await account.Ec2.DescribeCapacityReservationsAsync(new DescribeCapacityReservationsRequest
        {
            Filters = [new Filter("tag:team", ["ml"])],
        })).CapacityReservations);

        Assert.Equal(Active, reservation.CapacityReservationId);
        Assert.Equal(CapacityReservationState.Active, reservation.State);
        Assert.Equal(2, reservation.AvailableInstanceCount); // 4 less the group's 2 nodes
        Assert.Contains(reservation.Tags, t => t.Key == "team" && t.Value == "ml");
    }

    [Fact] // the model's DescribeCapacityReservations filters have no reservation-type (botocore EC2 model)
    public async Task DescribeCapacityReservations_ReservationTypeFilter_InvalidParameterValue()
    {
        await using var account = await SdkAccount.StartAsync(Blocks());

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => account.Ec2.DescribeCapacityReservationsAsync(new DescribeCapacityReservationsRequest
        {
            Filters = [new Filter("reservation-type", ["capacity-block"])],
        }));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Contains("reservation-type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeCapacityReservations_MaxResultsOne_PagesThroughEveryBlockInStartOrder()
    {
        await using var account = await SdkAccount.StartAsync(Blocks());
        var seen = new List<string>();
        string? token = null;
        var pages = 0;

        do
        {
            var page = await account.Ec2.DescribeCapacityReservationsAsync(new DescribeCapacityReservationsRequest { MaxResults = 1, NextToken = token });
            seen.AddRange(page.CapacityReservations.Select(r => r.CapacityReservationId));
            token = page.NextToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal([Expired, Active, Scheduled], seen);
    }

    [Fact]
    public async Task DescribeCapacityReservations_EndDateFilter_BlocksEndingThen()
    {
        await using var account = await SdkAccount.StartAsync(Blocks());
        var end = account.Aws.State.CapacityBlocks[Active].EndDate;

        var reservation = Assert.Single((await account.Ec2.DescribeCapacityReservationsAsync(new DescribeCapacityReservationsRequest
        {
            Filters = [new Filter("end-date", [end.UtcDateTime.ToString("yyyy-MM-dd'T'HH", System.Globalization.CultureInfo.InvariantCulture) + "*"]), new Filter("state", ["active"])],
        })).CapacityReservations);

        Assert.Equal(Active, reservation.CapacityReservationId);
    }

    [Fact] // botocore EC2 model, CapacityBlock: id, zone, reservations, dates, state, tags
    public async Task DescribeCapacityBlocks_AllBlocks_OnePerReservationWithDatesStateAndTags()
    {
        await using var account = await SdkAccount.StartAsync(Blocks());
        var block = account.Aws.State.CapacityBlocks[Active];

        var blocks = (await account.Ec2.DescribeCapacityBlocksAsync(new DescribeCapacityBlocksRequest())).CapacityBlocks;
        var active = Assert.Single(blocks, b => b.CapacityBlockId == "cb-0a000000000000001");

        Assert.Equal(3, blocks.Count);
        Assert.Equal([Active], active.CapacityReservationIds);
        Assert.Equal(CapacityBlockResourceState.Active, active.State);
        Assert.Equal(block.StartDate.UtcDateTime, active.StartDate!.Value.ToUniversalTime());
        Assert.Equal(block.EndDate.UtcDateTime, active.EndDate!.Value.ToUniversalTime());
        Assert.Equal(block.CreateDate.UtcDateTime, active.CreateDate!.Value.ToUniversalTime());
        Assert.Equal(("us-east-1a", "use1-az1"), (active.AvailabilityZone, active.AvailabilityZoneId));
        Assert.Contains(active.Tags, t => t.Key == "team" && t.Value == "ml");
        Assert.Equal(CapacityBlockResourceState.Expired, Assert.Single(blocks, b => b.CapacityBlockId == "cb-0a000000000000003").State);
    }

    [Fact] // API_CapacityBlock.html: ultraserverType, "The EC2 UltraServer type of the Capacity Block" (its value spelling: README, Inferred)
    public async Task DescribeCapacityBlocks_UltraServerBlock_HasItsUltraserverTypeBlocksOfInstancesNone()
    {
        await using var account = await SdkAccount.StartAsync(Blocks().WithCapacityBlock("nvl72", "p6e-gb200.36xlarge", 18, "-1d", "+6h"));

        var blocks = (await account.Ec2.DescribeCapacityBlocksAsync(new DescribeCapacityBlocksRequest())).CapacityBlocks;

        Assert.Equal("u-p6e-gb200x72", Assert.Single(blocks, b => b.UltraserverType is not null).UltraserverType);
        Assert.Equal(3, blocks.Count(b => b.UltraserverType is null));
        var ultra = account.Aws.State.CapacityBlocks.Values.Single(b => b.InstanceType == "p6e-gb200.36xlarge");
        Assert.Equal(ultra.EndDate - TimeSpan.FromMinutes(60), ultra.TerminationStart);
    }

    [Fact]
    public async Task DescribeCapacityBlocks_IdsAndStateFilter_OnlyThoseBlocks()
    {
        await using var account = await SdkAccount.StartAsync(Blocks());

        var blocks = (await account.Ec2.DescribeCapacityBlocksAsync(new DescribeCapacityBlocksRequest
        {
            CapacityBlockIds = ["cb-0a000000000000001", "cb-0a000000000000002"],
            Filters = [new Filter("state", ["scheduled"])],
        })).CapacityBlocks;

        Assert.Equal("cb-0a000000000000002", Assert.Single(blocks).CapacityBlockId);
    }

    [Fact]
    public async Task DescribeCapacityBlocks_UnknownId_ErrorNamingIt()
    {
        await using var account = await SdkAccount.StartAsync(Blocks());

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => account.Ec2.DescribeCapacityBlocksAsync(new DescribeCapacityBlocksRequest
        {
            CapacityBlockIds = ["cb-0ffffffffffffffff"],
        }));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Contains("cb-0ffffffffffffffff", error.Message, StringComparison.Ordinal);
    }

    [Fact] // botocore EC2 model, CapacityBlockStatus: total, what can still be launched, unavailable
    public async Task DescribeCapacityBlockStatus_ActiveBlockWithTwoNodes_TwoOfFourAvailable()
    {
        await using var account = await SdkAccount.StartAsync(Blocks());
        account.Advance(TimeSpan.FromMinutes(5));

        var statuses = (await account.Ec2.DescribeCapacityBlockStatusAsync(new DescribeCapacityBlockStatusRequest
        {
            CapacityBlockIds = ["cb-0a000000000000001"],
        })).CapacityBlockStatuses;

        var status = Assert.Single(statuses);
        Assert.Equal(CapacityBlockInterconnectStatus.Ok, status.InterconnectStatus);
        Assert.Equal((4, 2, 0), (status.TotalCapacity!.Value, status.TotalAvailableCapacity!.Value, status.TotalUnavailableCapacity!.Value));
        var reservation = Assert.Single(status.CapacityReservationStatuses);
        Assert.Equal((Active, 4, 2), (reservation.CapacityReservationId, reservation.TotalCapacity!.Value, reservation.TotalAvailableCapacity!.Value));
    }

    [Fact]
    public async Task DescribeCapacityBlockStatus_NoIds_EveryBlockNoneAvailableUnlessActive()
    {
        await using var account = await SdkAccount.StartAsync(Blocks());

        var statuses = (await account.Ec2.DescribeCapacityBlockStatusAsync(new DescribeCapacityBlockStatusRequest())).CapacityBlockStatuses;

        Assert.Equal(3, statuses.Count);
        Assert.Equal(0, Assert.Single(statuses, s => s.CapacityBlockId == "cb-0a000000000000002").TotalAvailableCapacity);
        Assert.Equal(0, Assert.Single(statuses, s => s.CapacityBlockId == "cb-0a000000000000003").TotalAvailableCapacity);
    }

    [Fact] // https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/capacity-blocks-extend.html: payment-pending, then paid or failed
    public async Task DescribeCapacityBlockExtensionHistory_PendingThenSucceeded_StatusAndDates()
    {
        await using var account = await SdkAccount.StartAsync(Blocks());
        var oldEnd = account.Aws.State.CapacityBlocks[Active].EndDate;
        account.Aws.Scenarios.ExtendCapacityBlock(Active, oldEnd.AddDays(1), paymentDelay: TimeSpan.FromMinutes(20));

        var pending = Assert.Single((await account.Ec2.DescribeCapacityBlockExtensionHistoryAsync(new DescribeCapacityBlockExtensionHistoryRequest
        {
            CapacityReservationIds = [Active],
        })).CapacityBlockExtensions);
        account.Advance(TimeSpan.FromMinutes(20));
        var paid = Assert.Single((await account.Ec2.DescribeCapacityBlockExtensionHistoryAsync(new DescribeCapacityBlockExtensionHistoryRequest
        {
            Filters = [new Filter("capacity-block-extension-status", ["payment-succeeded"])],
        })).CapacityBlockExtensions);

        Assert.Equal(CapacityBlockExtensionStatus.PaymentPending, pending.CapacityBlockExtensionStatus);
        Assert.Equal(CapacityBlockExtensionStatus.PaymentSucceeded, paid.CapacityBlockExtensionStatus);
        Assert.Equal((Active, "p5.48xlarge", 4, 24), (paid.CapacityReservationId, paid.InstanceType, paid.InstanceCount!.Value, paid.CapacityBlockExtensionDurationHours!.Value));
        Assert.Equal(oldEnd.UtcDateTime, paid.CapacityBlockExtensionStartDate!.Value.ToUniversalTime());
        Assert.Equal(oldEnd.AddDays(1).UtcDateTime, paid.CapacityBlockExtensionEndDate!.Value.ToUniversalTime());
    }
}

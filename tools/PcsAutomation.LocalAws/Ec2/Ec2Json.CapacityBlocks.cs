using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Protocol;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Ec2;

// Capacity Blocks as the EC2 model renders them: element names are the locationNames of the shapes CapacityReservation,
// CapacityBlock, CapacityBlockStatus, CapacityReservationStatus and CapacityBlockExtension (botocore 1.43
// data/ec2/2016-11-15/service-2.json; the same names are in AWSSDK.EC2 4.0.132.2's unmarshallers).
internal static partial class Ec2Json
{
    /// <summary>
    /// Instances that can still be launched into the block: none before it starts ("Before a Capacity Block reservation
    /// begins, the available capacity appears as zero", https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/capacity-blocks-view.html)
    /// nor once it has ended; while active, its size less the instances using it, whichever cluster they belong to.
    /// </summary>
    public static int AvailableInstances(CapacityBlock block, AwsWorld world)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(world);
        if (block.StateAt(world.Now) != "active") return 0;
        var used = world.Instances.Values.Count(i => i.CapacityReservationId == block.CapacityReservationId && i.IsNotStopped);
        return Math.Max(0, block.InstanceCount - used);
    }

    public static JsonObject CapacityReservation(CapacityBlock block, AwsWorld world) => new()
    {
        ["capacityReservationId"] = block.CapacityReservationId,
        ["ownerId"] = world.AccountId,
        ["capacityReservationArn"] = $"arn:aws:ec2:{world.Region}:{world.AccountId}:capacity-reservation/{block.CapacityReservationId}",
        ["availabilityZoneId"] = AvailabilityZones.IdOf(block.AvailabilityZone),
        ["instanceType"] = block.InstanceType,
        ["instancePlatform"] = "Linux/UNIX",
        ["availabilityZone"] = block.AvailabilityZone,
        ["tenancy"] = "default",
        ["totalInstanceCount"] = block.InstanceCount,
        ["availableInstanceCount"] = AvailableInstances(block, world),
        ["ebsOptimized"] = true,
        ["ephemeralStorage"] = false,
        ["state"] = block.StateAt(world.Now),
        ["startDate"] = AwsTimestamp.Iso8601(block.StartDate),
        ["endDate"] = AwsTimestamp.Iso8601(block.EndDate),
        ["endDateType"] = "limited",
        ["instanceMatchCriteria"] = "targeted",
        ["createDate"] = AwsTimestamp.Iso8601(block.CreateDate),
        ["tagSet"] = Tags(block.Tags),
        ["reservationType"] = "capacity-block",
        ["capacityBlockId"] = block.CapacityBlockId,
    };

    public static JsonObject CapacityBlock(CapacityBlock block, AwsWorld world) => new()
    {
        ["capacityBlockId"] = block.CapacityBlockId,
        ["ultraserverType"] = block.UltraserverType,
        ["availabilityZone"] = block.AvailabilityZone,
        ["availabilityZoneId"] = AvailabilityZones.IdOf(block.AvailabilityZone),
        ["capacityReservationIdSet"] = new JsonArray(block.CapacityReservationId),
        ["startDate"] = AwsTimestamp.Iso8601(block.StartDate),
        ["endDate"] = AwsTimestamp.Iso8601(block.EndDate),
        ["createDate"] = AwsTimestamp.Iso8601(block.CreateDate),
        ["state"] = block.StateAt(world.Now),
        ["tagSet"] = Tags(block.Tags),
    };

    /// <summary>
    /// The block's capacity: total, what can still be launched (<see cref="AvailableInstances"/>), and none unavailable
    /// ("unavailable for use due to a system status check failure": no such failures are emulated); the interconnect ok.
    /// </summary>
    public static JsonObject CapacityBlockStatus(CapacityBlock block, AwsWorld world)
    {
        var available = AvailableInstances(block, world);
        return new JsonObject
        {
            ["capacityBlockId"] = block.CapacityBlockId,
            ["interconnectStatus"] = "ok",
            ["totalCapacity"] = block.InstanceCount,
            ["totalAvailableCapacity"] = available,
            ["totalUnavailableCapacity"] = 0,
            ["capacityReservationStatusSet"] = new JsonArray(new JsonObject
            {
                ["capacityReservationId"] = block.CapacityReservationId,
                ["totalCapacity"] = block.InstanceCount,
                ["totalAvailableCapacity"] = available,
                ["totalUnavailableCapacity"] = 0,
            }),
        };
    }

    public static JsonObject CapacityBlockExtension(CapacityBlock block, CapacityBlockExtension extension) => new()
    {
        ["capacityReservationId"] = block.CapacityReservationId,
        ["instanceType"] = block.InstanceType,
        ["instanceCount"] = block.InstanceCount,
        ["availabilityZone"] = block.AvailabilityZone,
        ["availabilityZoneId"] = AvailabilityZones.IdOf(block.AvailabilityZone),
        ["capacityBlockExtensionDurationHours"] = extension.DurationHours,
        ["capacityBlockExtensionStatus"] = extension.Status,
        ["capacityBlockExtensionPurchaseDate"] = AwsTimestamp.Iso8601(extension.PurchaseDate),
        ["capacityBlockExtensionStartDate"] = AwsTimestamp.Iso8601(extension.StartDate),
        ["capacityBlockExtensionEndDate"] = AwsTimestamp.Iso8601(extension.EndDate),
    };
}

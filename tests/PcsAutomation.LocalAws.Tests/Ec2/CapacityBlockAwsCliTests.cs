using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.Ec2;

/// <summary>A client we did not write: the AWS CLI (botocore 1.43's EC2 model parses the answers) on the capacity scenario.</summary>
public class CapacityBlockAwsCliTests
{
    [Fact]
    public async Task AwsCli_CapacityBlockReads_ParsedWithTheModelsMemberNames()
    {
        await using var aws = await LocalAws.StartAsync(new LocalAwsOptions { Scenario = ScenarioFile.Load("capacity") });

        var blocks = await AwsCli.JsonAsync(aws, "ec2", "describe-capacity-blocks", "--filters", "Name=state,Values=scheduled");
        var statuses = await AwsCli.JsonAsync(aws, "ec2", "describe-capacity-block-status", "--capacity-block-ids", "cb-0e000000000000001");
        var reservations = await AwsCli.JsonAsync(aws, "ec2", "describe-capacity-reservations", "--filters", "Name=tag:team,Values=shared-training");
        var history = await AwsCli.JsonAsync(aws, "ec2", "describe-capacity-block-extension-history");

        var block = Assert.Single(blocks["CapacityBlocks"]!.AsArray())!;
        Assert.Equal("cb-0a000000000000002", (string?)block["CapacityBlockId"]);
        Assert.Equal("cr-0a000000000000002", (string?)block["CapacityReservationIds"]![0]);
        Assert.Equal("scheduled", (string?)block["State"]);
        var status = Assert.Single(statuses["CapacityBlockStatuses"]!.AsArray())!;
        Assert.Equal((8, 0), ((int)status["TotalCapacity"]!, (int)status["TotalAvailableCapacity"]!)); // 4 + 4 from two clusters
        Assert.Equal("cr-0e000000000000001", (string?)status["CapacityReservationStatuses"]![0]!["CapacityReservationId"]);
        var reservation = Assert.Single(reservations["CapacityReservations"]!.AsArray())!;
        Assert.Equal(("cr-0e000000000000001", "capacity-block", "active"),
            ((string?)reservation["CapacityReservationId"], (string?)reservation["ReservationType"], (string?)reservation["State"]));
        Assert.Empty(history["CapacityBlockExtensions"]!.AsArray());
    }
}

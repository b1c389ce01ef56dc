using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Ec2;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.Tests.Support;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Tests.Ec2;

/// <summary>
/// Extensions and their payment (guide L3472-3476; https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/capacity-blocks-extend.html):
/// the end date moves only once paid; a failed payment keeps the original end.
/// </summary>
public class CapacityBlockExtensionTests
{
    private const string Block = "cr-0a000000000000001";

    // An active block ending at +10h, a group using all of it.
    private static TestAccount Account(Scenario? extra = null) => new(
        (extra ?? Scenario.Empty())
            .WithCapacityBlock("block", "p5.48xlarge", 2, "-1h", "+10h", id: Block)
            .WithLaunchTemplate("gpu-lt", new LaunchTemplateVersionDefinition { InstanceType = "p5.48xlarge", CapacityBlock = "block", ImageId = "ami-0ccccccccccccccc3" })
            .AndCluster("c").WithNodeGroup("gpu", 2, 2, "p5.48xlarge", launchTemplate: "gpu-lt", purchaseOption: "CAPACITY_BLOCK"));

    private static JsonObject Reservation(TestAccount account) =>
        (JsonObject)((JsonObject)account.Aws.Call("ec2", "DescribeCapacityReservations", new JsonObject { ["CapacityReservationId.1"] = Block }))
            ["capacityReservationSet"]![0]!;

    private static CapacityBlock BlockOf(TestAccount account) => account.Aws.State.CapacityBlocks[Block];

    [Fact] // guide L3474: "the end date is updated once the payment of your extension has succeeded"
    public void ExtendCapacityBlock_PaymentPending_EndDateMovesOnlyOncePaid()
    {
        var account = Account();
        var oldEnd = BlockOf(account).EndDate;
        var extension = account.Aws.Scenarios.ExtendCapacityBlock(Block, oldEnd.AddDays(1), paymentDelay: TimeSpan.FromHours(2));

        account.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        Assert.Equal(CapacityBlockExtension.PaymentPending, extension.Status);
        Assert.Equal(("active", Protocol.AwsTimestamp.Iso8601(oldEnd)), ((string)Reservation(account)["state"]!, (string)Reservation(account)["endDate"]!));

        account.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(CapacityBlockExtension.PaymentSucceeded, extension.Status);
        Assert.Equal(Protocol.AwsTimestamp.Iso8601(oldEnd.AddDays(1)), (string)Reservation(account)["endDate"]!);

        account.Aws.Clock.AdvanceTo(oldEnd.AddMinutes(5));
        Assert.Equal(2, account.RunningInstances("c", "gpu")); // past the old end, nothing was terminated
    }

    [Fact] // guide L3476: a failed payment keeps the block active until its original end
    public void ExtendCapacityBlock_PaymentFails_OriginalEndAndTerminationStay()
    {
        var account = Account();
        var oldEnd = BlockOf(account).EndDate;
        var extension = account.Aws.Scenarios.ExtendCapacityBlock(Block, oldEnd.AddDays(1), paymentDelay: TimeSpan.FromHours(1), paymentFails: true);

        account.Advance(TimeSpan.FromHours(1));
        Assert.Equal(CapacityBlockExtension.PaymentFailed, extension.Status);
        Assert.Equal(("active", Protocol.AwsTimestamp.Iso8601(oldEnd)), ((string)Reservation(account)["state"]!, (string)Reservation(account)["endDate"]!));

        account.Aws.Clock.AdvanceTo(oldEnd.AddMinutes(-31));
        Assert.Equal(2, account.UpInstances("c", "gpu"));
        account.Aws.Clock.AdvanceTo(oldEnd.AddMinutes(-30));
        Assert.Equal(0, account.UpInstances("c", "gpu")); // EC2's termination at the old end - 30 min
    }

    [Fact] // capacity-blocks-extend.html: not processed "up to 35 minutes before the Capacity Block is scheduled to end": failed
    public void ExtendCapacityBlock_PaymentStillPending35MinutesBeforeEnd_FailsThen()
    {
        var account = Account();
        var oldEnd = BlockOf(account).EndDate;
        account.Aws.Clock.AdvanceTo(oldEnd.AddHours(-2));
        var extension = account.Aws.Scenarios.ExtendCapacityBlock(Block, oldEnd.AddDays(1), paymentDelay: TimeSpan.FromHours(3));

        account.Aws.Clock.AdvanceTo(oldEnd.AddMinutes(-35).AddSeconds(-1));
        Assert.Equal(CapacityBlockExtension.PaymentPending, extension.Status);
        account.Aws.Clock.AdvanceTo(oldEnd.AddMinutes(-35));

        Assert.Equal(CapacityBlockExtension.PaymentFailed, extension.Status);
        Assert.Equal(oldEnd, BlockOf(account).EndDate);
    }

    [Fact] // the expiration warning for the old end is sent while the payment is pending: the end has not moved yet
    public void ExtendCapacityBlock_PaidAfterWarning_WarningForOldEndThenNoTermination()
    {
        var account = Account();
        var oldEnd = BlockOf(account).EndDate;
        account.Aws.Clock.AdvanceTo(oldEnd.AddHours(-1));
        account.Aws.Scenarios.ExtendCapacityBlock(Block, oldEnd.AddDays(1), paymentDelay: TimeSpan.FromMinutes(22));

        account.Aws.Clock.AdvanceTo(oldEnd.AddMinutes(5));

        var warning = Assert.Single(account.Aws.State.CapacityBlockEvents.Events, e => (string?)e["detail-type"] == CapacityBlockEvents.ExpirationWarningDetailType);
        Assert.Equal(oldEnd.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), (string?)warning["detail"]!["end-date"]);
        Assert.Equal(2, account.RunningInstances("c", "gpu")); // paid at end - 38 min: EC2 terminates nothing at end - 30
    }

    [Theory] // capacity-blocks-extend.html: active or scheduled, no extension payment-pending, at least an hour before the end
    [InlineData("second while pending")]
    [InlineData("less than an hour before the end")]
    [InlineData("not later than the end")]
    [InlineData("expired")]
    public void ExtendCapacityBlock_NotAllowed_RefusedAndNothingChanges(string why)
    {
        var account = Account();
        var oldEnd = BlockOf(account).EndDate;
        if (why == "second while pending") account.Aws.Scenarios.ExtendCapacityBlock(Block, oldEnd.AddDays(1), paymentDelay: TimeSpan.FromHours(1));
        if (why == "less than an hour before the end") account.Aws.Clock.AdvanceTo(oldEnd.AddMinutes(-59));
        if (why == "expired") account.Aws.Clock.AdvanceTo(oldEnd.AddMinutes(1));
        var before = account.Aws.Snapshot().ToJsonString();

        var error = Assert.Throws<InvalidOperationException>(() =>
            account.Aws.Scenarios.ExtendCapacityBlock(Block, why == "not later than the end" ? oldEnd : oldEnd.AddDays(2)));

        Assert.Contains(Block, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, account.Aws.Snapshot().ToJsonString());
    }

    [Fact]
    public void TimelineExtension_PaymentDelayAndFailure_FromTheScenarioFile()
    {
        var scenario = ScenarioFile.Parse($"""
            capacityBlocks:
              - name: block
                id: {Block}
                instanceType: p5.48xlarge
                start: -1h
                end: +10h
            timeline:
              - at: +1h
                action: extendCapacityBlock
                capacityBlock: block
                end: +2d
                paymentDelay: 30m
                payment: failed
            """, "ext.yaml");
        var aws = LocalAws.CreateInProcess(new LocalAwsOptions { Scenario = scenario });

        aws.Clock.Advance(TimeSpan.FromHours(1));
        var extension = Assert.Single(aws.State.CapacityBlocks[Block].Extensions);
        Assert.Equal(CapacityBlockExtension.PaymentPending, extension.Status);
        aws.Clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(CapacityBlockExtension.PaymentFailed, extension.Status);
        Assert.Equal(aws.Options.StartTime.AddHours(10), aws.State.CapacityBlocks[Block].EndDate);
    }

    [Theory]
    [InlineData("paymentDelay: soon", "timeline[0].paymentDelay")]
    [InlineData("payment: maybe", "an extension's payment is succeeded or failed")]
    public void ScenarioFile_BadExtensionValues_LineAndProblem(string line, string expected)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioFile.Parse($"""
            timeline:
              - at: +1h
                action: extendCapacityBlock
                capacityBlock: block
                {line}
            """, "bad.yaml"));

        Assert.StartsWith("bad.yaml:5:", error.Message, StringComparison.Ordinal);
        if (expected.StartsWith("timeline", StringComparison.Ordinal)) Assert.Contains("soon", error.Message, StringComparison.Ordinal);
        else Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}

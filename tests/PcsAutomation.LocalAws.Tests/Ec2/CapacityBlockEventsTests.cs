using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Ec2;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.Tests.Support;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Tests.Ec2;

public class CapacityBlockEventsTests
{
    // Block active from +1h to +10h; the node group wants all four of its instances.
    private static TestAccount Account(string instanceType = "p5.48xlarge") => new(
        Scenario.Cluster("c")
            .WithCapacityBlock("block", instanceType, 4, "+1h", "+10h")
            .WithLaunchTemplate("gpu-lt", new LaunchTemplateVersionDefinition { InstanceType = instanceType, CapacityBlock = "block", ImageId = "ami-0gpu" })
            .WithNodeGroup("gpu", 0, 4, instanceType, demand: 4, launchTemplate: "gpu-lt", purchaseOption: "CAPACITY_BLOCK"));

    private static CapacityBlock Block(TestAccount account) => account.Aws.State.CapacityBlocks.Values.Single();

    private static List<JsonObject> Sent(TestAccount account, string detailType) =>
        account.Aws.State.CapacityBlockEvents.Events.Where(e => (string?)e["detail-type"] == detailType).ToList();

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    [Fact] // EC2 Capacity Blocks docs (shared/reference/README.md): "Capacity Block Delivered" when the reservation starts
    public void CapacityBlock_AtStartDate_DeliveredEventWithRealEnvelope()
    {
        var account = Account();
        var block = Block(account);

        account.Aws.Clock.AdvanceTo(block.StartDate.AddSeconds(-1));
        Assert.Empty(Sent(account, CapacityBlockEvents.DeliveredDetailType));
        account.Aws.Clock.AdvanceTo(block.StartDate);

        var delivered = Assert.Single(Sent(account, CapacityBlockEvents.DeliveredDetailType));
        Assert.Equal("0", (string?)delivered["version"]);
        Assert.Equal("aws.ec2", (string?)delivered["source"]);
        Assert.Equal(account.Aws.Options.AccountId, (string?)delivered["account"]);
        Assert.Equal(account.Aws.Options.Region, (string?)delivered["region"]);
        Assert.Equal(Time(block.StartDate), (string?)delivered["time"]);
        Assert.False(string.IsNullOrEmpty((string?)delivered["id"]));
        Assert.Equal(
            $"arn:aws:ec2:{account.Aws.Options.Region}:{account.Aws.Options.AccountId}:capacity-reservation/{block.CapacityReservationId}",
            (string?)delivered["resources"]![0]);
        Assert.Equal(block.CapacityReservationId, (string?)delivered["detail"]!["capacity-reservation-id"]);
        Assert.Equal(Time(block.EndDate), (string?)delivered["detail"]!["end-date"]);
    }

    [Fact] // the docs: the expiration warning is sent 40 minutes before the end
    public void CapacityBlock_FortyMinutesBeforeEnd_ExpirationWarning()
    {
        var account = Account();
        var block = Block(account);
        var warningTime = block.EndDate.AddMinutes(-40);

        account.Aws.Clock.AdvanceTo(warningTime.AddSeconds(-1));
        Assert.Empty(Sent(account, CapacityBlockEvents.ExpirationWarningDetailType));
        account.Aws.Clock.AdvanceTo(block.EndDate.AddHours(1));

        var warning = Assert.Single(Sent(account, CapacityBlockEvents.ExpirationWarningDetailType));
        Assert.Equal(Time(warningTime), (string?)warning["time"]);
        Assert.Equal(Time(block.EndDate), (string?)warning["detail"]!["end-date"]);
    }

    [Theory] // EC2 terminates capacity-block instances 30 min before the end (60 for UltraServer types), warning each first
    [InlineData("p5.48xlarge", 30)]
    [InlineData("p6e-gb200.36xlarge", 60)]
    public void CapacityBlockInstances_BeforeTermination_InterruptionWarningForEach(string instanceType, int leadMinutes)
    {
        var account = Account(instanceType);
        var block = Block(account);
        var termination = block.EndDate.AddMinutes(-leadMinutes);

        account.Aws.Clock.AdvanceTo(termination.AddSeconds(-1));
        var instances = account.Aws.State.InstancesOfNodeGroup(account.Group("c", "gpu").Id).Where(i => i.IsUp).ToList();
        Assert.Equal(4, instances.Count);
        var warnings = Sent(account, CapacityBlockEvents.InterruptionWarningDetailType);
        Assert.Equal(instances.Select(i => i.InstanceId).Order(), warnings.Select(w => (string)w["detail"]!["instance-id"]!).Order());
        Assert.All(warnings, w =>
        {
            var detail = w["detail"]!;
            Assert.Equal("terminate", (string?)detail["instance-action"]);
            Assert.Equal(Time(termination), (string?)detail["instance-termination-time"]);
            Assert.Equal("capacity-block", (string?)detail["instance-lifecycle"]);
            Assert.Equal(block.CapacityReservationId, (string?)detail["capacity-reservation-id"]);
            Assert.StartsWith("use1-az", (string?)detail["availability-zone-id"], StringComparison.Ordinal);
            Assert.True(DateTimeOffset.Parse((string)w["time"]!, System.Globalization.CultureInfo.InvariantCulture) < termination);
        });

        account.Aws.Clock.AdvanceTo(termination);
        Assert.Equal(0, account.UpInstances("c", "gpu"));
        Assert.Equal(4, Sent(account, CapacityBlockEvents.InterruptionWarningDetailType).Count);
    }

    [Fact] // guide L3472-3476: an extension moves the end; warnings and termination follow the new end only
    public void CapacityBlock_Extended_WarningsAndTerminationMoveToNewEnd()
    {
        var account = Account();
        var block = Block(account);
        var oldEnd = block.EndDate;
        var newEnd = oldEnd.AddHours(2);
        account.Aws.Clock.AdvanceTo(oldEnd.AddHours(-3));

        account.Aws.Scenarios.ExtendCapacityBlock(block.CapacityReservationId, newEnd);
        account.Aws.Clock.AdvanceTo(oldEnd.AddMinutes(1));
        Assert.Empty(Sent(account, CapacityBlockEvents.ExpirationWarningDetailType));
        Assert.Empty(Sent(account, CapacityBlockEvents.InterruptionWarningDetailType));
        Assert.Equal(4, account.RunningInstances("c", "gpu"));

        account.Aws.Clock.AdvanceTo(newEnd.AddMinutes(-30).AddSeconds(-1));
        var warning = Assert.Single(Sent(account, CapacityBlockEvents.ExpirationWarningDetailType));
        Assert.Equal(Time(newEnd.AddMinutes(-40)), (string?)warning["time"]);
        Assert.Equal(Time(newEnd), (string?)warning["detail"]!["end-date"]);
        var interruptions = Sent(account, CapacityBlockEvents.InterruptionWarningDetailType);
        Assert.Equal(4, interruptions.Count);
        Assert.All(interruptions, w => Assert.Equal(Time(newEnd.AddMinutes(-30)), (string?)w["detail"]!["instance-termination-time"]));
        Assert.Equal(4, account.UpInstances("c", "gpu"));

        account.Aws.Clock.AdvanceTo(newEnd.AddMinutes(-30));
        Assert.Equal(0, account.UpInstances("c", "gpu"));
    }

    [Fact] // shared/reference/README.md: a prefix rule catches both the current and the older detail-type names
    public void EventBridgeRule_CapacityBlockPrefix_ReceivesDeliveredAndExpirationWarning()
    {
        var account = Account();
        var block = Block(account);
        account.Aws.Call("events", "PutRule", (JsonObject)JsonNode.Parse("""
            {"Name":"capacity-blocks","EventPattern":"{\"source\":[\"aws.ec2\"],\"detail-type\":[{\"prefix\":\"Capacity Block\"}]}"}
            """)!);
        account.Aws.Call("events", "PutTargets", (JsonObject)JsonNode.Parse("""
            {"Rule":"capacity-blocks","Targets":[{"Id":"t","Arn":"arn:aws:lambda:us-east-1:123456789012:function:CapacityBlockHandler"}]}
            """)!);

        account.Aws.Clock.AdvanceTo(block.EndDate.AddHours(1));

        var received = account.Aws.Deliveries.Where(d => d.Rule.Name == "capacity-blocks").Select(d => (string?)d.Event["detail-type"]).ToList();
        Assert.Equal([CapacityBlockEvents.DeliveredDetailType, CapacityBlockEvents.ExpirationWarningDetailType], received);
        Assert.Equal(4, Sent(account, CapacityBlockEvents.InterruptionWarningDetailType).Count); // sent, but not "Capacity Block*"
    }
}

using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Ec2;
using PcsAutomation.LocalAws.Faults;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.Tests.Support;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Tests.Faults;

/// <summary>
/// Best-effort service events and at-least-once delivery (design.md §1, shared/reference/README.md): an event lost, late
/// or delivered twice, while what EC2 sent stays recorded.
/// </summary>
public class EventFaultTests
{
    // A block from +1h to +10h, a group with 4 nodes in it, and a rule on every aws.ec2 event.
    private static TestAccount Account()
    {
        var account = new TestAccount(Scenario.Cluster("c")
            .WithCapacityBlock("block", "p5.48xlarge", 4, "+1h", "+10h")
            .WithLaunchTemplate("gpu-lt", new LaunchTemplateVersionDefinition { InstanceType = "p5.48xlarge", CapacityBlock = "block", ImageId = "ami-0ccccccccccccccc3" })
            .WithNodeGroup("gpu", 0, 4, "p5.48xlarge", demand: 4, launchTemplate: "gpu-lt", purchaseOption: "CAPACITY_BLOCK"));
        account.Aws.Call("events", "PutRule", TestAccount.Json("""{"Name":"ec2","EventPattern":"{\"source\":[\"aws.ec2\"]}"}"""));
        account.Aws.Call("events", "PutTargets", TestAccount.Json("""
            {"Rule":"ec2","Targets":[{"Id":"t","Arn":"arn:aws:lambda:us-east-1:111122223333:function:CapacityBlockHandler"}]}
            """));
        return account;
    }

    private static CapacityBlock Block(TestAccount account) => account.Aws.State.CapacityBlocks.Values.Single();

    private static List<JsonObject> Received(TestAccount account, string detailType) =>
        account.Aws.Deliveries.Where(d => d.Rule.Name == "ec2" && (string?)d.Event["detail-type"] == detailType).Select(d => (JsonObject)d.Event).ToList();

    [Fact]
    public void ExpirationWarning_Lost_RuleNeverSeesItButEc2SentIt()
    {
        var account = Account();
        account.Aws.Faults.Add(new EventFaultRule("aws.ec2", CapacityBlockEvents.ExpirationWarningDetailType) { Lose = true });

        account.Aws.Clock.AdvanceTo(Block(account).EndDate);

        Assert.Empty(Received(account, CapacityBlockEvents.ExpirationWarningDetailType));
        Assert.Single(account.Aws.State.CapacityBlockEvents.Events, e => (string?)e["detail-type"] == CapacityBlockEvents.ExpirationWarningDetailType);
        Assert.Single(Received(account, CapacityBlockEvents.DeliveredDetailType)); // only the warning is lost
        var record = Assert.Single(account.Aws.Faults.EventFaults);
        Assert.True(record.Fate.Lost);
    }

    [Fact]
    public void Delivered_Delayed_ArrivesLateWithItsSendingTime()
    {
        var account = Account();
        account.Aws.Faults.Add(new EventFaultRule("aws.ec2", CapacityBlockEvents.DeliveredDetailType) { Delay = TimeSpan.FromMinutes(5) });
        var start = Block(account).StartDate;

        account.Aws.Clock.AdvanceTo(start.AddMinutes(5).AddSeconds(-1));
        Assert.Empty(Received(account, CapacityBlockEvents.DeliveredDetailType));
        account.Aws.Clock.AdvanceTo(start.AddMinutes(5));

        var delivered = Assert.Single(Received(account, CapacityBlockEvents.DeliveredDetailType));
        Assert.Equal(start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), (string?)delivered["time"]);
    }

    [Fact] // EventBridge delivers at least once: the same event (same id) twice
    public void Delivered_Duplicated_SameEventTwiceAMinuteApart()
    {
        var account = Account();
        account.Aws.Faults.Add(new EventFaultRule("aws.ec2", CapacityBlockEvents.DeliveredDetailType) { Duplicates = 1, DuplicateGap = TimeSpan.FromMinutes(1) });
        var start = Block(account).StartDate;

        account.Aws.Clock.AdvanceTo(start);
        Assert.Single(Received(account, CapacityBlockEvents.DeliveredDetailType));
        account.Aws.Clock.AdvanceTo(start.AddMinutes(1));

        var copies = Received(account, CapacityBlockEvents.DeliveredDetailType);
        Assert.Equal(2, copies.Count);
        Assert.Equal((string?)copies[0]["id"], (string?)copies[1]["id"]);
        Assert.Single(account.Aws.State.CapacityBlockEvents.Events, e => (string?)e["detail-type"] == CapacityBlockEvents.DeliveredDetailType);
    }

    [Fact]
    public void InterruptionWarnings_FirstLost_TheOtherThreeArrive()
    {
        var account = Account();
        account.Aws.Faults.Add(new EventFaultRule("aws.ec2", CapacityBlockEvents.InterruptionWarningDetailType) { LoseNth = 1 });

        account.Aws.Clock.AdvanceTo(Block(account).TerminationStart);

        Assert.Equal(3, Received(account, CapacityBlockEvents.InterruptionWarningDetailType).Count);
        Assert.Equal(4, account.Aws.State.CapacityBlockEvents.Events.Count(e => (string?)e["detail-type"] == CapacityBlockEvents.InterruptionWarningDetailType));
    }

    [Fact] // the same faults apply to CloudTrail's events on their way to EventBridge
    public void CloudTrailApiCall_Lost_RuleNeverSeesItButTheTrailHasIt()
    {
        var account = new TestAccount(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4));
        account.Aws.Call("events", "PutRule", TestAccount.Json("""{"Name":"pcs","EventPattern":"{\"source\":[\"aws.pcs\"]}"}"""));
        account.Aws.Call("events", "PutTargets", TestAccount.Json("""{"Rule":"pcs","Targets":[{"Id":"t","Arn":"arn:aws:lambda:us-east-1:111122223333:function:F"}]}"""));
        account.Aws.Faults.Add(new EventFaultRule("aws.pcs") { Lose = true });
        var group = account.Group("c", "compute-1");

        account.Pcs("UpdateComputeNodeGroup", $$$"""{"clusterIdentifier":"c","computeNodeGroupIdentifier":"{{{group.Id}}}","scalingConfiguration":{"minInstanceCount":0,"maxInstanceCount":2}}""");

        Assert.Contains(account.Aws.CloudTrail.Events, e => (string?)e["detail"]!["eventName"] == "UpdateComputeNodeGroup");
        Assert.DoesNotContain(account.Aws.Deliveries, d => d.Rule.Name == "pcs");
    }

    [Theory]
    [InlineData("", 0, 0)]
    [InlineData("aws.ec2", 1.5, 0)]
    [InlineData("aws.ec2", 0, -1)]
    public void EventFaultRule_BadValues_RefusedNamingTheProblem(string source, double lossRate, int duplicates)
    {
        var aws = LocalAws.CreateInProcess();

        var error = Assert.ThrowsAny<ArgumentException>(() => aws.Faults.Add(new EventFaultRule(source) { LossRate = lossRate, Duplicates = duplicates }));

        Assert.Contains(source.Length == 0 ? "source" : lossRate > 1 ? "LossRate" : "Duplicates", error.Message, StringComparison.Ordinal);
        Assert.Empty(aws.Faults.EventFaults);
    }
}

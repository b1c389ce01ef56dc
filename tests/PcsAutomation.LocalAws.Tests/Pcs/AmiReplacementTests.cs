using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.Pcs;

/// <summary>
/// An AMI change on a node group: instances are marked, each is replaced once idle with the new image (guide L2666-2667,
/// L5935), seen the way an operator checks it, DescribeInstances on the group's tag (guide L2948-2973).
/// </summary>
public class AmiReplacementTests
{
    private const string OldImage = "ami-0aaaaaaaaaaaaaaa1";
    private const string NewImage = "ami-0bbbbbbbbbbbbbbb2";

    /// <summary>The group's instances as DescribeInstances shows them, filtered on <c>aws:pcs:compute-node-group-id</c> = the group's id.</summary>
    internal static List<(string Id, string Image, string State, string? Reason)> Described(TestAccount account, string cluster, string group)
    {
        var response = account.Aws.Call("ec2", "DescribeInstances", new JsonObject
        {
            ["Filter.1.Name"] = "tag:aws:pcs:compute-node-group-id",
            ["Filter.1.Value.1"] = account.Group(cluster, group).Id,
        });
        return response["reservationSet"]!.AsArray().SelectMany(r => r!["instancesSet"]!.AsArray())
            .Select(i => (i!["instanceId"]!.GetValue<string>(), i["imageId"]!.GetValue<string>(), i["instanceState"]!["name"]!.GetValue<string>(),
                i["stateReason"]?["code"]?.GetValue<string>()))
            .ToList();
    }

    private static TestAccount StaticGroup(Scenario scenario) => new(scenario);

    private static Scenario ThreeNodes() =>
        Scenario.Cluster("c").WithLaunchTemplate("lt", new LaunchTemplateVersionDefinition { ImageId = OldImage })
            .WithNodeGroup("compute-1", 3, 3, launchTemplate: "lt");

    [Fact] // guide L2667: running jobs finish first; L2659: new instances get the updated properties
    public void UpdateAmiId_OneNodeBusy_IdleOnesReplacedAtOnceBusyOneAfterItsJob()
    {
        var account = StaticGroup(ThreeNodes().At("+5m", "setBusy", "c", "compute-1", count: 1, duration: "2h"));
        account.Advance(TimeSpan.FromMinutes(10));
        var before = Described(account, "c", "compute-1");
        var busy = account.Aws.State.InstancesOfNodeGroup(account.Group("c", "compute-1").Id).Single(i => !i.IsIdleAt(account.Aws.Clock.GetUtcNow())).InstanceId;

        account.Pcs("UpdateComputeNodeGroup", $$"""{"clusterIdentifier":"c","computeNodeGroupIdentifier":"compute-1","amiId":"{{NewImage}}"}""");
        account.Advance(TimeSpan.FromMinutes(10));
        var during = Described(account, "c", "compute-1");
        account.Advance(TimeSpan.FromHours(2));
        var after = Described(account, "c", "compute-1");

        Assert.Equal(3, before.Count);
        Assert.All(before, i => Assert.Equal((OldImage, "running"), (i.Image, i.State)));
        Assert.Equal(2, during.Count(i => i.State == "terminated" && i.Reason == "Client.UserInitiatedShutdown"));
        Assert.Equal((OldImage, "running"), during.Where(i => i.Id == busy).Select(i => (i.Image, i.State)).Single());
        Assert.Equal(2, during.Count(i => i.State == "running" && i.Image == NewImage));
        Assert.Equal("terminated", after.Single(i => i.Id == busy).State);
        Assert.Equal(3, after.Count(i => i.State == "running" && i.Image == NewImage));
        Assert.Equal(3, after.Count(i => i.State == "terminated" && i.Image == OldImage));
    }

    [Fact] // guide L2667: the group is ACTIVE once instances are marked, whatever their jobs still need
    public void UpdateAmiId_BusyNodes_UpdatingThenActiveBeforeTheJobsEnd()
    {
        var account = StaticGroup(ThreeNodes().At("+5m", "setBusy", "c", "compute-1", duration: "5h"));
        account.Advance(TimeSpan.FromMinutes(10));

        var response = account.Pcs("UpdateComputeNodeGroup", $$"""{"clusterIdentifier":"c","computeNodeGroupIdentifier":"compute-1","amiId":"{{NewImage}}"}""");
        account.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal("UPDATING", response["computeNodeGroup"]!["status"]!.GetValue<string>());
        Assert.Equal("ACTIVE", account.Group("c", "compute-1").Status);
        Assert.All(Described(account, "c", "compute-1"), i => Assert.Equal((OldImage, "running"), (i.Image, i.State)));
        Assert.All(account.Aws.State.InstancesOfNodeGroup(account.Group("c", "compute-1").Id), i => Assert.True(i.MarkedForReplacement));
    }

    [Fact] // guide L2666: change the AMI through the launch template; L2661: the group must point at the new version
    public void UpdateLaunchTemplateVersion_OtherImageId_InstancesReplacedWithIt()
    {
        var scenario = Scenario.Cluster("c")
            .WithLaunchTemplate("lt", new LaunchTemplateVersionDefinition { ImageId = OldImage }, new LaunchTemplateVersionDefinition { ImageId = NewImage })
            .WithNodeGroup("compute-1", 2, 2, launchTemplate: "lt");
        var account = StaticGroup(scenario);
        account.Advance(TimeSpan.FromMinutes(10));
        var templateId = account.Group("c", "compute-1").LaunchTemplateId;

        account.Pcs("UpdateComputeNodeGroup", $$$"""{"clusterIdentifier":"c","computeNodeGroupIdentifier":"compute-1","customLaunchTemplate":{"id":"{{{templateId}}}","version":"2"}}""");
        account.Advance(TimeSpan.FromMinutes(10));
        var after = Described(account, "c", "compute-1");

        Assert.Equal(2, after.Count(i => i.State == "running" && i.Image == NewImage));
        Assert.Equal(2, after.Count(i => i.State == "terminated" && i.Image == OldImage));
    }

    [Theory] // guide L2660: updates with no impact on the nodes' configuration leave running nodes alone
    [InlineData("\"scalingConfiguration\":{\"minInstanceCount\":2,\"maxInstanceCount\":2}")]
    [InlineData("\"customLaunchTemplate\":{\"id\":\"TEMPLATE\",\"version\":\"2\"}")] // version 2 has the same ImageId
    [InlineData("\"amiId\":\"" + OldImage + "\"")] // the image the template already gives
    public void Update_SameImage_NothingMarkedNothingReplaced(string change)
    {
        var scenario = Scenario.Cluster("c")
            .WithLaunchTemplate("lt", new LaunchTemplateVersionDefinition { ImageId = OldImage }, new LaunchTemplateVersionDefinition { ImageId = OldImage, Description = "new security groups" })
            .WithNodeGroup("compute-1", 2, 2, launchTemplate: "lt");
        var account = StaticGroup(scenario);
        account.Advance(TimeSpan.FromMinutes(10));
        var before = Described(account, "c", "compute-1");
        change = change.Replace("TEMPLATE", account.Group("c", "compute-1").LaunchTemplateId, StringComparison.Ordinal);

        account.Pcs("UpdateComputeNodeGroup", $$"""{"clusterIdentifier":"c","computeNodeGroupIdentifier":"compute-1",{{change}}}""");
        account.Advance(TimeSpan.FromHours(1));

        Assert.Equal("ACTIVE", account.Group("c", "compute-1").Status);
        Assert.Equal(before, Described(account, "c", "compute-1"));
        Assert.All(account.Aws.State.InstancesOfNodeGroup(account.Group("c", "compute-1").Id), i => Assert.False(i.MarkedForReplacement));
    }

    [Fact] // guide L2659: the change takes effect when the group goes from UPDATING to ACTIVE
    public void UpdateAmiId_NodeLaunchedWhileUpdating_GetsOldImageThenIsReplaced()
    {
        var scenario = Scenario.Cluster("c").WithLaunchTemplate("lt", new LaunchTemplateVersionDefinition { ImageId = OldImage })
            .WithNodeGroup("compute-1", 0, 4, launchTemplate: "lt");
        var account = StaticGroup(scenario);

        account.Pcs("UpdateComputeNodeGroup", $$"""{"clusterIdentifier":"c","computeNodeGroupIdentifier":"compute-1","amiId":"{{NewImage}}"}""");
        account.Aws.Scenarios.SetDemand(account.Cluster("c"), account.Group("c", "compute-1"), 1);
        var launchedWhileUpdating = Assert.Single(Described(account, "c", "compute-1"));
        account.Advance(TimeSpan.FromMinutes(10));
        var after = Described(account, "c", "compute-1");

        Assert.Equal(OldImage, launchedWhileUpdating.Image);
        Assert.Equal("terminated", after.Single(i => i.Id == launchedWhileUpdating.Id).State);
        Assert.Equal(NewImage, after.Single(i => i.State == "running").Image);
    }
}

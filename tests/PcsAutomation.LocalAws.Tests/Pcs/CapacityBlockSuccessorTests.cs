using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Pcs;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.Tests.Support;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Tests.Pcs;

/// <summary>A group moved to a successor block (guide L3480: "update the compute node group with a new Capacity Block"), and a template deleted under PCS.</summary>
public class CapacityBlockSuccessorTests
{
    private const string Old = "cr-0a000000000000001";
    private const string Successor = "cr-0a000000000000002";

    // Old block ends at +3h (EC2 terminates at +2h30); the successor is active from +1h. Template version 1 → old, 2 → successor.
    private static TestAccount Account(int min = 2, int demand = 0) => new(Scenario.Empty()
        .WithCapacityBlock("old", "p5.48xlarge", 2, "-1d", "+3h", id: Old)
        .WithCapacityBlock("successor", "p5.48xlarge", 2, "+1h", "+5d", id: Successor)
        .WithLaunchTemplate("gpu-lt",
            new LaunchTemplateVersionDefinition { ImageId = "ami-0ccccccccccccccc3", InstanceType = "p5.48xlarge", CapacityBlock = "old" },
            new LaunchTemplateVersionDefinition { ImageId = "ami-0ccccccccccccccc3", InstanceType = "p5.48xlarge", CapacityBlock = "successor" })
        .AndCluster("c").WithNodeGroup("gpu", min, 2, "p5.48xlarge", demand: demand, launchTemplate: "gpu-lt", purchaseOption: "CAPACITY_BLOCK"));

    private static List<Ec2Instance> Up(TestAccount account) =>
        account.Aws.State.InstancesOfNodeGroup(account.Group("c", "gpu").Id).Where(i => i.IsUp).ToList();

    [Fact] // EC2 ends a block's instances at end - 30 min whatever template the group has moved to; PCS then launches in the successor
    public void CapacityBlockGroup_MovedToSuccessor_OldInstancesEndWithTheOldBlockNewOnesInTheSuccessor()
    {
        var account = Account();
        var template = account.Aws.State.LaunchTemplates.Values.Single().LaunchTemplateId;
        var group = account.Group("c", "gpu");
        account.Advance(TimeSpan.FromMinutes(90));

        account.Pcs("UpdateComputeNodeGroup", $$$"""{"clusterIdentifier":"c","computeNodeGroupIdentifier":"{{{group.Id}}}","customLaunchTemplate":{"id":"{{{template}}}","version":"2"}}""");
        account.Advance(TimeSpan.FromMinutes(3));
        Assert.All(Up(account), i => Assert.Equal(Old, i.CapacityReservationId)); // same image: nothing replaced yet (README)
        var oldEnd = account.Aws.State.CapacityBlocks[Old].EndDate;

        account.Aws.Clock.AdvanceTo(oldEnd.AddMinutes(-30));

        var up = Up(account);
        Assert.Equal(2, up.Count);
        Assert.All(up, i => Assert.Equal(Successor, i.CapacityReservationId));
        var ended = account.Aws.State.InstancesOfNodeGroup(group.Id).Where(i => i.CapacityReservationId == Old).ToList();
        Assert.Equal(2, ended.Count);
        Assert.All(ended, i => Assert.Equal((Ec2Instance.ShuttingDown, (ValueTuple<string, string>?)null), (i.State, i.StateReason)));
    }

    [Fact] // a launch template deleted under PCS: reads fail with EC2's code, running nodes stay, nothing more launches
    public void DeleteLaunchTemplate_GroupWantsMore_NoLaunchAndSlurmShowsTheFailure()
    {
        var account = Account(min: 0, demand: 1);
        var template = account.Aws.State.LaunchTemplates.Values.Single().LaunchTemplateId;
        var group = account.Group("c", "gpu");
        account.Advance(TimeSpan.FromMinutes(5));

        account.Aws.Scenarios.DeleteLaunchTemplate("gpu-lt");
        account.Aws.Scenarios.SetDemand(account.Cluster("c"), group, 2);
        account.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(1, account.RunningInstances("c", "gpu"));
        var slurm = account.Aws.Slurm.NodeGroup("c", "gpu");
        Assert.Equal(PcsFleet.LaunchTemplateNotFound, slurm.LaunchFailure);
        var error = Assert.Throws<AwsServiceException>(() => account.Aws.Call("ec2", "DescribeLaunchTemplateVersions",
            new JsonObject { ["LaunchTemplateId"] = template }));
        Assert.Equal("InvalidLaunchTemplateId.NotFound", error.Code);
    }

    [Fact]
    public void ScenarioFile_DeleteUnknownLaunchTemplate_LineAndProblem()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioFile.Parse("""
            timeline:
              - at: +1h
                action: deleteLaunchTemplate
                launchTemplate: nope
            """, "bad.yaml"));

        Assert.Equal("bad.yaml:4:21: timeline entry 'deleteLaunchTemplate': no launch template 'nope' in the scenario.", error.Message);
    }
}

using System.Text.Json.Nodes;
using PcsAutomation.Cli.NodeGroupUpdate;

namespace PcsAutomation.Cli.Tests.NodeGroupUpdate;

public class RolloutJsonTests
{
    [Fact]
    public void Plan_DryRunOutput_ThePlanAsTheWorkflowWroteIt()
    {
        var output = new JsonObject { ["plan"] = SamplePlan.Json(SamplePlan.Demo()), ["dryRun"] = true };

        var plan = RolloutJson.Plan(output);

        Assert.NotNull(plan);
        Assert.Equal("compute-1", plan.Canary?.NodeGroupName);
        Assert.Equal(["pcs_ng3", "pcs_ng1"], plan.Batches.SelectMany(b => b));
        Assert.Equal(SamplePlan.OldImage, plan.Remaining[0].CurrentImageId);
        Assert.Equal("already on the target (amiId ami-0123456789abcdef0)", Assert.Single(plan.Skipped).Reason);
    }

    [Fact]
    public void Plan_PlanItself_ReadWithoutAWrapper() =>
        Assert.Equal("demo", RolloutJson.Plan(SamplePlan.Json(SamplePlan.Demo()))?.ClusterName);

    [Fact]
    public void Plan_MemberMissing_NotReadRatherThanHalfRead()
    {
        var json = SamplePlan.Json(SamplePlan.Demo()).AsObject();
        json.Remove("remaining");

        Assert.Null(RolloutJson.Plan(new JsonObject { ["plan"] = json }));
    }

    [Fact]
    public void Plan_AsTheStateMachineCarriesIt_ReadWithoutRefusalsAndWithItsExtraMembers()
    {
        // The roll-out's ResultSelector keeps the members later steps use (no refusals) and adds nodeGroupIds.
        var json = SamplePlan.Json(SamplePlan.Demo()).AsObject();
        json.Remove("refusals");
        json["nodeGroupIds"] = new JsonArray("pcs_ng2", "pcs_ng3", "pcs_ng1");

        var plan = RolloutJson.Plan(new JsonObject { ["plan"] = json });

        Assert.NotNull(plan);
        Assert.Empty(plan.Refusals);
        Assert.Equal("compute-1", plan.Canary?.NodeGroupName);
    }

    [Fact]
    public void Plan_GroupMemberMissing_NotRead()
    {
        var json = SamplePlan.Json(SamplePlan.Demo()).AsObject();
        json["remaining"]![0]!.AsObject().Remove("expectedImageId");

        Assert.Null(RolloutJson.Plan(json));
    }

    [Fact]
    public void Plan_NullWhereTheRecordForbidsIt_NotRead()
    {
        var json = SamplePlan.Json(SamplePlan.Demo()).AsObject();
        json["clusterName"] = null;

        Assert.Null(RolloutJson.Plan(json));
    }

    [Fact]
    public void Changes_NotificationDetail_TheSavedSettings()
    {
        var detail = new JsonObject { ["savedImages"] = SamplePlan.Json([SamplePlan.Change("pcs_ng2", "compute-1", amiId: "ami-0aaaaaaaaaaaaaaa1")]) };

        var change = Assert.Single(RolloutJson.Changes(detail));

        Assert.Equal(("pcs_ng2", "ami-0aaaaaaaaaaaaaaa1"), (change.NodeGroupId, change.Previous.AmiId));
        Assert.Equal(SamplePlan.NewImage, change.ExpectedImageId);
    }

    [Fact]
    public void Changes_NoneOrUnreadable_Empty()
    {
        Assert.Empty(RolloutJson.Changes(null));
        Assert.Empty(RolloutJson.Changes(new JsonObject { ["savedImages"] = "not a list" }));
    }
}

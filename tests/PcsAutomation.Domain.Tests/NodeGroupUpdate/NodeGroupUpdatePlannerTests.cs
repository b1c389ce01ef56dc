using PcsAutomation.Domain.Ami;
using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Domain.Tests.Ami;
using static PcsAutomation.Domain.Tests.NodeGroupUpdate.Rollouts;

namespace PcsAutomation.Domain.Tests.NodeGroupUpdate;

public class NodeGroupUpdatePlannerTests
{
    private static readonly NodeGroupFacts[] Mixed =
    [
        Group("compute-a", OldAmi, running: 3),
        Group("compute-b", amiId: null, running: 1),
        Group("login", OldAmi, running: 1, login: true),
        Group("idle", OldAmi, running: 0),
        Group("current", NewAmi, running: 2),
    ];

    [Fact]
    public void Plan_AmiTarget_SetsAmiIdOrCreatesATemplateVersionPerGroup()
    {
        var plan = Plan(Request(), Mixed);

        Assert.Empty(plan.Refusals);
        var byName = All(plan).ToDictionary(g => g.NodeGroupName);
        Assert.Equal(["compute-a", "compute-b", "idle", "login"], byName.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((ImageChanges.AmiId, OldAmi, NewAmi, NewAmi), (byName["compute-a"].Change, byName["compute-a"].From, byName["compute-a"].To, byName["compute-a"].TargetAmiId));
        var templated = byName["compute-b"];
        Assert.Equal((ImageChanges.NewLaunchTemplateVersion, "4", NewAmi, NewAmi), (templated.Change, templated.From, templated.TargetAmiId, templated.ExpectedImageId));
        Assert.Contains("Creates version 5 of launch template lt-compute-b", templated.Disruption, StringComparison.Ordinal);
        Assert.Equal("already on the target (amiId ami-0000000000000000b)", Assert.Single(plan.Skipped).Reason);
    }

    [Fact]
    public void Plan_NoCanaryGiven_ChoosesTheComputeGroupWithFewestRunningInstancesThenBatches()
    {
        var plan = Plan(Request(batch: 2), Mixed);

        Assert.Equal("compute-b", plan.Canary!.NodeGroupName);
        Assert.StartsWith("chosen: the compute group (not a login group", plan.CanaryRule, StringComparison.Ordinal);
        Assert.Equal(["idle", "compute-a", "login"], plan.Remaining.Select(g => g.NodeGroupName));
        Assert.Equal([["pcs_idle", "pcs_compute-a"], ["pcs_login"]], plan.Batches);
    }

    [Fact]
    public void Plan_OnlyIdleGroups_CanaryRuleSaysTheCheckHasNoInstance()
    {
        var plan = Plan(Request(), Group("b", OldAmi, 0), Group("a", OldAmi, 0));

        Assert.Equal("a", plan.Canary!.NodeGroupName);
        Assert.Contains("no instance to look at", plan.CanaryRule, StringComparison.Ordinal);
        Assert.Equal([["pcs_b"]], plan.Batches);
    }

    [Fact]
    public void Plan_CanaryGiven_GoesFirstEvenWhenLogin()
    {
        var plan = Plan(Request(canary: "login"), Mixed);

        Assert.Equal(("login", CanaryChoice.GivenRule), (plan.Canary!.NodeGroupName, plan.CanaryRule));
        Assert.DoesNotContain(plan.Remaining, g => g.NodeGroupName == "login");
    }

    [Fact]
    public void Plan_CanaryAlreadyOnTarget_IsRefused()
    {
        var plan = Plan(Request(canary: "current"), Mixed);

        var refusal = Assert.Single(plan.Refusals);
        Assert.Equal(PlanRules.Canary, refusal.Rule);
        Assert.Contains("canary 'current' is not among the groups this roll-out updates", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_UnknownGroupNamed_IsRefusedNamingIt()
    {
        var plan = Plan(Request(groups: ["compute-a", "gpu"]), Mixed);

        var refusal = Assert.Single(plan.Refusals);
        Assert.Equal(PlanRules.UnknownNodeGroup, refusal.Rule);
        Assert.Contains("'gpu'", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_GroupsNamedByIdOrName_OnlyThoseAreUpdated()
    {
        var plan = Plan(Request(groups: ["pcs_login", "compute-a"]), Mixed);

        Assert.Equal(["compute-a", "login"], All(plan).Select(g => g.NodeGroupName).Order(StringComparer.Ordinal));
        Assert.Equal(["compute-b", "current", "idle"], plan.Skipped.Select(s => s.NodeGroupName).Order(StringComparer.Ordinal));
        Assert.All(plan.Skipped, s => Assert.Equal("not in nodeGroups", s.Reason));
    }

    [Fact]
    public void Plan_AmiWithOnlyANewerSlurm_IsRefusedByThePreflight()
    {
        var plan = Plan(Request(), Group("compute-a", OldAmi, 1, target: Team(versions: "25.11")));

        var refusal = Assert.Single(plan.Refusals);
        Assert.Equal((AmiPreflight.SlurmCompatibility, "guide L6559", "pcs_compute-a"), (refusal.Rule, refusal.Guide, refusal.NodeGroupId));
        Assert.Null(plan.Canary);
    }

    [Fact]
    public void Plan_ClusterSlurmEndOfLife_IsRefused()
    {
        var cluster = Cluster with { SlurmVersion = "24.11" };
        var plan = NodeGroupUpdatePlanner.Plan(Request(), cluster, [Group("compute-a", OldAmi, 1, target: Team(versions: "24.11"))], new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Contains(plan.Refusals, r => r.Rule == AmiPreflight.SlurmEndOfLife && r.Message.Contains("2026-05-31", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_ClusterOrGroupNotActive_IsRefused()
    {
        var plan = NodeGroupUpdatePlanner.Plan(Request(), Cluster with { Status = "UPDATING" }, [Group("compute-a", OldAmi, 1, status: "UPDATE_FAILED")], Images.Now);

        Assert.Equal([PlanRules.ClusterStatus, PlanRules.NodeGroupStatus], plan.Refusals.Select(r => r.Rule));
        Assert.Contains("UPDATE_FAILED", plan.Refusals[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_LaunchTemplateVersionTarget_MovesVersionsAndWarnsWhenAnAmiIdOverrides()
    {
        var target = new UpdateTargetText(null, null, null, "5");
        var templated = Group("templated", null, 1, target: Team(), targetTemplateImage: NewAmi);
        var pinned = Group("pinned", OldAmi, 1, target: Team(OldAmi), targetTemplateImage: NewAmi);
        var bare = Group("bare", null, 1, targetTemplateImage: null) with { TargetImage = null };

        var plan = Plan(Request(target), templated, pinned, bare, Group("done", null, 1, templateVersion: "5"));

        Assert.Equal(PlanRules.NoImage, Assert.Single(plan.Refusals).Rule);
        var byName = All(plan).ToDictionary(g => g.NodeGroupName);
        Assert.Equal((ImageChanges.LaunchTemplateVersion, "4", "5", NewAmi), (byName["templated"].Change, byName["templated"].From, byName["templated"].To, byName["templated"].ExpectedImageId));
        Assert.Equal(OldAmi, byName["pinned"].ExpectedImageId);
        Assert.Contains(byName["pinned"].Warnings, w => w.StartsWith(AmiPreflight.AmiOverridesTemplate, StringComparison.Ordinal));
        Assert.Equal("done", Assert.Single(plan.Skipped).NodeGroupName);
    }

    [Fact]
    public void Plan_TemplateNearTheVersionsQuota_Warns()
    {
        var plan = Plan(Request(), Group("compute-b", null, 1, latestVersion: 9_500));

        Assert.Contains(plan.Warnings, w => w.Contains("already has 9500 versions", StringComparison.Ordinal) && w.Contains("L10924-10934", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_Request_IsCarriedIntoThePlan()
    {
        var plan = Plan(Request(dryRun: true, batch: 3), Mixed);

        Assert.Equal(("pcs_abcdef1234", "demo", "25.05", true, 3, "verified"), (plan.ClusterId, plan.ClusterName, plan.ClusterSlurmVersion, plan.DryRun, plan.BatchSize, plan.Replacement));
        Assert.Equal($"amiId {NewAmi}", plan.Target);
    }
}

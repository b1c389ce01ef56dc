using PcsAutomation.Domain.Ami;
using PcsAutomation.Domain.Configuration;
using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Domain.Tests.Ami;
using static PcsAutomation.Domain.Tests.NodeGroupUpdate.Rollouts;

namespace PcsAutomation.Domain.Tests.NodeGroupUpdate;

public class AmiUpdatePolicyTests
{
    private static readonly MaintenanceWindow Sunday = MaintenanceWindow.Parse("sun:02:00-sun:06:00", "test");

    // Images.Now is Sunday 2026-03-01 12:00 UTC: the window is closed; it is open at 03:00 that day.
    private static readonly DateTimeOffset WindowOpen = new(2026, 3, 1, 3, 0, 0, TimeSpan.Zero);

    private static readonly UpdateTargetText ToChannel = new("custom:team-pcs*", null, null, null);

    private static AmiUpdateTags Tags(string mode) =>
        AmiUpdateTags.Read(new Dictionary<string, string> { ["pcs-automation:ami-update"] = mode, ["pcs-automation:ami-channel"] = "custom:team-pcs*" });

    private static NodeGroupUpdatePlan Differs() => Plan(Request(ToChannel), Group("compute-a", OldAmi, running: 2));

    private static NodeGroupUpdatePlan Same() => Plan(Request(ToChannel), Group("compute-a", NewAmi, running: 2));

    [Fact]
    public void Decide_NotifyAndAGroupDiffers_NotifyKeyedByTheTargetImage()
    {
        var decision = AmiUpdatePolicy.Decide(Tags("notify"), Sunday, Differs(), Images.Now);

        Assert.Equal((AmiUpdateAction.Notify, NewAmi), (decision.Action, decision.Images));
        Assert.Contains($"compute-a {OldAmi} -> {NewAmi}", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NothingDiffers_SkipSayingEveryGroupIsOnTheChannel()
    {
        var decision = AmiUpdatePolicy.Decide(Tags("apply"), Sunday, Same(), WindowOpen);

        Assert.Equal(AmiUpdateAction.Skip, decision.Action);
        Assert.Contains("every node group already runs what channel custom:team-pcs* (owner self) gives (compute-a)", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ApplyOutsideTheWindow_SkipNamingTheNextOpening()
    {
        var decision = AmiUpdatePolicy.Decide(Tags("apply"), Sunday, Differs(), Images.Now);

        Assert.Equal(AmiUpdateAction.Skip, decision.Action);
        Assert.Contains("waits for maintenance window sun:02:00-sun:06:00 (next opening 2026-03-08T02:00Z)", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ApplyInsideTheWindow_ApplyWithTheWindowsOpening()
    {
        var decision = AmiUpdatePolicy.Decide(Tags("apply"), Sunday, Differs(), WindowOpen);

        Assert.Equal((AmiUpdateAction.Apply, NewAmi), (decision.Action, decision.Images));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero), decision.WindowOpenedAt);
    }

    [Fact] // guide L6559: the channel's image must hold the cluster's Slurm version or one at most two behind
    public void Decide_PlanRefused_SkipWithTheRefusals()
    {
        var plan = Plan(Request(ToChannel), Group("compute-a", OldAmi, running: 2, target: Team(versions: "25.11")));

        var decision = AmiUpdatePolicy.Decide(Tags("apply"), Sunday, plan, WindowOpen);

        Assert.Equal(AmiUpdateAction.Skip, decision.Action);
        Assert.Contains("would be refused: slurm-version (guide L6559)", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_BadModeTag_SkipQuotingIt()
    {
        var decision = AmiUpdatePolicy.Decide(Tags("sometimes"), Sunday, Differs(), WindowOpen);

        Assert.Equal((AmiUpdateAction.Skip, "pcs-automation:ami-update is 'sometimes', not notify or apply: nothing is done"), (decision.Action, decision.Reason));
    }

    [Fact]
    public void NotEligible_UnmanagedCluster_SaysSoBeforeTheTags()
    {
        var config = new ClusterTagConfiguration(false, Sunday, TimeSpan.FromDays(90), "k");

        Assert.Equal("not managed (no pcs-automation:managed=true tag)", AmiUpdatePolicy.NotEligible(config, Tags("apply"), "pcs-automation:managed"));
        Assert.Null(AmiUpdatePolicy.NotEligible(config with { IsManaged = true }, Tags("apply"), "pcs-automation:managed"));
    }

    [Fact]
    public void Changes_CanaryFirstThenTheRest()
    {
        var plan = Plan(Request(ToChannel, canary: "compute-b"), Group("compute-a", OldAmi, running: 2), Group("compute-b", OldAmi, running: 1));

        Assert.Equal(["compute-b", "compute-a"], AmiUpdatePolicy.Changes(plan).Select(c => c.NodeGroupName));
    }
}

using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.Configuration;
using static PcsAutomation.Domain.Tests.CapacityBlocks.Blocks;

namespace PcsAutomation.Domain.Tests.CapacityBlocks;

public class ExpiryPoliciesTests
{
    private static ExpiryPolicy Decide(CapacityNodeGroupFacts group, CapacityReservationFacts[] reservations, params CapacityNodeGroupFacts[] others)
    {
        var cluster = Cluster([group, .. others]);
        var templates = cluster.NodeGroups.Select(g => Template(g, g.NodeGroupName == "spare" ? Other : Expiring)).ToList();
        var usage = Discover([cluster], templates, reservations);
        return ExpiryPolicies.Decide(group, cluster, reservations[0], reservations, usage);
    }

    [Fact]
    public void Decide_NoTagAndAFittingScheduledBlock_SuccessorBlockDiscoveredWithTheMaintNote()
    {
        var policy = Decide(Group("gpu"), [Block(), Successor()]);

        Assert.Equal((ExpiryActions.SuccessorBlock, Next), (policy.Action, policy.SuccessorReservationId));
        Assert.StartsWith("successor found: block cr-0bbbbbbbbbbbbbbb2", policy.Reason, StringComparison.Ordinal);
        Assert.Empty(policy.Problems);
        Assert.Equal(FindingCodes.ScheduledMaint, Assert.Single(policy.Notes).Code);
        Assert.Contains("maint reservation gpu-scheduled", policy.Notes[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("us-east-2b", "p5.48xlarge", 16, "active")]
    [InlineData("us-east-2a", "p5e.48xlarge", 16, "active")]
    [InlineData("us-east-2a", "p5.48xlarge", 3, "active")]
    [InlineData("us-east-2a", "p5.48xlarge", 16, "payment-pending")]
    public void Decide_NoTagAndNoFittingBlock_WindsDown(string zone, string type, int count, string state)
    {
        var policy = Decide(Group("gpu"), [Block(), Successor(count: count, state: state, az: zone, type: type)]);

        Assert.Equal(ExpiryActions.WindDown, policy.Action);
        Assert.Null(policy.SuccessorReservationId);
        Assert.Empty(policy.Problems);
        Assert.Equal("no successor block, successor node group or fallback node group: scaled to 0 and detached before EC2 terminates its instances", policy.Reason);
    }

    [Fact]
    public void Decide_NoTagAndABlockStartingAfterTheEnd_WindsDownNamingTheGap()
    {
        var policy = Decide(Group("gpu"), [Block(), Successor(start: End.AddHours(6))]);

        Assert.Equal(ExpiryActions.WindDown, policy.Action);
        var gap = Assert.Single(policy.Problems);
        Assert.Equal(FindingCodes.SuccessorGap, gap.Code);
        Assert.Contains("starts at 2026-03-02 17:30Z, 6h00m after block cr-0aaaaaaaaaaaaaaa1 ends", gap.Message, StringComparison.Ordinal);
        Assert.Contains("tag it pcs-automation:successor-block=cr-0bbbbbbbbbbbbbbb2", gap.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_SuccessorBlockTag_FollowedEvenWithAGap()
    {
        var policy = Decide(Group("gpu", tags: Tags(TagKeys.SuccessorBlock, Next)), [Block(), Successor(start: End.AddHours(6))]);

        Assert.Equal((ExpiryActions.SuccessorBlock, Next), (policy.Action, policy.SuccessorReservationId));
        Assert.StartsWith("tag pcs-automation:successor-block: moves to block cr-0bbbbbbbbbbbbbbb2", policy.Reason, StringComparison.Ordinal);
        Assert.Equal([FindingCodes.SuccessorGap, FindingCodes.ScheduledMaint], policy.Notes.Select(n => n.Code));
    }

    [Theory]
    [InlineData("cr-nope", "is not a Capacity Reservation id: expected cr- and 17 lower-case hexadecimal characters")]
    [InlineData(Expiring, "names the expiring block itself")]
    [InlineData(Other, "is not among this account's Capacity Reservations in this Region")]
    [InlineData("cr-0ddddddddddddddd4", "holds p5en.48xlarge, not the group's p5.48xlarge: a group's instance type cannot change, use pcs-automation:successor-node-group")]
    [InlineData("cr-0eeeeeeeeeeeeeee5", "is expired, not scheduled or active (L3416)")]
    public void Decide_UnusableSuccessorBlockTag_ProblemNamingTagGroupAndValueThenWindDown(string value, string problem)
    {
        var reservations = new[] { Block(), Successor(), Successor("cr-0ddddddddddddddd4", type: "p5en.48xlarge"), Successor("cr-0eeeeeeeeeeeeeee5", state: "expired") };
        var policy = Decide(Group("gpu", tags: Tags(TagKeys.SuccessorBlock, value)), reservations);

        // An explicit successor is never swapped for a discovered one (Next would fit).
        Assert.Equal(ExpiryActions.WindDown, policy.Action);
        var finding = Assert.Single(policy.Problems);
        Assert.Equal(FindingCodes.PolicyTag, finding.Code);
        Assert.StartsWith($"node group gpu (pcs_gpu): tag pcs-automation:successor-block='{value}' {problem}", finding.Message, StringComparison.Ordinal);
        Assert.Equal(("pcs_gpu", Expiring), (finding.NodeGroupId, finding.ReservationId));
    }

    [Fact]
    public void Decide_SuccessorBlockPaymentPending_WindsDownRememberingTheSuccessor()
    {
        var policy = Decide(Group("gpu", tags: Tags(TagKeys.SuccessorBlock, Next)), [Block(), Successor(state: "payment-pending")]);

        Assert.Equal((ExpiryActions.WindDown, Next), (policy.Action, policy.PendingSuccessorReservationId));
        Assert.Contains("is payment-pending, not scheduled or active yet", Assert.Single(policy.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_SuccessorNodeGroupTagByName_ReplacesTheGroup()
    {
        var spare = Group("spare", min: 8, max: 8);
        var policy = Decide(Group("gpu", tags: Tags(TagKeys.SuccessorNodeGroup, "spare")), [Block(), Successor(Other)], spare);

        Assert.Equal((ExpiryActions.SuccessorNodeGroup, "pcs_spare", "spare"), (policy.Action, policy.ReplacementNodeGroupId, policy.ReplacementNodeGroupName));
        Assert.Empty(policy.Problems);
    }

    [Fact]
    public void Decide_BadSuccessorNodeGroupThenGoodFallback_FailsOverAndReportsTheTag()
    {
        var fallback = Group("cpu", purchase: "ONDEMAND", type: "c7i.large");
        var tags = new Dictionary<string, string> { [TagKeys.SuccessorNodeGroup] = "ghost", [TagKeys.FallbackNodeGroup] = "pcs_cpu" };
        var policy = Decide(Group("gpu", tags: tags), [Block()], fallback);

        Assert.Equal((ExpiryActions.Failover, "pcs_cpu"), (policy.Action, policy.ReplacementNodeGroupId));
        Assert.Equal("node group gpu (pcs_gpu): tag pcs-automation:successor-node-group='ghost' names no node group of cluster demo (it has gpu, cpu)", Assert.Single(policy.Problems).Message);
    }

    [Theory]
    [InlineData("gpu", "names the group itself")]
    [InlineData("twin", "names twin (pcs_twin), which is on the same expiring block cr-0aaaaaaaaaaaaaaa1")]
    [InlineData("busy", "names busy (pcs_busy), which is UPDATING, not ACTIVE")]
    public void Decide_UnusableFallback_ProblemThenWindDown(string fallback, string problem)
    {
        var policy = Decide(Group("gpu", tags: Tags(TagKeys.FallbackNodeGroup, fallback)), [Block()],
            Group("twin"), Group("busy", purchase: "ONDEMAND", type: "c7i.large", status: "UPDATING"));

        Assert.Equal(ExpiryActions.WindDown, policy.Action);
        Assert.Equal($"node group gpu (pcs_gpu): tag pcs-automation:fallback-node-group='{fallback}' {problem}", Assert.Single(policy.Problems).Message);
    }

    [Fact]
    public void Decide_SuccessorNodeGroupAndFallbackBothUsable_SuccessorFirst()
    {
        var tags = new Dictionary<string, string> { [TagKeys.SuccessorNodeGroup] = "spare", [TagKeys.FallbackNodeGroup] = "cpu" };
        var policy = Decide(Group("gpu", tags: tags), [Block(), Successor(Other)], Group("spare"), Group("cpu", purchase: "ONDEMAND", type: "c7i.large"));

        Assert.Equal(ExpiryActions.SuccessorNodeGroup, policy.Action);
    }

    [Fact]
    public void Decide_UsableSuccessorAndBrokenFallback_MovesAndStillReportsTheFallback()
    {
        var tags = new Dictionary<string, string> { [TagKeys.SuccessorBlock] = Next, [TagKeys.FallbackNodeGroup] = "gone" };
        var policy = Decide(Group("gpu", tags: tags), [Block(), Successor()]);

        Assert.Equal(ExpiryActions.SuccessorBlock, policy.Action);
        Assert.StartsWith("node group gpu (pcs_gpu): tag pcs-automation:fallback-node-group='gone' names no node group", Assert.Single(policy.Problems).Message, StringComparison.Ordinal);
    }
}

using PcsAutomation.Domain.Ami;
using PcsAutomation.Domain.NodeGroupUpdate;
using static PcsAutomation.Domain.Tests.NodeGroupUpdate.Rollouts;

namespace PcsAutomation.Domain.Tests.NodeGroupUpdate;

public class AmiAuditTests
{
    private static readonly PreflightFinding TooOld = new(AmiPreflight.SlurmCompatibility, "guide L6559", $"{OldAmi} holds Slurm 24.05, 3 versions behind the cluster's 25.05");

    private static AmiUpdateTags Tags(string mode = "apply", string channel = "custom:team-pcs*") =>
        AmiUpdateTags.Read(new Dictionary<string, string> { ["pcs-automation:ami-update"] = mode, ["pcs-automation:ami-channel"] = channel });

    // The group runs OldAmi; by default the channel gives it OldAmi too (no finding); NewAmi makes it off-channel.
    private static AmiAuditInput Input(
        AmiUpdateTags? tags = null, PreflightFinding[]? incompatible = null, string? channelImage = OldAmi, PlanRefusal[]? refusals = null,
        string? holder = null, string? channelProblem = null) =>
        new("pcs_compute-a", "compute-a", OldAmi, incompatible ?? [], tags ?? Tags(), channelProblem, channelImage, refusals ?? [], holder);

    [Fact]
    public void Judge_OnTheChannelAndCompatible_NoFindingNoRemediation()
    {
        var result = AmiAudit.Judge(Input());

        Assert.False(result.HasFindings);
        Assert.False(result.Remediate);
        Assert.Contains("compatible with the cluster, the image channel custom:team-pcs* (owner self) gives", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_OffChannelWithApply_FindingAndRemediationToTheChannelsImage()
    {
        var result = AmiAudit.Judge(Input(channelImage: NewAmi));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(AmiAudit.OffChannel, finding.Rule);
        Assert.Equal($"node group compute-a runs {OldAmi}; channel custom:team-pcs* (owner self) gives {NewAmi} for it", finding.Message);
        Assert.True(result.Remediate);
        Assert.Equal(NewAmi, result.ChannelImageId);
    }

    [Fact]
    public void Judge_OffChannelWithNotify_FindingOnly()
    {
        var result = AmiAudit.Judge(Input(Tags("notify"), channelImage: NewAmi));

        Assert.True(result.HasFindings);
        Assert.False(result.Remediate);
        Assert.Equal("not remediated: pcs-automation:ami-update is notify, not apply", result.Reason);
    }

    [Fact] // guide L6559: an AMI more than two Slurm versions behind the cluster's is refused
    public void Judge_IncompatibleImage_FindingWithTheRuleAndGuideLine()
    {
        var result = AmiAudit.Judge(Input(incompatible: [TooOld], channelImage: NewAmi));

        Assert.Equal([AmiAudit.OffChannel, AmiPreflight.SlurmCompatibility], result.Findings.Select(f => f.Rule));
        Assert.Equal("slurm-version (guide L6559): ami-0000000000000000a holds Slurm 24.05, 3 versions behind the cluster's 25.05", result.Findings[1].ToString());
        Assert.True(result.Remediate);
    }

    [Fact]
    public void Judge_IncompatibleButTheChannelsOwnImage_NoRemediationAsksToFixTheChannel()
    {
        var result = AmiAudit.Judge(Input(incompatible: [TooOld]));

        Assert.Equal([AmiPreflight.SlurmCompatibility], result.Findings.Select(f => f.Rule));
        Assert.False(result.Remediate);
        Assert.Contains("the channel's image itself is what was found, fix the channel", result.Reason, StringComparison.Ordinal);
    }

    [Fact] // one operation per cluster: a rotation or roll-out in progress is never joined by a remediation
    public void Judge_LeaseHeldByAnotherExecution_NoRemediationNamingIt()
    {
        var result = AmiAudit.Judge(Input(channelImage: NewAmi, holder: "arn:aws:states:us-east-1:1:execution:x:rotate-1"));

        Assert.False(result.Remediate);
        Assert.Equal("not remediated: execution arn:aws:states:us-east-1:1:execution:x:rotate-1 holds the cluster's lease (one operation per cluster)", result.Reason);
    }

    [Fact] // guide L1984-1989: PCS takes one change at a time; the plan refuses a group that is still UPDATING
    public void Judge_PlanRefused_NoRemediationWithTheRefusal()
    {
        var refusal = new PlanRefusal(PlanRules.NodeGroupStatus, "guide L1984-1989", "pcs_compute-a", "node group compute-a (pcs_compute-a) is UPDATING, not ACTIVE");

        var result = AmiAudit.Judge(Input(channelImage: NewAmi, refusals: [refusal]));

        Assert.False(result.Remediate);
        Assert.Contains("would be refused now: node-group-status (guide L1984-1989)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_ChannelNotLookedUp_IncompatibilityStillFoundWithoutRemediation()
    {
        var result = AmiAudit.Judge(Input(Tags(channel: "nonsense"), incompatible: [TooOld], channelImage: null, channelProblem: "pcs-automation:ami-channel: bad"));

        Assert.Equal([AmiPreflight.SlurmCompatibility], result.Findings.Select(f => f.Rule));
        Assert.Equal("not remediated: pcs-automation:ami-channel: bad", result.Reason);
    }
}

using PcsAutomation.Domain.Ami;
using PcsAutomation.Domain.Configuration;

namespace PcsAutomation.Domain.NodeGroupUpdate;

/// <summary>
/// One node group's image as found after a CloudTrail CreateComputeNodeGroup or UpdateComputeNodeGroup (guide L10748),
/// with what was judged of it.
/// </summary>
/// <param name="ImageId">The image its new instances get: its amiId, else its launch template version's ImageId (guide L3029); null when neither names one.</param>
/// <param name="Incompatibilities">The pre-flight's refusals of that image for the cluster (<see cref="AmiPreflight"/>: Slurm version L6559, end of life L6441-6454, architecture L2549-2550, image state, managed template L2669).</param>
/// <param name="ChannelProblem">Why the image could not be compared with the channel (bad or missing tag, lookup failure); null when it was.</param>
/// <param name="ChannelImageId">The image the channel gives this group now (looked up for its architecture and the cluster's Slurm version); null when not compared.</param>
/// <param name="PlanRefusals">Why a roll-out of this group to the channel would be refused now (a group still UPDATING after the call, guide L1984-1989; an incompatible channel image).</param>
/// <param name="LeaseHolder">The execution holding the cluster's lease (another workflow is running), or null.</param>
public sealed record AmiAuditInput(
    string NodeGroupId,
    string NodeGroupName,
    string? ImageId,
    IReadOnlyList<PreflightFinding> Incompatibilities,
    AmiUpdateTags Tags,
    string? ChannelProblem,
    string? ChannelImageId,
    IReadOnlyList<PlanRefusal> PlanRefusals,
    string? LeaseHolder);

/// <summary>The findings (empty: nothing to tell), whether to roll the group back to the channel now, and why (not).</summary>
/// <param name="ChannelImageId">The image the channel gives the group, when it differs from the one found (what a remediation rolls to).</param>
public sealed record AmiAuditResult(IReadOnlyList<PreflightFinding> Findings, bool Remediate, string? ChannelImageId, string Reason)
{
    public bool HasFindings => Findings.Count > 0;
}

/// <summary>
/// The audit of a node group's image against the cluster's channel and Slurm version. A finding is raised when the
/// image is not the one the channel gives the group now (<see cref="OffChannel"/>) or the pre-flight refuses it for
/// the cluster. Remediation (a roll-out of that group back to the channel's image) starts only when the cluster says
/// <c>apply</c>, the channel was looked up, the roll-out's own plan accepts the change, and no workflow holds the
/// cluster; otherwise the finding says why not, and the scheduled reconciler tries again in the maintenance window.
/// </summary>
public static class AmiAudit
{
    /// <summary>The finding's rule: the group runs another image than the channel gives it.</summary>
    public const string OffChannel = "off-channel";

    public static AmiAuditResult Judge(AmiAuditInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var findings = new List<PreflightFinding>(input.Incompatibilities);
        var channel = input.Tags.Channel;
        if (OffChannelImage(input) is { } channelImage)
        {
            findings.Insert(0, new PreflightFinding(OffChannel, $"tag {TagKeys.AmiChannel}",
                $"node group {input.NodeGroupName} runs {input.ImageId ?? "no image"}; channel {channel} gives {channelImage} for it"));
        }
        var image = input.ImageId ?? "(no image)";
        if (findings.Count == 0)
        {
            var compared = input.ChannelProblem is { } problem ? $"not compared with a channel ({problem})" : $"the image channel {channel} gives";
            return new([], false, null, $"node group {input.NodeGroupName} runs {image}: compatible with the cluster, {compared}");
        }
        var why = WhyNotRemediate(input);
        return new(findings, why is null, OffChannelImage(input), why is null
            ? $"remediation: node group {input.NodeGroupName} back to {input.ChannelImageId} (channel {channel})"
            : $"not remediated: {why}");
    }

    /// <summary>The channel's image when it is not the group's; null when they agree or were not compared.</summary>
    private static string? OffChannelImage(AmiAuditInput input) =>
        input.Tags.Channel is not null && input.ChannelProblem is null && input.ChannelImageId is { } image && image != input.ImageId ? image : null;

    private static string? WhyNotRemediate(AmiAuditInput input)
    {
        if (input.Tags.Mode != AmiUpdateMode.Apply)
            return input.Tags.ModeProblem ?? $"{TagKeys.AmiUpdate} is {AmiUpdateTags.NotifyValue}, not {AmiUpdateTags.ApplyValue}";
        if (input.ChannelProblem is { } problem)
            return problem;
        if (input.ChannelImageId is null)
            return $"channel {input.Tags.Channel} gives no image for the group";
        if (OffChannelImage(input) is null)
            return $"the group already runs the image channel {input.Tags.Channel} gives: the channel's image itself is what was found, fix the channel";
        if (input.PlanRefusals.Count > 0)
            return $"a roll-out to the channel would be refused now: {string.Join("; ", input.PlanRefusals)}";
        if (input.LeaseHolder is { } holder)
            return $"execution {holder} holds the cluster's lease (one operation per cluster)";
        return null;
    }
}

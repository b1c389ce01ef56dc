using System.Globalization;
using PcsAutomation.Domain.Ami;

namespace PcsAutomation.Domain.NodeGroupUpdate;

/// <summary>What a roll-out moves the node groups to.</summary>
public enum UpdateTargetKind
{
    /// <summary>The newest eligible AMI of a channel (<see cref="AmiChannelParser"/>), looked up per group architecture.</summary>
    Channel,

    /// <summary>One AMI id for every group.</summary>
    AmiId,

    /// <summary>A version number of each group's own launch template (PCS binds a group to an exact version, guide L2544, L2580).</summary>
    LaunchTemplateVersion,
}

/// <summary>A validated target: exactly one of <see cref="Channel"/>, <see cref="AmiId"/> or <see cref="LaunchTemplateVersion"/> is set.</summary>
public sealed record UpdateTarget(UpdateTargetKind Kind, AmiChannel? Channel, string? AmiId, int? LaunchTemplateVersion)
{
    /// <summary>"channel sample", "amiId ami-…", "launchTemplateVersion 7", for logs and notifications.</summary>
    public override string ToString() => Kind switch
    {
        UpdateTargetKind.Channel => $"channel {Channel}",
        UpdateTargetKind.AmiId => $"amiId {AmiId}",
        _ => string.Create(CultureInfo.InvariantCulture, $"launchTemplateVersion {LaunchTemplateVersion}"),
    };
}

/// <summary>When a group's update counts as done.</summary>
public enum ReplacementMode
{
    /// <summary>ACTIVE and every running instance of the group reports the new image (guide L2948-2973, L5923-5925).</summary>
    Verified,

    /// <summary>
    /// ACTIVE only: PCS has marked the instances, which are replaced once idle (guide L2667). For clusters whose jobs run
    /// longer than anyone wants to wait; the instances still on the old image are reported.
    /// </summary>
    Marked,
}

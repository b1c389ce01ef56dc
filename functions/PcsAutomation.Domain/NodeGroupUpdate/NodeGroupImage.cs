namespace PcsAutomation.Domain.NodeGroupUpdate;

/// <summary>
/// What decides the image a node group's new instances run: its <c>amiId</c> when set (it overrides the launch
/// template's <c>ImageId</c>, guide L3029), else the <c>ImageId</c> of the exact launch template version it is bound to
/// (guide L2544, L2580). Saved before a change, restored by a rollback.
/// </summary>
public sealed record NodeGroupImage(string NodeGroupId, string NodeGroupName, string? AmiId, string LaunchTemplateId, string LaunchTemplateVersion)
{
    /// <summary>True when <paramref name="other"/> sets the same amiId and launch template version (names may differ: ids decide).</summary>
    public bool SameImageSettingsAs(NodeGroupImage other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return AmiId == other.AmiId && LaunchTemplateId == other.LaunchTemplateId && LaunchTemplateVersion == other.LaunchTemplateVersion;
    }

    /// <summary>"compute-1 amiId ami-… (launch template lt-… version 3)" for logs and notifications.</summary>
    public override string ToString() =>
        AmiId is null
            ? $"{NodeGroupName} launch template {LaunchTemplateId} version {LaunchTemplateVersion}"
            : $"{NodeGroupName} amiId {AmiId} (launch template {LaunchTemplateId} version {LaunchTemplateVersion})";
}

/// <summary>The field a roll-out changes on a group.</summary>
public static class ImageChanges
{
    /// <summary>The group sets <c>amiId</c>: UpdateComputeNodeGroup with the new <c>amiId</c> (guide L2727).</summary>
    public const string AmiId = "amiId";

    /// <summary>
    /// The group takes its image from its launch template: a new version of that template (the current one with the new
    /// <c>ImageId</c>), then UpdateComputeNodeGroup to it (PCS ignores a new version until the group is updated to it,
    /// guide L2661, L3886). Every such update adds a version to the template, and EC2 caps versions per template
    /// (guide L10924-10934; 10,000 by default, https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/launch-template-restrictions.html).
    /// </summary>
    public const string NewLaunchTemplateVersion = "newLaunchTemplateVersion";

    /// <summary>The operator named a version of the group's template: UpdateComputeNodeGroup to it (guide L2661).</summary>
    public const string LaunchTemplateVersion = "launchTemplateVersion";
}

/// <summary>
/// One group's change as the lease records it before the change is made: the settings to roll back to, what the group is
/// moved to, the image its instances must then report, and when.
/// </summary>
/// <param name="Change">One of <see cref="ImageChanges"/>.</param>
/// <param name="TargetAmiId">The new <c>amiId</c> (<see cref="ImageChanges.AmiId"/>), or the <c>ImageId</c> of the new template version.</param>
/// <param name="TargetLaunchTemplateVersion">The version the group is moved to, for <see cref="ImageChanges.LaunchTemplateVersion"/>; null until known otherwise.</param>
/// <param name="ExpectedImageId">The image every replaced instance must report.</param>
public sealed record NodeGroupChange(
    NodeGroupImage Previous, string Change, string? TargetAmiId, string? TargetLaunchTemplateVersion, string ExpectedImageId, DateTimeOffset ChangedAt)
{
    public string NodeGroupId => Previous.NodeGroupId;
}

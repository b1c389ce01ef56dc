using PcsAutomation.Domain.Ami;

namespace PcsAutomation.Domain.NodeGroupUpdate;

/// <summary>The cluster as the plan sees it: its <c>scheduler.version</c> as PCS reports it (parsed by the plan).</summary>
public sealed record ClusterFacts(string ClusterId, string ClusterName, string Status, string SlurmVersion);

/// <summary>
/// One node group as read for the plan, with what the handler resolved for it: the image the target gives this group
/// (a channel is looked up per architecture), the group's architecture, and its launch template's facts.
/// </summary>
/// <param name="IsLogin">The group is attached to no queue: it runs no Slurm job, so it serves logins (guide L3857-3864; README, assumptions).</param>
/// <param name="InstancesRunning">Running instances tagged <c>aws:pcs:compute-node-group-id</c> with the group's id.</param>
/// <param name="CurrentImageId">The image new instances get now: the group's amiId, else its template version's ImageId (null when that has none).</param>
/// <param name="TargetImage">The image the group runs after the change (for a launch template version target with an amiId set: the amiId's, which overrides); null when none is known.</param>
/// <param name="TargetLaunchTemplateImageId">For a launch template version target: that version's ImageId; otherwise the current version's, for the override warning (L3029).</param>
/// <param name="LaunchTemplateLatestVersion">The template's latest version number, for the versions quota; null when unknown.</param>
public sealed record NodeGroupFacts(
    NodeGroupImage Current,
    string Status,
    bool IsLogin,
    int InstancesRunning,
    string? CurrentImageId,
    AmiImage? TargetImage,
    ArchitectureDecision Architecture,
    string? LaunchTemplateName,
    string? TargetLaunchTemplateImageId,
    int? LaunchTemplateLatestVersion);

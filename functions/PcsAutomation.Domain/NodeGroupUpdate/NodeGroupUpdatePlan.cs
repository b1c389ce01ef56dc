namespace PcsAutomation.Domain.NodeGroupUpdate;

/// <summary>What the roll-out does to one group. Plain data (serialized camelCase by the handlers).</summary>
/// <param name="Change">One of <see cref="ImageChanges"/>.</param>
/// <param name="From">The amiId, or the launch template version, the group has now.</param>
/// <param name="To">The amiId, or the version, it gets ("new version from 3" for a version still to be created).</param>
/// <param name="TargetAmiId">The amiId to set, or the ImageId of the version to create; null for a launch template version target.</param>
/// <param name="TargetLaunchTemplateVersion">The version to bind the group to, for a launch template version target.</param>
/// <param name="ExpectedImageId">The image every replaced instance must report.</param>
/// <param name="Disruption">What the group's users see (<see cref="UpdateDisruption"/>).</param>
public sealed record PlannedGroupUpdate(
    string NodeGroupId,
    string NodeGroupName,
    string Change,
    string From,
    string To,
    string? CurrentImageId,
    string ExpectedImageId,
    string? TargetAmiId,
    string? TargetLaunchTemplateVersion,
    string LaunchTemplateId,
    bool IsLogin,
    int InstancesRunning,
    string Disruption,
    IReadOnlyList<string> Warnings);

/// <summary>A group left as it is, and why (already on the target, or not selected).</summary>
public sealed record SkippedGroup(string NodeGroupId, string NodeGroupName, string Reason);

/// <summary>Why the roll-out may not run: the rule, the guide lines behind it, the group (when one), what is wrong.</summary>
public sealed record PlanRefusal(string Rule, string Guide, string? NodeGroupId, string Message)
{
    public override string ToString() => $"{Rule} ({Guide}): {Message}";
}

/// <summary>
/// The roll-out plan: PlanNodeGroupUpdate's output, the dry run's whole answer, and the input of the later steps.
/// <see cref="Canary"/> goes first and alone; <see cref="Remaining"/> follow in order, <see cref="NodeGroupUpdateRequest.BatchSize"/>
/// at a time (<see cref="Batches"/> lists their ids). Refused when <see cref="Refusals"/> is not empty. Plain data.
/// </summary>
public sealed record NodeGroupUpdatePlan(
    string ClusterId,
    string ClusterName,
    string ClusterSlurmVersion,
    string Target,
    string Replacement,
    bool DryRun,
    int BatchSize,
    PlannedGroupUpdate? Canary,
    string CanaryRule,
    IReadOnlyList<PlannedGroupUpdate> Remaining,
    IReadOnlyList<IReadOnlyList<string>> Batches,
    IReadOnlyList<SkippedGroup> Skipped,
    IReadOnlyList<PlanRefusal> Refusals,
    IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// The ids of every group the roll-out updates, the canary first: the re-plan under the lease asks for exactly these
    /// (the States Language has no intrinsic to concatenate arrays, so the plan carries the list).
    /// </summary>
    public IReadOnlyList<string> NodeGroupIds => Canary is { } canary ? [canary.NodeGroupId, .. Remaining.Select(g => g.NodeGroupId)] : [];
}

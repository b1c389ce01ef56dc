using System.Globalization;
using PcsAutomation.Domain.Ami;

namespace PcsAutomation.Domain.NodeGroupUpdate;

/// <summary>The plan's own refusal rules (the pre-flight's are <see cref="AmiPreflight"/>'s).</summary>
public static class PlanRules
{
    public const string ClusterStatus = "cluster-status";
    public const string UnknownNodeGroup = "unknown-node-group";
    public const string NodeGroupStatus = "node-group-status";
    public const string Canary = "canary";
    public const string NoImage = "no-image";
}

/// <summary>
/// Builds the roll-out plan from the request and what the handler read: which groups differ from the target and what
/// changes on each (the group's <c>amiId</c>, or a new version of its launch template when the template gives its image,
/// guide L3029, L2661), the compatibility pre-flight per group (<see cref="AmiPreflight"/>), the expected disruption
/// (<see cref="UpdateDisruption"/>), the canary and the batches (<see cref="CanaryChoice"/>), and every refusal.
/// </summary>
public static class NodeGroupUpdatePlanner
{
    /// <summary>A template this close to EC2's default 10,000 versions gets a warning (the quota may have been raised, so no refusal).</summary>
    public const int VersionsWarningThreshold = 9_000;

    public static NodeGroupUpdatePlan Plan(NodeGroupUpdateRequest request, ClusterFacts cluster, IReadOnlyList<NodeGroupFacts> groups, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(groups);
        var refusals = new List<PlanRefusal>();
        var warnings = new List<string>();
        var skipped = new List<SkippedGroup>();

        // Inferred: PCS accepts node group changes on an ACTIVE cluster (CreateComputeNodeGroup needs one, guide L1938).
        if (cluster.Status != "ACTIVE")
            refusals.Add(new(PlanRules.ClusterStatus, "guide L1938", null, $"cluster {cluster.ClusterId} is {cluster.Status}, not ACTIVE"));
        SlurmVersion? slurm = SlurmVersion.TryParse(cluster.SlurmVersion, out var parsed) ? parsed : null;
        if (slurm is null)
            refusals.Add(new(AmiPreflight.SlurmEndOfLife, "guide L6441-6454", null, $"cluster {cluster.ClusterId} reports Slurm '{cluster.SlurmVersion}', not a yy.mm version PCS supports"));

        var selected = Select(request, groups, refusals, skipped);
        var planned = new List<PlannedGroupUpdate>();
        foreach (var group in selected)
        {
            if (Plan(request.Target, group, slurm, now, refusals) is { } update)
                planned.Add(update);
            else if (!refusals.Any(r => r.NodeGroupId == group.Current.NodeGroupId))
                skipped.Add(new(group.Current.NodeGroupId, group.Current.NodeGroupName, $"already on the target ({Describe(group)})"));
        }

        if (request.Canary is { } canary && !planned.Any(g => g.NodeGroupId == canary || g.NodeGroupName == canary))
            refusals.Add(new(PlanRules.Canary, "input canary", null, $"canary '{canary}' is not among the groups this roll-out updates ({(planned.Count == 0 ? "none" : string.Join(", ", planned.Select(g => g.NodeGroupName)))})"));
        var decision = refusals.Any(r => r.Rule == PlanRules.Canary)
            ? CanaryChoice.Decide(planned, null, request.BatchSize)
            : CanaryChoice.Decide(planned, request.Canary, request.BatchSize);
        warnings.AddRange(planned.SelectMany(g => g.Warnings.Select(w => $"{g.NodeGroupName}: {w}")));

        return new NodeGroupUpdatePlan(
            cluster.ClusterId, cluster.ClusterName, cluster.SlurmVersion, request.Target.ToString(),
            request.Replacement == ReplacementMode.Verified ? "verified" : "marked", request.DryRun, request.BatchSize,
            decision.Canary, decision.Rule, decision.Remaining, decision.Batches, skipped, refusals, warnings);
    }

    /// <summary>The groups named (by name or id; unknown names refused), or every group.</summary>
    private static List<NodeGroupFacts> Select(NodeGroupUpdateRequest request, IReadOnlyList<NodeGroupFacts> groups, List<PlanRefusal> refusals, List<SkippedGroup> skipped)
    {
        var ordered = groups.OrderBy(g => g.Current.NodeGroupName, StringComparer.Ordinal).ToList();
        if (request.NodeGroups is not { } named)
            return ordered;
        var selected = new List<NodeGroupFacts>();
        foreach (var name in named)
        {
            var group = ordered.FirstOrDefault(g => g.Current.NodeGroupId == name || g.Current.NodeGroupName == name);
            if (group is null)
                refusals.Add(new(PlanRules.UnknownNodeGroup, "guide L2570", null, $"cluster has no node group named or identified '{name}' (it has {string.Join(", ", ordered.Select(g => g.Current.NodeGroupName))})"));
            else if (!selected.Contains(group))
                selected.Add(group);
        }
        skipped.AddRange(ordered.Except(selected).Select(g => new SkippedGroup(g.Current.NodeGroupId, g.Current.NodeGroupName, "not in nodeGroups")));
        return selected;
    }

    /// <summary>The group's update, or null when it already matches the target (or is refused: the refusal is added).</summary>
    private static PlannedGroupUpdate? Plan(UpdateTarget target, NodeGroupFacts group, SlurmVersion? slurm, DateTimeOffset now, List<PlanRefusal> refusals)
    {
        var current = group.Current;
        string change, from, to;
        string? targetAmi = null, targetVersion = null;
        if (target.Kind == UpdateTargetKind.LaunchTemplateVersion)
        {
            targetVersion = target.LaunchTemplateVersion!.Value.ToString(CultureInfo.InvariantCulture);
            if (current.LaunchTemplateVersion == targetVersion)
                return null;
            (change, from, to) = (ImageChanges.LaunchTemplateVersion, current.LaunchTemplateVersion, targetVersion);
        }
        else
        {
            if (group.TargetImage is { } image && image.ImageId == group.CurrentImageId)
                return null;
            targetAmi = group.TargetImage?.ImageId;
            (change, from, to) = current.AmiId is { } ami
                ? (ImageChanges.AmiId, ami, targetAmi ?? "?")
                : (ImageChanges.NewLaunchTemplateVersion, current.LaunchTemplateVersion, $"new version from {current.LaunchTemplateVersion} with ImageId {targetAmi ?? "?"}");
        }

        var id = current.NodeGroupId;
        var before = refusals.Count;
        // One change at a time: PCS answers ConflictException while a group is updating (guide L1984-1989).
        if (group.Status != "ACTIVE")
            refusals.Add(new(PlanRules.NodeGroupStatus, "guide L1984-1989", id, $"node group {current.NodeGroupName} ({id}) is {group.Status}, not ACTIVE"));
        var warnings = new List<string>();
        if (group.TargetImage is null && group.Architecture.Refusal is { } architecture)
        {
            refusals.Add(new(AmiPreflight.Architecture, "guide L2549-2550", id, $"node group {current.NodeGroupName}: {architecture}"));
        }
        else if (group.TargetImage is not { } targetImage)
        {
            refusals.Add(new(PlanRules.NoImage, "guide L3029", id, target.Kind == UpdateTargetKind.LaunchTemplateVersion
                ? $"node group {current.NodeGroupName} has no amiId and launch template {current.LaunchTemplateId} version {targetVersion} names no ImageId: nothing says which image its nodes would run"
                : $"no image found for node group {current.NodeGroupName}"));
        }
        else if (slurm is { } version)
        {
            var preflight = AmiPreflight.Check(new PreflightInput(
                version, targetImage, group.Architecture, group.LaunchTemplateName, group.TargetLaunchTemplateImageId,
                SetsGroupAmiId: current.AmiId is not null), now);
            refusals.AddRange(preflight.Refusals.Select(r => new PlanRefusal(r.Rule, r.Guide, id, $"node group {current.NodeGroupName}: {r.Message}")));
            warnings.AddRange(preflight.Warnings.Select(w => w.ToString()));
        }
        if (change == ImageChanges.NewLaunchTemplateVersion && group.LaunchTemplateLatestVersion is >= VersionsWarningThreshold)
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"launch template {current.LaunchTemplateId} already has {group.LaunchTemplateLatestVersion} versions: EC2 allows 10,000 per template by default (guide L10924-10934, https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/launch-template-restrictions.html); delete unused versions"));
        if (refusals.Count > before)
            return null;

        return new PlannedGroupUpdate(
            id, current.NodeGroupName, change, from, to, group.CurrentImageId, group.TargetImage!.ImageId, targetAmi, targetVersion,
            current.LaunchTemplateId, group.IsLogin, group.InstancesRunning,
            UpdateDisruption.For(group.IsLogin, group.InstancesRunning, change, current.LaunchTemplateId, group.LaunchTemplateLatestVersion),
            warnings);
    }

    private static string Describe(NodeGroupFacts group) =>
        group.Current.AmiId is { } ami ? $"amiId {ami}" : $"launch template {group.Current.LaunchTemplateId} version {group.Current.LaunchTemplateVersion}, image {group.CurrentImageId ?? "none"}";
}

using System.Globalization;
using PcsAutomation.Domain.Configuration;
using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Domain.NodeGroupUpdate;

/// <summary>What the scheduled AMI reconciler does for one cluster.</summary>
public enum AmiUpdateAction
{
    /// <summary>Nothing this time; the reason says why.</summary>
    Skip,

    /// <summary>Send the "newer image available" notice (once per cluster and target images).</summary>
    Notify,

    /// <summary>Start the roll-out to the channel's image (once per cluster, target images and window).</summary>
    Apply,
}

/// <param name="Images">The target images' key in execution names (<see cref="ExecutionNames.ImagesKey"/>), when the plan changes something.</param>
/// <param name="WindowOpenedAt">Apply: the opening of the window it runs in.</param>
public sealed record AmiUpdateDecision(AmiUpdateAction Action, string Reason, string? Images = null, DateTimeOffset? WindowOpenedAt = null);

/// <summary>
/// The scheduled AMI reconciler's rules. First, before reading anything but tags: only managed clusters whose
/// <see cref="AmiUpdateTags"/> are both valid. Then, from the roll-out's own plan to the channel
/// (<see cref="NodeGroupUpdatePlanner"/>, the plan a roll-out would make): nothing when no group differs or the plan is
/// refused; <c>notify</c> sends the notice; <c>apply</c> starts the roll-out only while the maintenance window is open.
/// </summary>
public static class AmiUpdatePolicy
{
    /// <summary>Why the cluster is left alone before any AMI lookup, or null when its plan is to be made.</summary>
    public static string? NotEligible(ClusterTagConfiguration config, AmiUpdateTags tags, string managedTagKey)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(tags);
        if (!config.IsManaged)
            return $"not managed (no {managedTagKey}=true tag)";
        return tags.Problem;
    }

    public static AmiUpdateDecision Decide(AmiUpdateTags tags, MaintenanceWindow window, NodeGroupUpdatePlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(plan);
        if (tags.Problem is { } problem || tags.Mode is not { } mode)
            return new(AmiUpdateAction.Skip, tags.Problem ?? "no mode");
        if (plan.Refusals.Count > 0)
            return new(AmiUpdateAction.Skip, $"a roll-out to {plan.Target} would be refused: {string.Join("; ", plan.Refusals)}");
        var changes = Changes(plan);
        if (changes.Count == 0)
            return new(AmiUpdateAction.Skip, $"every node group already runs what {plan.Target} gives ({string.Join(", ", plan.Skipped.Select(s => s.NodeGroupName))})");

        var images = ExecutionNames.ImagesKey(changes.Select(c => c.ExpectedImageId));
        var what = $"{changes.Count} node group(s) differ from {plan.Target}: {string.Join(", ", changes.Select(c => $"{c.NodeGroupName} {c.CurrentImageId ?? "(no image)"} -> {c.ExpectedImageId}"))}";
        if (mode == AmiUpdateMode.Notify)
            return new(AmiUpdateAction.Notify, $"{what}; {TagKeys.AmiUpdate}={AmiUpdateTags.NotifyValue}: notice only", images);
        if (window.OpenedAt(now) is not { } openedAt)
            return new(AmiUpdateAction.Skip, $"{what}; {TagKeys.AmiUpdate}={AmiUpdateTags.ApplyValue} waits for maintenance window {window} (next opening {Iso(window.NextOpening(now))})", images);
        return new(AmiUpdateAction.Apply, $"{what}; maintenance window {window} open since {Iso(openedAt)}", images, openedAt);
    }

    /// <summary>The canary first, then the others in plan order.</summary>
    public static IReadOnlyList<PlannedGroupUpdate> Changes(NodeGroupUpdatePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Canary is { } canary ? [canary, .. plan.Remaining] : [.. plan.Remaining];
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
}

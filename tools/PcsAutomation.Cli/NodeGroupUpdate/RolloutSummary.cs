using System.Text.Json.Nodes;
using PcsAutomation.Cli.Workflows;
using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Cli.NodeGroupUpdate;

/// <summary>One group the roll-out changed: the image it ran before (or its saved settings when no image is known) and the one it was moved to.</summary>
/// <param name="Previous">The settings the lease saved before the change: what a rollback restores.</param>
public sealed record RolloutGroup(string NodeGroupId, string NodeGroupName, string OldImage, string NewImage, NodeGroupImage Previous);

/// <summary>
/// What the operator reads at the end of <c>update</c>: the target and where it came from, the canary, the groups
/// changed (old → new image), and for a failure its reason and the rollback: verified, or not (then the commands to roll
/// back by hand). The groups changed are the lease's record, as the execution's last notification reported it
/// (<c>savedImages</c>): the one record the rollback uses. Old images come from the plan the execution carried. A dry
/// run's summary is its plan.
/// </summary>
public sealed record RolloutSummary(
    string ExecutionArn,
    string Status,
    TimeSpan Duration,
    bool DryRun,
    string? ClusterId,
    string? ClusterName,
    string? Target,
    TargetSource? Source,
    string? Canary,
    IReadOnlyList<RolloutGroup> Changed,
    NodeGroupUpdatePlan? Plan,
    ExecutionFailure Failure)
{
    /// <summary>The notified event the facts come from (Succeeded, Failed, NeedsOperator...), or null.</summary>
    public string? NotifiedEvent { get; init; }

    /// <summary>Failed: true once the rollback was verified, false when it was not; null when nothing says.</summary>
    public bool? RolledBack { get; init; }

    /// <summary>The AWS CLI commands that roll <see cref="Changed"/> back by hand, when the rollback was not verified.</summary>
    public IReadOnlyList<string> RollbackCommands { get; init; } = [];

    /// <summary>True when the execution failed before changing any group.</summary>
    public bool NodeGroupsUnchanged { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public bool Succeeded => Status == "SUCCEEDED";

    public static RolloutSummary From(ExecutionResult result, bool dryRun, TargetSource? source)
    {
        ArgumentNullException.ThrowIfNull(result);
        var output = WorkflowJson.Parse(result.Output);
        var plan = RolloutJson.Plan(output) ?? RolloutJson.Plan(result.Plan);
        var detail = dryRun ? null : result.Notification;
        var notified = WorkflowJson.Text(detail?["event"]);
        var changes = RolloutJson.Changes(detail);
        var failure = ExecutionFailure.From(result, output);
        if (!result.Succeeded && failure.Cause is null && detail?["failure"] is JsonObject caught)
            failure = failure with { Cause = WorkflowJson.Text(caught["cause"]) ?? WorkflowJson.Text(caught["Cause"]) };
        bool? rolledBack = notified switch
        {
            NotificationEvents.NeedsOperator => false,
            NotificationEvents.Failed when changes.Count > 0 => WorkflowJson.Bool(detail?["rolledBack"]),
            _ => null,
        };
        return new RolloutSummary(
            result.ExecutionArn,
            result.Status,
            result.Duration,
            dryRun,
            plan?.ClusterId ?? WorkflowJson.Text(detail?["clusterId"]),
            plan?.ClusterName ?? WorkflowJson.Text(detail?["clusterName"]),
            WorkflowJson.Text(detail?["target"]) ?? plan?.Target,
            source,
            WorkflowJson.Text(detail?["canary"]) ?? plan?.Canary?.NodeGroupName,
            [.. changes.Select(c => Group(c, plan))],
            plan,
            failure)
        {
            NotifiedEvent = notified,
            RolledBack = rolledBack,
            RollbackCommands = rolledBack == true ? [] : WorkflowJson.Strings(detail?["rollbackCommands"]),
            NodeGroupsUnchanged = !dryRun && !result.Succeeded && notified == NotificationEvents.Failed && changes.Count == 0,
            Warnings = PlanText.Warnings(
                WorkflowJson.Strings(detail?["warnings"]) is { Count: > 0 } warned ? warned : plan?.Warnings ?? [],
                [.. changes.Select(c => c.Previous.NodeGroupName), .. plan is null ? [] : (plan.Canary is { } canary ? [canary, .. plan.Remaining] : plan.Remaining).Select(g => g.NodeGroupName)]),
        };
    }

    /// <summary>The old image: the plan's for that group; else the saved amiId; else the saved template version (its image unknown here).</summary>
    private static RolloutGroup Group(NodeGroupChange change, NodeGroupUpdatePlan? plan)
    {
        var planned = plan is null ? null : (plan.Canary is { } canary ? [canary, .. plan.Remaining] : plan.Remaining).FirstOrDefault(g => g.NodeGroupId == change.NodeGroupId);
        var previous = change.Previous;
        var old = planned?.CurrentImageId ?? previous.AmiId ?? $"launch template {previous.LaunchTemplateId} version {previous.LaunchTemplateVersion}";
        return new RolloutGroup(previous.NodeGroupId, previous.NodeGroupName, old, change.ExpectedImageId, previous);
    }
}

using PcsAutomation.Domain.NodeGroupUpdate;

namespace PcsAutomation.Functions.NodeGroupUpdate;

// What the roll-out's state machine passes to and from its own steps (camelCase JSON, NodeGroupUpdateJsonContext).
// Inputs are nullable so a missing field becomes InvalidWorkflowInput naming it. What was changed lives in the lease.

/// <summary>
/// <c>PlanNodeGroupUpdate</c> input, the roll-out's input as the operator gives it: <paramref name="Target"/> is one of
/// <c>{channel [, owner]}</c>, <c>{amiId}</c>, <c>{launchTemplateVersion}</c> (a version number, as a string).
/// </summary>
public sealed record PlanNodeGroupUpdateInput(
    string? ClusterId, UpdateTargetText? Target, IReadOnlyList<string?>? NodeGroups, string? Canary, int? BatchSize, string? Replacement, bool? DryRun);

/// <summary><c>UpdateNodeGroup</c> input: one group's entry of the plan (the canary, or one of <c>remaining</c> in the Map).</summary>
public sealed record UpdateNodeGroupInput(string? ClusterId, string? ExecutionArn, PlannedGroupUpdate? Group);

/// <summary>
/// <c>UpdateNodeGroup</c> output: the change as the lease records it (<paramref name="Change"/> holds the settings to roll
/// back to) and the launch template version the group is bound to now (new for a template-driven group).
/// </summary>
public sealed record UpdateNodeGroupResult(string NodeGroupId, NodeGroupChange Change, string? AmiId, string LaunchTemplateVersion);

/// <summary>
/// <c>CheckNodeGroupUpdated</c> input: <paramref name="Replacement"/> <c>verified</c> (default) or <c>marked</c>;
/// <paramref name="MaxWaitSeconds"/> bounds the verification from the change (default 7200).
/// </summary>
public sealed record CheckNodeGroupUpdatedInput(string? ClusterId, string? ExecutionArn, string? NodeGroupId, string? Replacement, int? Attempt, int? MaxWaitSeconds);

/// <summary>
/// <c>CheckNodeGroupUpdated</c> output: <paramref name="Done"/> once ACTIVE and (verified mode) every running instance on
/// the new image; <paramref name="Replacement"/> is <c>verified</c>, <c>waiting</c>, <c>marked</c> (not checked) or
/// <c>updating</c>. Failures are errors (<c>NodeGroupUpdateFailed</c>, <c>NodeGroupUnhealthy</c>, <c>ReplacementNotVerified</c>).
/// </summary>
public sealed record CheckNodeGroupUpdatedResult(
    bool Done, string Status, string Replacement, IReadOnlyList<string> OnOldImage, IReadOnlyList<string> OnNewImage, DateTimeOffset Deadline, int Attempt, int WaitSeconds);

/// <summary>
/// <c>RollbackNodeGroups</c> output: <paramref name="RolledBack"/> once every changed group is back at its saved settings
/// and ACTIVE (the ASL calls again, waiting <paramref name="WaitSeconds"/>, until then); the saved changes, for the report.
/// </summary>
public sealed record RollbackNodeGroupsResult(
    bool RolledBack, IReadOnlyList<string> Updated, IReadOnlyList<string> Pending, IReadOnlyList<string> Missing, IReadOnlyList<NodeGroupChange> Changes, int Attempt, int WaitSeconds);

/// <summary><c>RollbackNodeGroups</c> input: what to roll back is the lease's record; <paramref name="Attempt"/> counts passes so far.</summary>
public sealed record RollbackNodeGroupsInput(string? ClusterId, string? ExecutionArn, int? Attempt);

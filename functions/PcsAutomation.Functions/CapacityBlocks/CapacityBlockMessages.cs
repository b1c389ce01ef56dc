using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Functions.CapacityBlocks;

// What the expiry's state machine passes to and from its steps (camelCase JSON, CapacityBlockJsonContext). Inputs are
// nullable so a missing field becomes InvalidWorkflowInput naming it, not a serializer error. Outputs write their nulls,
// so every path the state machine reads exists.

/// <summary>
/// <c>PlanCapacityBlockExpiry</c> input: the execution's input (<c>reservationId</c>, <c>endDate</c>, <c>mode</c>,
/// <c>trigger</c>, <c>dryRun</c>), plus <paramref name="NodeGroupIds"/> (the first plan's groups: a re-read at action
/// time) and <paramref name="ClusterId"/> (one cluster's work, under its lease).
/// </summary>
public sealed record PlanCapacityBlockExpiryInput(
    string? ReservationId, string? EndDate, string? Mode, string? Trigger, bool? DryRun, IReadOnlyList<string>? NodeGroupIds = null, string? ClusterId = null);

/// <summary>
/// A cluster the workflow acts on: the Map's item (the shared lease and notify fragments read <c>plan.clusterId</c>);
/// <paramref name="NodeGroupNames"/>: the names of its node groups the block backs (an expiry's; empty for a restore),
/// whose Slurm nodes the job protection holds.
/// </summary>
public sealed record ClusterTarget(string ClusterId, string ClusterName, IReadOnlyList<string>? NodeGroupNames = null);

/// <summary>A cluster using the block that the workflow leaves alone, and why (not managed, an invalid tag).</summary>
public sealed record ClusterSkip(string ClusterId, string ClusterName, string Reason);

/// <summary>
/// <c>PlanCapacityBlockExpiry</c> output. <paramref name="Outcome"/>: <c>act</c>, <c>superseded</c> (a paid
/// extension moved the end: <paramref name="NewExecutionName"/> handles it), <c>nothing-due</c>, or <c>restore</c>.
/// <paramref name="WaitUntil"/> is the action start (<c>yyyy-MM-ddTHH:mm:ssZ</c>, for the Wait state);
/// <paramref name="Clusters"/> the managed clusters to act on; <paramref name="Expiry"/> / <paramref name="Restore"/>
/// the domain's whole plan (the dry run's answer); <paramref name="Cluster"/> one cluster's work when asked for.
/// </summary>
public sealed record CapacityBlockExpiryPlan(
    string ReservationId,
    string EndDate,
    string Mode,
    string Trigger,
    bool DryRun,
    string Outcome,
    string Reason,
    string? NewEndDate,
    string? NewExecutionName,
    ExpiryTiming? Timing,
    string? WaitUntil,
    IReadOnlyList<string> NodeGroupIds,
    IReadOnlyList<ClusterTarget> Clusters,
    IReadOnlyList<ClusterSkip> Skipped,
    IReadOnlyList<CapacityFinding> Findings,
    IReadOnlyList<CapacityFinding> Notes,
    ExpiryPlan? Expiry,
    ParkedRestorePlan? Restore,
    ClusterWork? Cluster);

/// <summary>
/// One cluster's work under its lease, from a plan made there: the expiry's group actions (<paramref name="Groups"/>),
/// the records of the groups to park, or the restore's groups; the queue edits (one UpdateQueue each, one at a time);
/// the groups whose template (expire) or template and scaling (restore) change, and those to scale to 0. The booleans
/// steer the state machine; <paramref name="Facts"/> is the Starting notification's.
/// </summary>
public sealed record ClusterWork(
    string ClusterId,
    string ClusterName,
    string Mode,
    IReadOnlyList<GroupExpiryAction> Groups,
    IReadOnlyList<GroupRestore> Restores,
    IReadOnlyList<QueueEdit> QueueEdits,
    IReadOnlyList<ParkedNodeGroup> Parked,
    IReadOnlyList<string> SwitchNodeGroupIds,
    IReadOnlyList<string> ParkNodeGroupIds,
    bool HasSwitches,
    bool HasQueueEdits,
    bool HasParks,
    CapacityBlockNotificationFacts Facts);

/// <summary><c>ExpiryLeaseWait</c> input: the lease was held (LeaseHeld); <paramref name="Timing"/> is the plan's (expire mode).</summary>
public sealed record ExpiryLeaseWaitInput(string? ClusterId, string? ReservationId, string? Mode, ExpiryTiming? Timing, int? Attempt);

/// <summary><c>ExpiryLeaseWait</c> output: wait <paramref name="WaitSeconds"/>, then ask for the lease again.</summary>
public sealed record ExpiryLeaseWaitResult(int WaitSeconds, string Reason, int Attempt);

/// <summary><c>SwitchLaunchTemplates</c> input: the cluster work's group actions (those with a launch template switch left are switched).</summary>
public sealed record SwitchLaunchTemplatesInput(string? ClusterId, string? ExecutionArn, IReadOnlyList<GroupExpiryAction>? Groups);

/// <summary>A group moved to another block: the new launch template version it now names.</summary>
public sealed record SwitchedNodeGroup(string NodeGroupId, string NodeGroupName, string LaunchTemplateId, string LaunchTemplateVersion, string ReservationId);

/// <summary><c>SwitchLaunchTemplates</c> output.</summary>
public sealed record SwitchLaunchTemplatesResult(IReadOnlyList<SwitchedNodeGroup> Switched);

/// <summary><c>UpdateExpiryQueue</c> input: one queue edit of the cluster work.</summary>
public sealed record UpdateExpiryQueueInput(string? ClusterId, string? ExecutionArn, QueueEdit? Edit);

/// <summary><c>UpdateExpiryQueue</c> output: the list written (or found already there, <paramref name="Updated"/> false).</summary>
public sealed record UpdateExpiryQueueResult(string QueueId, bool Updated, IReadOnlyList<string> NodeGroupIds);

/// <summary><c>ParkNodeGroups</c> input: the records to save (first save wins), then the groups to scale to 0/0.</summary>
public sealed record ParkNodeGroupsInput(string? ClusterId, string? ExecutionArn, IReadOnlyList<ParkedNodeGroup>? Parked, IReadOnlyList<string>? NodeGroupIds);

/// <summary><c>ParkNodeGroups</c> output: the records in effect (saved now or earlier) and the groups set to 0/0 now.</summary>
public sealed record ParkNodeGroupsResult(IReadOnlyList<string> Saved, IReadOnlyList<string> Updated);

/// <summary><c>RestoreParkedNodeGroups</c> input: the cluster work's restores.</summary>
public sealed record RestoreParkedNodeGroupsInput(string? ClusterId, string? ExecutionArn, IReadOnlyList<GroupRestore>? Restores);

/// <summary><c>RestoreParkedNodeGroups</c> output: the groups updated (template version and saved scaling).</summary>
public sealed record RestoreParkedNodeGroupsResult(IReadOnlyList<string> Updated);

/// <summary>What <c>CheckCapacityBlockExpiry</c> waits for.</summary>
public static class ExpiryChecks
{
    /// <summary>Every group ACTIVE (after a launch template switch or a restore).</summary>
    public const string NodeGroupsActive = "node-groups-active";

    /// <summary>Every group ACTIVE at 0/0 with no instance up (after a park).</summary>
    public const string NodeGroupsDrained = "node-groups-drained";

    /// <summary>The queue ACTIVE (after an UpdateQueue).</summary>
    public const string QueueActive = "queue-active";
}

/// <summary>The groups or the queue a check is about.</summary>
public sealed record ExpiryCheckTarget(IReadOnlyList<string>? NodeGroupIds, string? QueueId);

/// <summary><c>CheckCapacityBlockExpiry</c> input; <paramref name="Attempt"/> counts polls so far.</summary>
public sealed record CheckCapacityBlockExpiryInput(string? ClusterId, string? Check, ExpiryCheckTarget? Target, int? Attempt);

/// <summary><c>CheckCapacityBlockExpiry</c> output: <paramref name="Pending"/> names what is not there yet.</summary>
public sealed record CheckCapacityBlockExpiryResult(bool Done, IReadOnlyList<string> Pending, int Attempt, int WaitSeconds);

/// <summary>
/// <c>ReportCapacityBlockExpiry</c> input: what the cluster's iteration knows; <paramref name="Failure"/> the step
/// that failed (null when none), <paramref name="Cluster"/> the work planned under the lease (null when that failed).
/// </summary>
public sealed record ReportCapacityBlockExpiryInput(
    string? ReservationId, string? EndDate, string? Mode, string? ClusterId, IReadOnlyList<string>? NodeGroupIds, WorkflowFailure? Failure, ClusterWork? Cluster,
    ExpiryJobs? Jobs = null);

/// <summary>
/// What the cluster's iteration knows of the jobs on the block's nodes: the job protection's lines, the wait's last look
/// (<c>READY</c>, <c>TIMED_OUT</c>: the expiry went on with <paramref name="RunningJobs"/> still running, <c>FAILED</c>,
/// <c>NO_WAIT</c>) and what the cleanup could not undo.
/// </summary>
public sealed record ExpiryJobs(
    IReadOnlyList<string>? Lines, string? WaitOutcome, string? WaitReason, IReadOnlyList<string>? RunningJobs, IReadOnlyList<string>? CleanupProblems);

/// <summary>
/// <c>ReportCapacityBlockExpiry</c> output: the notification event (Succeeded or NeedsOperator), the cluster's outcome
/// for the execution's summary (<c>succeeded</c>, <c>needs-operator</c>) and the facts the notification shows.
/// </summary>
public sealed record ReportCapacityBlockExpiryResult(string Event, string Outcome, bool Complete, CapacityBlockNotificationFacts Facts);

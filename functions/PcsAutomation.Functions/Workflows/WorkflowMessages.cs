using System.Text.Json;
using System.Text.Json.Nodes;

namespace PcsAutomation.Functions.Workflows;

// What every workflow's state machine passes to and from the shared steps (camelCase JSON, WorkflowJsonContext).
// Inputs are nullable so a missing field becomes InvalidWorkflowInput naming it, not a serializer error. The state
// machine carries ids only: the saved scaling lives in the lease, the one place every step reads it from.

/// <summary><c>AcquireClusterLease</c> input: <paramref name="Workflow"/> is the taking workflow's name, recorded in the lease.</summary>
public sealed record AcquireClusterLeaseInput(string? ClusterId, string? ExecutionArn, string? Workflow);

/// <summary>
/// <c>AcquireClusterLease</c> output: the lease is this execution's until <paramref name="ExpiresAt"/>;
/// <paramref name="InheritedScaling"/> is true when it took over saved scaling an earlier run never restored.
/// </summary>
public sealed record AcquireClusterLeaseResult(bool Acquired, DateTimeOffset ExpiresAt, string? TakenOverFrom, bool InheritedScaling);

/// <summary><c>ScaleNodeGroupsToZero</c> input.</summary>
public sealed record ScaleNodeGroupsToZeroInput(string? ClusterId, string? ExecutionArn);

/// <summary><c>ScaleNodeGroupsToZero</c> output: how many groups the lease saved, and the groups this call set to 0/0.</summary>
public sealed record ScaleNodeGroupsToZeroResult(int SavedNodeGroups, IReadOnlyList<string> Updated);

/// <summary><c>CheckClusterDrained</c> input; <paramref name="Attempt"/> counts polls so far (absent = 0).</summary>
public sealed record CheckClusterDrainedInput(string? ClusterId, int? Attempt);

/// <summary><c>CheckClusterDrained</c> output: <paramref name="WaitSeconds"/> is how long to wait before the next poll.</summary>
public sealed record CheckClusterDrainedResult(
    bool Drained, IReadOnlyList<string> NodeGroupsNotActive, IReadOnlyList<string> InstancesStillUp, int Attempt, int WaitSeconds);

/// <summary><c>RestoreNodeGroups</c> input: the scaling to restore is the lease's (this execution's, or inherited).</summary>
public sealed record RestoreNodeGroupsInput(string? ClusterId, string? ExecutionArn);

/// <summary><c>RestoreNodeGroups</c> output: groups updated now, and groups to retry later (PCS is changing them).</summary>
public sealed record RestoreNodeGroupsResult(IReadOnlyList<string> Updated, IReadOnlyList<string> Pending);

/// <summary><c>CheckNodeGroupsRestored</c> input.</summary>
public sealed record CheckNodeGroupsRestoredInput(string? ClusterId, string? ExecutionArn, int? Attempt);

/// <summary><c>CheckNodeGroupsRestored</c> output; once <paramref name="Restored"/>, the lease records the verified restore.</summary>
public sealed record CheckNodeGroupsRestoredResult(
    bool Restored, IReadOnlyList<string> NodeGroupsPending, IReadOnlyList<string> NodeGroupsMissing, int Attempt, int WaitSeconds);

/// <summary><c>ReleaseClusterLease</c> input.</summary>
public sealed record ReleaseClusterLeaseInput(string? ClusterId, string? ExecutionArn);

/// <summary>
/// <c>ReleaseClusterLease</c> output: <paramref name="Released"/> is false only when another execution holds the lease;
/// <paramref name="SavedScalingKept"/> when the restore was never verified and the next workflow inherits the scaling.
/// </summary>
public sealed record ReleaseClusterLeaseResult(bool Released, bool SavedScalingKept);

/// <summary>
/// <c>PrepareNotification</c> input: <paramref name="Event"/> is one of <c>NotificationEvents</c>; <paramref name="Facts"/>
/// what the state machine knows for that event (workflow-specific, e.g. <c>RotationNotificationFacts</c>).
/// </summary>
public sealed record PrepareNotificationInput(string? Workflow, string? Event, string? ClusterId, string? ClusterName, string? ExecutionArn, JsonElement? Facts);

/// <summary><c>PrepareNotification</c> output: the SNS subject and message, and the custom event's detail-type and detail.</summary>
public sealed record PrepareNotificationResult(string Subject, string Message, string DetailType, JsonObject Detail);

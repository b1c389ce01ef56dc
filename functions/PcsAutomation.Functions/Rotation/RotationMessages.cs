using PcsAutomation.Domain.Rotation;

namespace PcsAutomation.Functions.Rotation;

// What the rotation state machine passes between its Lambda states (camelCase JSON, RotationJsonContext).
// Inputs are nullable so a missing field becomes InvalidRotationInput naming it, not a serializer error.

/// <summary><c>PlanRotation</c> input: <paramref name="ClusterId"/> may be the cluster's name or id.</summary>
public sealed record PlanRotationInput(string? ClusterId, bool? DryRun, string? ExecutionArn);

/// <summary><c>AcquireClusterLease</c> input; <paramref name="Plan"/> gives the secret ARN recorded in the lease.</summary>
public sealed record AcquireClusterLeaseInput(string? ClusterId, string? ExecutionArn, RotationPlan? Plan);

/// <summary><c>AcquireClusterLease</c> output: the lease is this execution's until <paramref name="ExpiresAt"/>.</summary>
public sealed record AcquireClusterLeaseResult(bool Acquired, DateTimeOffset ExpiresAt);

/// <summary><c>ScaleNodeGroupsToZero</c> input.</summary>
public sealed record ScaleNodeGroupsToZeroInput(string? ClusterId, string? ExecutionArn, RotationPlan? Plan);

/// <summary><c>ScaleNodeGroupsToZero</c> output: the scaling to restore, and the groups this call updated.</summary>
public sealed record ScaleNodeGroupsToZeroResult(IReadOnlyList<NodeGroupScaling> SavedScaling, IReadOnlyList<string> Updated);

/// <summary><c>CheckClusterDrained</c> input; <paramref name="Attempt"/> counts polls so far (absent = 0).</summary>
public sealed record CheckClusterDrainedInput(string? ClusterId, int? Attempt);

/// <summary><c>CheckClusterDrained</c> output: <paramref name="WaitSeconds"/> is how long to wait before the next poll.</summary>
public sealed record CheckClusterDrainedResult(
    bool Drained, IReadOnlyList<string> NodeGroupsNotActive, IReadOnlyList<string> InstancesStillUp, int Attempt, int WaitSeconds);

/// <summary><c>RestoreNodeGroups</c> input; without <paramref name="SavedScaling"/> the lease's saved scaling is used.</summary>
public sealed record RestoreNodeGroupsInput(string? ClusterId, string? ExecutionArn, IReadOnlyList<NodeGroupScaling>? SavedScaling);

/// <summary>
/// <c>RestoreNodeGroups</c> output: groups updated now, groups to retry later (PCS is changing them), and the
/// scaling restored, so <c>CheckNodeGroupsRestored</c> checks the same values even when they came from the lease.
/// </summary>
public sealed record RestoreNodeGroupsResult(IReadOnlyList<string> Updated, IReadOnlyList<string> Pending, IReadOnlyList<NodeGroupScaling> SavedScaling);

/// <summary><c>CheckNodeGroupsRestored</c> input.</summary>
public sealed record CheckNodeGroupsRestoredInput(string? ClusterId, IReadOnlyList<NodeGroupScaling>? SavedScaling, int? Attempt);

/// <summary><c>CheckNodeGroupsRestored</c> output.</summary>
public sealed record CheckNodeGroupsRestoredResult(bool Restored, IReadOnlyList<string> NodeGroupsPending, int Attempt, int WaitSeconds);

/// <summary><c>ReleaseClusterLease</c> input.</summary>
public sealed record ReleaseClusterLeaseInput(string? ClusterId, string? ExecutionArn);

/// <summary><c>ReleaseClusterLease</c> output: false only when another execution holds the lease (it is left alone).</summary>
public sealed record ReleaseClusterLeaseResult(bool Released);

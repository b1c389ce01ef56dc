using System.Text.Json.Serialization;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.JobProtection;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.JobProtection;

/// <summary>PlanJobProtection's input. <paramref name="Apply"/>: create the reservation or drain the nodes (under the lease, at the window's start); else read-only (the plan, the dry run).</summary>
/// <param name="ExpectedDowntimeSeconds">The rotation plan's expected duration: the reservation covers the wait, then that, then a margin.</param>
/// <param name="WindowOpensAt">
/// The advance notice of a scheduled rotation: the window's opening. Then only <c>reserve</c> acts, creating the
/// reservation the rotation of that window uses (<see cref="Domain.JobProtection.JobProtectionNames.RotationReservation"/>)
/// from now on, so no job starts that would still run when the window opens; a drain waits for the window.
/// </param>
/// <param name="Workflow">The workflow that protects jobs: <c>cluster-secret-rotation</c> (the default) or <c>capacity-block-expiry</c>.</param>
/// <param name="CapacityBlock">A Capacity Block expiry's block, its timing and the groups it backs in the cluster (<see cref="Workflow"/> <c>capacity-block-expiry</c> only).</param>
/// <param name="DryRun">True: read-only whatever <paramref name="Apply"/> says (a state machine that has its dry run flag, not its negation).</param>
public sealed record PlanJobProtectionInput(
    string? ClusterId, string? ExecutionArn, bool? Apply, long? ExpectedDowntimeSeconds, DateTimeOffset? WindowOpensAt = null, string? Workflow = null,
    CapacityBlockJobScope? CapacityBlock = null, bool? DryRun = null);

/// <summary>
/// What a Capacity Block expiry holds in one cluster (<see cref="JobProtectionWindow.ForCapacityBlock"/>): the block and its
/// end date as the execution's input names them (the reservation is named after both,
/// <see cref="JobProtectionNames.CapacityBlockReservation"/>), the plan's timing, and the names of the cluster's node
/// groups the block backs: only their nodes are reserved, drained and waited for.
/// </summary>
/// <param name="AtActionTime">False at the block's discovery (only <c>reserve</c> acts: its reservation, from then on); true at the action time (a drain too, then the wait).</param>
public sealed record CapacityBlockJobScope(string? ReservationId, string? EndDate, ExpiryTiming? Timing, IReadOnlyList<string>? NodeGroups, bool? AtActionTime);

/// <summary>
/// The job protection step's record in the execution's state (<c>$.jobs</c>): what the planner said (<see cref="Plan"/>,
/// its <see cref="JobProtectionPlan.Lines"/> for people) and what later steps need (action, window, timeout).
/// </summary>
/// <param name="Applied">True once the reservation was created (or found) or the nodes drained.</param>
/// <param name="DrainedNodes">The nodes this step drained (nodes already drained by someone else are left as they are).</param>
/// <param name="NodeGroups">The node groups whose nodes are held (names); empty: every node of the cluster.</param>
public sealed record JobProtectionStep(
    string ClusterId,
    string Workflow,
    string Action,
    string EffectivePolicy,
    string? FallbackReason,
    string? ReservationName,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    long TimeoutSeconds,
    string OnTimeout,
    bool Applied,
    IReadOnlyList<string> DrainedNodes,
    IReadOnlyList<string> Lines,
    JobProtectionPlan Plan,
    IReadOnlyList<string> NodeGroups);

/// <summary>
/// WaitForRunningJobs' input: the step's record fields and the poll count; for a Capacity Block expiry (<paramref name="Workflow"/>),
/// <paramref name="CapacityBlock"/>'s timing caps the wait at the latest start and only its groups' nodes are looked at.
/// </summary>
public sealed record WaitForRunningJobsInput(
    string? ClusterId, string? ExecutionArn, string? Action, DateTimeOffset? WindowStart, DateTimeOffset? WindowEnd, long? TimeoutSeconds, string? OnTimeout, int? Attempt,
    string? Workflow = null, CapacityBlockJobScope? CapacityBlock = null);

/// <summary>One look at the jobs: <c>READY</c>, <c>WAIT</c> (look again after <see cref="WaitSeconds"/>), <c>TIMED_OUT</c> (<see cref="OnTimeout"/> says what follows) or <c>NO_WAIT</c> (requeue).</summary>
public sealed record WaitForRunningJobsResult(string Outcome, string Reason, IReadOnlyList<string> RunningJobs, string? OnTimeout, int Attempt, int WaitSeconds);

/// <summary>
/// ReleaseJobProtection's input. A Capacity Block expiry (<paramref name="Workflow"/>) names its block
/// (<paramref name="CapacityBlock"/>: the reservation's name) and passes what its discovery did in every cluster
/// (<paramref name="Discovered"/>): a reservation made then is removed even when the action time did nothing. A restore
/// names the expiry executions that parked its groups (<paramref name="DrainedBy"/>): their drains are resumed too.
/// </summary>
public sealed record ReleaseJobProtectionInput(
    string? ClusterId, string? ExecutionArn, string? Action, string? Workflow = null, CapacityBlockJobScope? CapacityBlock = null,
    IReadOnlyList<JobProtectionRecord>? Discovered = null, IReadOnlyList<string>? DrainedBy = null);

/// <summary>What an earlier job protection step did in a cluster (the fields of its <see cref="JobProtectionStep"/> a cleanup needs).</summary>
public sealed record JobProtectionRecord(string? ClusterId, string? Action, bool? Applied);

/// <summary>What the cleanup did; <see cref="Problems"/> says what is left for an operator (it never fails the restore).</summary>
public sealed record ReleaseJobProtectionResult(bool ReservationRemoved, IReadOnlyList<string> ResumedNodes, IReadOnlyList<string> Problems);

/// <summary>Source-generated camelCase JSON for the job protection steps' inputs and outputs (Native AOT: no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(PlanJobProtectionInput))]
[JsonSerializable(typeof(JobProtectionStep))]
[JsonSerializable(typeof(WaitForRunningJobsInput))]
[JsonSerializable(typeof(WaitForRunningJobsResult))]
[JsonSerializable(typeof(ReleaseJobProtectionInput))]
[JsonSerializable(typeof(ReleaseJobProtectionResult))]
internal sealed partial class JobProtectionJsonContext : JsonSerializerContext
{
    private static JobProtectionJsonContext? strict;

    /// <summary>The instance to use: <see cref="LambdaJson.StrictOptions"/> (no default encoder at start-up; the same bytes).</summary>
    public static JobProtectionJsonContext Strict => strict ??= new(LambdaJson.StrictOptions(Default.GeneratedSerializerOptions));
}

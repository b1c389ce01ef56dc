using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Domain.JobProtection;

/// <summary>What a plan needs to say what will happen to a cluster's jobs.</summary>
/// <param name="ExecutionName">The execution that acts (the drain reason and, by default, the reservation are named after it).</param>
/// <param name="Policy">The policy after <see cref="SlurmRestUsability.Decide"/>.</param>
/// <param name="RunningJobs">The jobs running now on the nodes concerned; empty when REST is unusable (nothing could be read).</param>
/// <param name="NodeGroups">The node groups whose nodes are held (names); null or empty: every node of the cluster.</param>
/// <param name="ReservationName">Overrides the reservation's name (a scheduled rotation's is <see cref="JobProtectionNames.RotationReservation"/>, created by its notice).</param>
public sealed record JobProtectionInput(
    WorkflowKind Workflow,
    string ExecutionName,
    JobPolicySettings Settings,
    EffectiveJobPolicy Policy,
    JobProtectionWindow Window,
    IReadOnlyList<RunningJob> RunningJobs,
    DateTimeOffset Now,
    IReadOnlyList<string>? NodeGroups = null,
    string? ReservationName = null);

/// <summary>
/// The job protection part of a workflow's plan. Plain data (handlers serialize it camelCase with source generation):
/// policies and actions as their tag values, durations in seconds, job ids as Slurm gives them.
/// </summary>
/// <param name="Action">What is done to the nodes: <c>reserve</c> (a reservation), <c>drain</c>, or <c>requeue</c> (nothing before the scale-down).</param>
/// <param name="JobsEnded">The ids of the jobs running now that the plan would end (they go back to their queues): see <see cref="JobImpact.Ended"/>.</param>
/// <param name="Lines">The plan's sentences, in order, for the dry run and the notifications.</param>
public sealed record JobProtectionPlan(
    string Workflow,
    string RequestedPolicy,
    bool PolicyTagged,
    string EffectivePolicy,
    string? FallbackReason,
    string Action,
    long TimeoutSeconds,
    string OnTimeout,
    MaintenanceReservation? Reservation,
    string? DrainReason,
    DateTimeOffset WindowStart,
    DateTimeOffset WaitDeadline,
    int RunningJobs,
    int StillRunningAtWindowStart,
    int EndDuringWait,
    IReadOnlyList<string> JobsEnded,
    IReadOnlyList<JobPolicyTagProblem> Problems,
    IReadOnlyList<string> Lines);

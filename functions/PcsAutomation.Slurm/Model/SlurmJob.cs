namespace PcsAutomation.Slurm.Model;

/// <summary>
/// A job as slurmrestd reports it (<c>v0.0.43_job_info</c>): its states (the base state first, then flags such as
/// COMPLETING), partition, nodes, and the times a workflow plans with. A time that is unset, zero or infinite is null.
/// </summary>
public sealed record SlurmJob
{
    public required int JobId { get; init; }

    public required string Name { get; init; }

    public required string UserName { get; init; }

    /// <summary><c>job_state</c>: e.g. ["RUNNING"], ["PENDING"], ["RUNNING", "COMPLETING"].</summary>
    public required IReadOnlyList<string> States { get; init; }

    /// <summary>Why a job is pending (e.g. "Resources", "ReqNodeNotAvail, Reserved for maintenance").</summary>
    public string? StateReason { get; init; }

    public required string Partition { get; init; }

    /// <summary>The allocated nodes as a hostlist expression ("compute-1-[1-2]"); null while pending.</summary>
    public string? Nodes { get; init; }

    public DateTimeOffset? SubmitTime { get; init; }

    /// <summary>When it started, or for a pending job when Slurm expects it to start.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>When it ended, or is expected to end (start plus time limit); null for no limit.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>The time limit; null for none (UNLIMITED) or unset.</summary>
    public TimeSpan? TimeLimit { get; init; }

    public bool IsRunning => States.Contains(SlurmStates.Running);

    public bool IsPending => States.Contains(SlurmStates.Pending);

    /// <summary>Running, pending, suspended or completing: the jobs that hold or wait for nodes.</summary>
    public bool IsActive => States.Any(s => s is SlurmStates.Running or SlurmStates.Pending or SlurmStates.Suspended or SlurmStates.Completing or SlurmStates.Configuring);
}

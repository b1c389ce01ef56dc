namespace PcsAutomation.Slurm.Model;

/// <summary>A node as slurmrestd reports it (<c>v0.0.43_node</c>): its state flags and the reason a drain carries.</summary>
public sealed record SlurmNode
{
    public required string Name { get; init; }

    /// <summary><c>state</c>: the base state then flags, e.g. ["IDLE", "CLOUD"], ["MIXED", "DRAIN"], ["IDLE", "DRAIN"].</summary>
    public required IReadOnlyList<string> States { get; init; }

    /// <summary>Why it is drained or down (a drain by a workflow names it: <see cref="SlurmDrainReason"/>).</summary>
    public string? Reason { get; init; }

    public string? ReasonSetByUser { get; init; }

    public DateTimeOffset? ReasonChangedAt { get; init; }

    public IReadOnlyList<string> Partitions { get; init; } = [];

    /// <summary>The reservation it is in, if any.</summary>
    public string? Reservation { get; init; }

    /// <summary>Marked DRAIN (draining while jobs run, drained once idle).</summary>
    public bool IsDrain => States.Contains(SlurmStates.Drain);

    /// <summary>Running jobs: ALLOCATED, MIXED or COMPLETING.</summary>
    public bool IsBusy => States.Any(s => s is SlurmStates.Allocated or SlurmStates.Mixed or SlurmStates.Completing);

    /// <summary>DRAIN and no job left on it (scontrol's "DRAINED").</summary>
    public bool IsDrained => IsDrain && !IsBusy;

    /// <summary>DRAIN with jobs still running (scontrol's "DRAINING").</summary>
    public bool IsDraining => IsDrain && IsBusy;
}

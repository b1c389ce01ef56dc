namespace PcsAutomation.Slurm.Model;

/// <summary>A reservation as slurmrestd reports it (<c>v0.0.43_reservation_info</c>).</summary>
public sealed record SlurmReservation
{
    public required string Name { get; init; }

    /// <summary>The reserved nodes as a hostlist expression ("compute-[1-4]").</summary>
    public string? NodeList { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    /// <summary>The end; null when infinite or unset.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>e.g. ["MAINT", "IGNORE_JOBS", "SPEC_NODES"].</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>The permitted users, comma-separated as reported.</summary>
    public string? Users { get; init; }

    public string? Partition { get; init; }

    public bool IsMaintenance => Flags.Contains(SlurmStates.Maint);
}

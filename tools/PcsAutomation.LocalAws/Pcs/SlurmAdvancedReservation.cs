namespace PcsAutomation.LocalAws.Pcs;

/// <summary>
/// A Slurm advanced reservation (https://slurm.schedmd.com/reservations.html; v0.0.43 <c>reservation_info</c>): nodes
/// held from <see cref="Start"/> to <see cref="End"/> for its users. Jobs not asking for it do not start on its nodes
/// if they would overlap it, their start plus time limit included (slurmctld <c>src/slurmctld/reservation.c</c>, branch
/// slurm-25.05); jobs already running are left alone. <c>MAINT</c> marks maintenance and may overlap other reservations,
/// <c>IGNORE_JOBS</c> lets it be created over running jobs that would still run at its start (else
/// <c>ESLURM_NODES_BUSY</c>, <c>_job_overlap</c>).
/// </summary>
public sealed class SlurmAdvancedReservation
{
    public const string Maint = "MAINT";
    public const string IgnoreJobs = "IGNORE_JOBS";
    public const string Overlap = "OVERLAP";

    public required string Name { get; init; }
    public required DateTimeOffset Start { get; set; }
    public required DateTimeOffset End { get; set; }

    /// <summary>The node names held, resolved when the reservation was made (<c>ALL</c> and partitions included).</summary>
    public required IReadOnlyList<string> Nodes { get; set; }

    /// <summary>Flags as given (v0.0.43 <c>reservation_info.flags</c> enum), <c>NO_</c> flags removed.</summary>
    public SortedSet<string> Flags { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Users { get; set; } = [];
    public IReadOnlyList<string> Accounts { get; set; } = [];
    public string? Partition { get; set; }
    public string? Comment { get; set; }

    public bool Covers(string node) => Nodes.Contains(node, StringComparer.Ordinal);

    /// <summary>Whether something running from <paramref name="from"/> to <paramref name="to"/> overlaps it.</summary>
    public bool Overlaps(DateTimeOffset from, DateTimeOffset to) => from < End && to > Start;

    public bool IsActiveAt(DateTimeOffset now) => Start <= now && now < End;
}

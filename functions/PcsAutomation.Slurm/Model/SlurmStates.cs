namespace PcsAutomation.Slurm.Model;

/// <summary>
/// The enum values the client reads or writes, as the v0.0.43 description spells them (<c>job_state</c>, node
/// <c>state</c>, reservation <c>flags</c>).
/// </summary>
public static class SlurmStates
{
    public const string Pending = "PENDING";
    public const string Running = "RUNNING";
    public const string Suspended = "SUSPENDED";
    public const string Completing = "COMPLETING";
    public const string Configuring = "CONFIGURING";

    public const string Idle = "IDLE";
    public const string Allocated = "ALLOCATED";
    public const string Mixed = "MIXED";
    public const string Drain = "DRAIN";
    public const string Resume = "RESUME";

    /// <summary>A maintenance reservation (https://slurm.schedmd.com/reservations.html).</summary>
    public const string Maint = "MAINT";

    /// <summary>Reserve nodes even where running jobs would overlap the start (they keep running; none starts that would overlap).</summary>
    public const string IgnoreJobs = "IGNORE_JOBS";
}

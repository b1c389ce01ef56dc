namespace PcsAutomation.LocalAws.Pcs;

/// <summary>
/// A Slurm node as slurmctld reports it (v0.0.43 <c>node</c>, https://slurm.schedmd.com/rest_api.html): its name
/// (<c>&lt;group&gt;-&lt;n&gt;</c>, guide L997), the partitions (queues) holding its group, its state (a base state and flags:
/// <c>IDLE</c>/<c>ALLOCATED</c>, <c>DRAIN</c>, <c>CLOUD</c>, <c>POWERED_DOWN</c>...), the drain reason, the reservation
/// holding it now, and the instance behind it (none while powered down, guide L997: <c>idle~</c>).
/// </summary>
public sealed record SlurmNodeInfo(
    string Name, string NodeGroup, IReadOnlyList<string> Partitions, IReadOnlyList<string> State,
    string? Reason, DateTimeOffset? ReasonChangedAt, string? ReasonSetByUser, string? Reservation,
    string? InstanceId, string InstanceType, string? Address, long? JobId)
{
    public bool IsDrained => State.Contains("DRAIN");

    /// <summary>Running a job (or kept busy by the scenario): Slurm's ALLOCATED.</summary>
    public bool IsAllocated => State.Contains("ALLOCATED");
}

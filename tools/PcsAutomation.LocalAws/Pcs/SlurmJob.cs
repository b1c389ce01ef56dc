namespace PcsAutomation.LocalAws.Pcs;

/// <summary>
/// A Slurm job in a PCS queue (a Slurm partition, guide L3626): the Slurm side of a cluster, which no PCS API shows
/// (the 19 operations of <c>../shared/reference/botocore/pcs.service-2.json</c> have no jobs; users read them with
/// <c>squeue</c>, guide L1006-1068). One node per job. PENDING until a node of a group attached to its queue is free,
/// RUNNING for its duration, COMPLETED after; a running job whose node goes away is requeued, PENDING again ("By default,
/// active jobs are automatically requeued", guide L3480). Guards its own state changes (conventions point 9).
/// Slurm schedules by the time limit, not by how long the job will really run: a running job's end time is "real or
/// expected" (<c>end_time</c> of v0.0.43 <c>job_info</c>, https://slurm.schedmd.com/rest_api.html), start + time limit until it
/// ends, and a reservation keeps a job off its nodes when start + time limit would overlap it (slurmctld
/// <c>src/slurmctld/reservation.c</c>, <c>_job_overlap</c>: a running job's <c>end_time</c> against the reservation's start).
/// </summary>
public sealed class SlurmJob
{
    public const string Pending = "PENDING";
    public const string Running = "RUNNING";
    public const string Completed = "COMPLETED";

    public required long JobId { get; init; }
    public required string QueueId { get; init; }
    public required TimeSpan Duration { get; init; }

    /// <summary>Slurm's time limit (whole minutes, at least <see cref="Duration"/>): what the scheduler plans with.</summary>
    public required TimeSpan TimeLimit { get; init; }
    public required DateTimeOffset SubmitTime { get; init; }

    public string State { get; private set; } = Pending;
    public string? NodeGroupId { get; private set; }
    public string? InstanceId { get; private set; }
    public DateTimeOffset? StartTime { get; private set; }
    public DateTimeOffset? EndTime { get; private set; }

    /// <summary>How many times the job went back to PENDING after its node went away.</summary>
    public int Requeues { get; private set; }

    /// <summary>Counts starts, so that the end scheduled for an earlier run of a requeued job does nothing.</summary>
    public int Run { get; private set; }

    /// <summary>When Slurm expects a running job to end: its start plus its time limit (null unless running).</summary>
    public DateTimeOffset? ExpectedEnd => State == Running ? StartTime + TimeLimit : null;

    public void Start(string nodeGroupId, string instanceId, DateTimeOffset now)
    {
        Require(Pending, Running);
        (State, NodeGroupId, InstanceId, StartTime) = (Running, nodeGroupId, instanceId, now);
        Run++;
    }

    public void Complete(DateTimeOffset now)
    {
        Require(Running, Completed);
        (State, EndTime) = (Completed, now);
    }

    public void Requeue()
    {
        Require(Running, Pending);
        (State, NodeGroupId, InstanceId, StartTime) = (Pending, null, null, null);
        Requeues++;
    }

    private void Require(string from, string to)
    {
        if (State != from) throw new InvalidOperationException($"Job {JobId} cannot go from {State} to {to}.");
    }
}

namespace PcsAutomation.LocalAws.Pcs;

/// <summary>
/// A Slurm job in a PCS queue (a Slurm partition, guide L3626): the Slurm side of a cluster, which no PCS API shows
/// (the 19 operations of <c>../shared/reference/botocore/pcs.service-2.json</c> have no jobs; users read them with
/// <c>squeue</c>, guide L1006-1068). One node per job. PENDING until a node of a group attached to its queue is free,
/// RUNNING for its duration, COMPLETED after; a running job whose node goes away is requeued, PENDING again ("By default,
/// active jobs are automatically requeued", guide L3480). Guards its own state changes (conventions point 9).
/// </summary>
public sealed class SlurmJob
{
    public const string Pending = "PENDING";
    public const string Running = "RUNNING";
    public const string Completed = "COMPLETED";

    public required long JobId { get; init; }
    public required string QueueId { get; init; }
    public required TimeSpan Duration { get; init; }
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

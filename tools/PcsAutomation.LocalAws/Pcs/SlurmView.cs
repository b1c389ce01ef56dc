using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Pcs;

/// <summary>
/// A job as <c>squeue</c> would list it (guide L1006-1068): queue and node group by name, the Slurm node it runs on and its
/// time limit; <see cref="EndTime"/> is the real end of a completed job.
/// </summary>
public sealed record SlurmJobInfo(
    long JobId, string Queue, string State, string? NodeGroup, string? InstanceId,
    DateTimeOffset SubmitTime, DateTimeOffset? StartTime, DateTimeOffset? EndTime, int Requeues,
    TimeSpan TimeLimit, string? Node);

/// <summary>
/// A queue's jobs and the groups that could run them now (<see cref="PcsFleet.CanRunJobs"/>). <see cref="HoldsJobs"/>: jobs
/// wait and no group can take them, as after a Capacity Block expires (guide L3423-3427, L3480).
/// </summary>
public sealed record SlurmQueueState(
    string Cluster, string Queue, int PendingJobs, int RunningJobs,
    IReadOnlyList<string> NodeGroups, IReadOnlyList<string> NodeGroupsThatCanRun)
{
    public bool HoldsJobs => PendingJobs > 0 && NodeGroupsThatCanRun.Count == 0;
}

/// <summary>A Slurm reservation as <c>scontrol show res</c> shows it (guide L3514-3529): name, flags, nodes, comment, times.</summary>
public sealed record SlurmReservation(string Name, IReadOnlyList<string> Flags, string Nodes, string Comment)
{
    public DateTimeOffset? Start { get; init; }
    public DateTimeOffset? End { get; init; }
}

/// <summary>
/// A node group's nodes as Slurm sees them: their names (<c>&lt;group&gt;-[1-max]</c>, guide L3508-3511, L3542-3544), the <c>maint</c>
/// reservation <c>&lt;group&gt;-scheduled</c> that holds them while their Capacity Block is only scheduled (guide L3514-3529),
/// and the reason a launch failed (guide L3538-3558: ReservationCapacityExceeded when a shared block is full).
/// </summary>
public sealed record SlurmNodeGroupState(
    string Cluster, string NodeGroup, string Nodes, SlurmReservation? Reservation,
    string? LaunchFailure, DateTimeOffset? LaunchFailedAt, int RunningJobs);

/// <summary>
/// The Slurm side of the emulated clusters: jobs, queues, node reservations and launch failures. None of it is observable
/// through an AWS API (PCS has no job or node operations, and its CloudWatch metrics are per cluster, guide L10391-10402);
/// on a real cluster it takes <c>squeue</c>, <c>sinfo</c> and <c>scontrol</c> on a login node. Tests and in-process
/// tools read it here.
/// </summary>
public sealed class SlurmView(AwsWorld world, PcsFleet fleet)
{
    public IReadOnlyList<SlurmJobInfo> Jobs(string cluster)
    {
        lock (world.Gate)
        {
            var c = Cluster(cluster);
            return c.Jobs.Select(j => new SlurmJobInfo(j.JobId, c.Queues.GetValueOrDefault(j.QueueId)?.Name ?? j.QueueId, j.State,
                j.NodeGroupId is null ? null : c.NodeGroups.GetValueOrDefault(j.NodeGroupId)?.Name ?? j.NodeGroupId, j.InstanceId,
                j.SubmitTime, j.StartTime, j.EndTime, j.Requeues, j.TimeLimit,
                j.InstanceId is null ? null : world.Instances.GetValueOrDefault(j.InstanceId)?.SlurmNodeName)).ToList();
        }
    }

    /// <summary>Every Slurm node of the cluster (<c>sinfo -N</c>; <see cref="PcsFleet.SlurmNodes"/>).</summary>
    public IReadOnlyList<SlurmNodeInfo> Nodes(string cluster)
    {
        lock (world.Gate) return fleet.SlurmNodes(Cluster(cluster));
    }

    /// <summary>The cluster's reservations not yet over (<c>scontrol show res</c>), PCS's own Capacity Block ones included.</summary>
    public IReadOnlyList<SlurmReservation> Reservations(string cluster)
    {
        lock (world.Gate)
        {
            return fleet.Reservations(Cluster(cluster)).Select(r => new SlurmReservation(r.Name, [.. r.Flags], Hostlist.Compress(r.Nodes), r.Comment ?? "")
            {
                Start = r.Start, End = r.End,
            }).ToList();
        }
    }

    public SlurmQueueState Queue(string cluster, string queue)
    {
        lock (world.Gate)
        {
            var c = Cluster(cluster);
            return QueueState(c, c.FindQueue(queue) ?? throw new InvalidOperationException($"No queue {queue} in cluster {c.Name}."));
        }
    }

    /// <summary>Every queue of every cluster (or of <paramref name="cluster"/>), e.g. to find those holding jobs.</summary>
    public IReadOnlyList<SlurmQueueState> Queues(string? cluster = null)
    {
        lock (world.Gate)
        {
            var clusters = cluster is null ? world.Clusters.Values.OrderBy(c => c.Sequence).ToList() : [Cluster(cluster)];
            return clusters.SelectMany(c => c.Queues.Values.OrderBy(q => q.Sequence).Select(q => QueueState(c, q))).ToList();
        }
    }

    public SlurmNodeGroupState NodeGroup(string cluster, string nodeGroup)
    {
        lock (world.Gate)
        {
            var c = Cluster(cluster);
            var group = c.FindNodeGroup(nodeGroup) ?? throw new InvalidOperationException($"No node group {nodeGroup} in cluster {c.Name}.");
            var nodes = group.MaxInstanceCount <= 1 ? $"{group.Name}-1" : $"{group.Name}-[1-{group.MaxInstanceCount}]";
            // guide L3514-3529: nodes of a group whose block is scheduled are in maint, held by "<group>-scheduled"
            var reservation = fleet.CapacityBlockOf(group)?.StateAt(world.Now) == "scheduled"
                ? new SlurmReservation($"{group.Name}-scheduled", ["MAINT", "SPEC_NODES"], nodes, $"{group.Name} Scheduled")
                : null;
            var running = c.Jobs.Count(j => j.State == SlurmJob.Running && j.NodeGroupId == group.Id);
            return new SlurmNodeGroupState(c.Name, group.Name, nodes, reservation, group.LaunchFailure, group.LaunchFailedAt, running);
        }
    }

    private SlurmQueueState QueueState(PcsCluster cluster, PcsQueue queue)
    {
        var jobs = cluster.Jobs.Where(j => j.QueueId == queue.Id).ToList();
        var groups = queue.ComputeNodeGroupIds.Select(id => cluster.NodeGroups.GetValueOrDefault(id)).OfType<ComputeNodeGroup>().ToList();
        return new SlurmQueueState(cluster.Name, queue.Name,
            jobs.Count(j => j.State == SlurmJob.Pending), jobs.Count(j => j.State == SlurmJob.Running),
            groups.Select(g => g.Name).ToList(),
            groups.Where(g => fleet.CanRunJobs(cluster, g, world.Now)).Select(g => g.Name).ToList());
    }

    private PcsCluster Cluster(string identifier) =>
        world.FindCluster(identifier) ?? throw new InvalidOperationException($"No cluster {identifier}.");
}

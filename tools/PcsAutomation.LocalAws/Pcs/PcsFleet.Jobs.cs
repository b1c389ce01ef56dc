using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Pcs;

/// <summary>
/// Slurm's jobs on the fleet (<see cref="SlurmJob"/>): a pending job goes to a free node of a group attached to its
/// queue; groups launch nodes for the pending jobs they can take ("when additional capacity is needed, AWS PCS uses the
/// compute node group's launch template to launch new EC2 instances", then slurmctld allocates them, guide L11025-11030);
/// a job whose node goes away is requeued (guide L3480). A queue whose groups cannot launch (an expired Capacity Block,
/// max 0) holds its jobs: "queued jobs ... remain pending until you attach another compute node group to the queue or
/// update the compute node group with a new Capacity Block" (guide L3423-3427, L3480).
/// </summary>
public sealed partial class PcsFleet
{
    private readonly HashSet<string> schedulingSoon = new(StringComparer.Ordinal);

    /// <summary>
    /// Users submit <paramref name="count"/> one-node jobs of <paramref name="duration"/> to the queue (still allowed after
    /// expiry, guide L3480), with Slurm's <paramref name="timeLimit"/> (at least the duration).
    /// </summary>
    public IReadOnlyList<SlurmJob> SubmitJobs(PcsCluster cluster, PcsQueue queue, int count, TimeSpan duration, TimeSpan timeLimit)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(queue);
        var jobs = new List<SlurmJob>();
        for (var i = 0; i < count; i++)
        {
            var job = new SlurmJob
            {
                JobId = cluster.NextJobId(), QueueId = queue.Id, Duration = duration, TimeLimit = timeLimit, SubmitTime = world.Now,
            };
            cluster.Jobs.Add(job);
            jobs.Add(job);
        }
        ScheduleJobs(cluster);
        return jobs;
    }

    /// <summary>Starts what can start on free nodes, then lets every group follow its jobs' demand.</summary>
    public void ScheduleJobs(PcsCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (!world.Clusters.ContainsKey(cluster.Id)) return;
        StartPendingJobs(cluster);
        foreach (var group in cluster.NodeGroups.Values.ToList()) Reconcile(cluster, group);
    }

    /// <summary>
    /// Whether the group can run a job now or soon: it exists and is not being deleted, its cluster runs, its max allows a
    /// node, and a Capacity Block group's block lets instances run (scheduled blocks start later: not now).
    /// </summary>
    public bool CanRunJobs(PcsCluster cluster, ComputeNodeGroup group, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(group);
        if (group.Status is not (PcsStatus.Active or PcsStatus.Updating or PcsStatus.UpdateFailed)) return false;
        if (cluster.Status is not (PcsStatus.Active or PcsStatus.Updating or PcsStatus.UpdateFailed)) return false;
        if (group.MaxInstanceCount == 0) return false;
        return group.PurchaseOption != "CAPACITY_BLOCK" || CapacityBlockOf(group)?.AllowsInstancesAt(now) == true;
    }

    /// <summary>
    /// Nodes the jobs want from <paramref name="group"/>: its running jobs, plus the pending jobs it takes. Each pending
    /// job goes to the first group of its queue (in the queue's order) that can run jobs, is below its max and has a node
    /// the job may use (not drained, not reserved during its time limit: <see cref="NodeAccepts"/>) that no other job took.
    /// </summary>
    private int JobDemand(PcsCluster cluster, ComputeNodeGroup group, DateTimeOffset now)
    {
        if (cluster.Jobs.Count == 0) return 0;
        var running = cluster.Jobs.Where(j => j.State == SlurmJob.Running && j.NodeGroupId is not null).ToList();
        var load = running.GroupBy(j => j.NodeGroupId!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var taken = running.Select(j => j.InstanceId is { } id ? world.Instances.GetValueOrDefault(id)?.SlurmNodeName : null)
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var job in cluster.Jobs.Where(j => j.State == SlurmJob.Pending))
        {
            if (!cluster.Queues.TryGetValue(job.QueueId, out var queue)) continue;
            foreach (var id in queue.ComputeNodeGroupIds)
            {
                if (!cluster.NodeGroups.TryGetValue(id, out var candidate) || !CanRunJobs(cluster, candidate, now)) continue;
                if (load.GetValueOrDefault(id) >= candidate.MaxInstanceCount) continue;
                var node = NodeNames(candidate).FirstOrDefault(n => !taken.Contains(n) && NodeAccepts(cluster, n, job));
                if (node is null) continue;
                taken.Add(node);
                load[id] = load.GetValueOrDefault(id) + 1;
                break;
            }
        }
        return load.GetValueOrDefault(group.Id);
    }

    /// <summary>
    /// Each pending job, oldest first, takes an idle registered node of its queue's groups (in the queue's order). A node
    /// PCS marked for replacement takes jobs too: PCS replaces it once idle (guide L2667), which Slurm does not know, so
    /// only a drain keeps new jobs off it (issue 12: the roll-out drains its canary so that replacement happens sooner;
    /// the scheduler version update page has nodes "drained and replaced",
    /// https://docs.aws.amazon.com/pcs/latest/userguide/working-with_clusters_version_update_procedure.html). Assumption: README.
    /// </summary>
    private void StartPendingJobs(PcsCluster cluster)
    {
        var now = world.Now;
        var busy = cluster.Jobs.Where(j => j.State == SlurmJob.Running).Select(j => j.InstanceId).ToHashSet(StringComparer.Ordinal);
        foreach (var job in cluster.Jobs.Where(j => j.State == SlurmJob.Pending).ToList())
        {
            if (!cluster.Queues.TryGetValue(job.QueueId, out var queue)) continue;
            var node = queue.ComputeNodeGroupIds.Where(cluster.NodeGroups.ContainsKey)
                .SelectMany(id => world.InstancesOfNodeGroup(id).OrderBy(i => i.LaunchTime).ThenBy(i => i.InstanceId, StringComparer.Ordinal))
                .FirstOrDefault(i => i.State == Ec2Instance.Running && !i.NeverRegisters
                                     && i.IsIdleAt(now) && !busy.Contains(i.InstanceId)
                                     && (i.SlurmNodeName is null || NodeAccepts(cluster, i.SlurmNodeName, job)));
            if (node is null) continue;
            Start(cluster, job, node);
            busy.Add(node.InstanceId);
        }
    }

    private void Start(PcsCluster cluster, SlurmJob job, Ec2Instance node)
    {
        job.Start(node.NodeGroupId!, node.InstanceId, world.Now);
        node.BusyUntil = world.Now + job.Duration;
        var run = job.Run;
        world.After(job.Duration, $"job {job.JobId} of {cluster.Id} ends", () =>
        {
            if (job.State != SlurmJob.Running || job.Run != run) return; // requeued meanwhile
            job.Complete(world.Now);
            ScheduleJobs(cluster);
        });
    }

    /// <summary>
    /// The instance is going away: its job goes back to PENDING (guide L3480), and the cluster's jobs are placed again
    /// right after the current change (not inside it: this runs while a group is being reconciled).
    /// </summary>
    private void RequeueJobOf(Ec2Instance instance)
    {
        if (instance.ClusterId is not { } clusterId || !world.Clusters.TryGetValue(clusterId, out var cluster)) return;
        var job = cluster.Jobs.FirstOrDefault(j => j.State == SlurmJob.Running && j.InstanceId == instance.InstanceId);
        if (job is null) return;
        // A job whose duration is up has ended, even when its end event, due at this very instant, has not run yet (two
        // jobs ending at once: the first one's scheduling replaced the other's idle node): it completes, not requeued.
        if (job.StartTime + job.Duration <= world.Now) job.Complete(world.Now);
        else job.Requeue();
        instance.BusyUntil = world.Now;
        if (!schedulingSoon.Add(cluster.Id)) return;
        world.After(TimeSpan.Zero, $"schedule jobs of {cluster.Id}", () =>
        {
            schedulingSoon.Remove(cluster.Id);
            ScheduleJobs(cluster);
        });
    }
}

using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Pcs;

/// <summary>
/// Slurm's nodes on the fleet. Every group attached to a queue brings the nodes <c>&lt;group&gt;-1</c> to
/// <c>&lt;group&gt;-&lt;max&gt;</c>, whether an instance runs behind them or not (guide L997: <c>idle~ compute-1-[1-4]</c>; L1002:
/// raising max to 8 lists <c>compute-1-[1-8]</c>); an instance takes a node name when PCS launches it. A job starts only on
/// a node that is not drained and that no reservation holds during the job's start plus time limit.
/// </summary>
public sealed partial class PcsFleet
{
    /// <summary>The groups whose nodes Slurm has: those in at least one queue (partition), not being deleted, in creation order.</summary>
    public static IEnumerable<ComputeNodeGroup> SlurmNodeGroups(PcsCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster.NodeGroups.Values
            .Where(g => g.Status is not (PcsStatus.Deleting or PcsStatus.Deleted) && cluster.Queues.Values.Any(q => q.ComputeNodeGroupIds.Contains(g.Id)))
            .OrderBy(g => g.Sequence);
    }

    public static IEnumerable<string> NodeNames(ComputeNodeGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return Enumerable.Range(1, group.MaxInstanceCount).Select(n => $"{group.Name}-{n}");
    }

    /// <summary>Every node of the cluster's Slurm groups, as slurmctld reports them now.</summary>
    public IReadOnlyList<SlurmNodeInfo> SlurmNodes(PcsCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var now = world.Now;
        var reservations = Reservations(cluster);
        var nodes = new List<SlurmNodeInfo>();
        foreach (var group in SlurmNodeGroups(cluster))
        {
            var partitions = cluster.Queues.Values.Where(q => q.ComputeNodeGroupIds.Contains(group.Id)).OrderBy(q => q.Sequence).Select(q => q.Name).ToList();
            var instances = world.InstancesOfNodeGroup(group.Id).Where(i => i.IsNotStopped && i.SlurmNodeName is not null)
                .OrderBy(i => i.IsUp ? 0 : 1).ToList();
            foreach (var name in NodeNames(group))
            {
                var instance = instances.FirstOrDefault(i => i.SlurmNodeName == name);
                var job = instance is null ? null : cluster.Jobs.FirstOrDefault(j => j.State == SlurmJob.Running && j.InstanceId == instance.InstanceId);
                var drain = cluster.Slurm.Drains.GetValueOrDefault(name);
                var holding = reservations.FirstOrDefault(r => r.IsActiveAt(now) && r.Covers(name));
                nodes.Add(new SlurmNodeInfo(name, group.Name, partitions, NodeState(instance, job, drain, holding, now),
                    drain?.Reason, drain?.Since, drain?.User, holding?.Name, instance?.InstanceId,
                    instance?.InstanceType ?? (group.InstanceTypes.Count > 0 ? group.InstanceTypes[0] : ""), instance?.PrivateIpAddress, job?.JobId));
            }
        }
        return nodes;
    }

    /// <summary>
    /// The cluster's reservations not yet over: those made through slurmctld, and PCS's own <c>&lt;group&gt;-scheduled</c> MAINT
    /// reservation on the nodes of a group whose Capacity Block has not started (guide L3514-3529).
    /// </summary>
    public IReadOnlyList<SlurmAdvancedReservation> Reservations(PcsCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var now = world.Now;
        var all = cluster.Slurm.CurrentReservations(now).ToList();
        foreach (var group in SlurmNodeGroups(cluster))
        {
            if (CapacityBlockOf(group) is not { } block || block.StateAt(now) != "scheduled") continue;
            var scheduled = new SlurmAdvancedReservation
            {
                Name = $"{group.Name}-scheduled", Start = block.CreateDate, End = block.StartDate, Nodes = NodeNames(group).ToList(),
                Users = ["root"], Comment = $"{group.Name} Scheduled",
            };
            scheduled.Flags.UnionWith([SlurmAdvancedReservation.Maint, "SPEC_NODES"]);
            all.Add(scheduled);
        }
        return all;
    }

    /// <summary>Whether <paramref name="job"/> may start on <paramref name="node"/> now: not drained, and no reservation holds it before the job's time limit is up.</summary>
    public bool NodeAccepts(PcsCluster cluster, string node, SlurmJob job)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(job);
        var now = world.Now;
        return !cluster.Slurm.Drains.ContainsKey(node)
               && !cluster.Slurm.CurrentReservations(now).Any(r => r.Covers(node) && r.Overlaps(now, now + job.TimeLimit));
    }

    /// <summary>A pending job every node of whose queue is held by a MAINT reservation during its time limit (slurmctld: "Reserved for maintenance").</summary>
    public bool HeldForMaintenance(PcsCluster cluster, SlurmJob job)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(job);
        if (job.State != SlurmJob.Pending || !cluster.Queues.TryGetValue(job.QueueId, out var queue)) return false;
        var now = world.Now;
        var nodes = queue.ComputeNodeGroupIds.Select(id => cluster.NodeGroups.GetValueOrDefault(id)).OfType<ComputeNodeGroup>().SelectMany(NodeNames).ToList();
        var maint = cluster.Slurm.CurrentReservations(now).Where(r => r.Flags.Contains(SlurmAdvancedReservation.Maint) && r.Overlaps(now, now + job.TimeLimit)).ToList();
        return nodes.Count > 0 && nodes.All(n => maint.Any(r => r.Covers(n)));
    }

    /// <summary>
    /// The name for an instance PCS launches for the group: the first name no up instance of the group holds, preferring
    /// one that is neither drained nor held by a reservation now or later (Slurm powers up nodes it can use).
    /// </summary>
    private string NodeNameForLaunch(PcsCluster cluster, ComputeNodeGroup group)
    {
        var held = world.InstancesOfNodeGroup(group.Id).Where(i => i.IsUp && i.SlurmNodeName is not null).Select(i => i.SlurmNodeName!).ToHashSet(StringComparer.Ordinal);
        var free = NodeNames(group).Where(n => !held.Contains(n)).ToList();
        var reservations = cluster.Slurm.CurrentReservations(world.Now);
        return free.FirstOrDefault(n => !cluster.Slurm.Drains.ContainsKey(n) && !reservations.Any(r => r.Covers(n)))
               ?? free.FirstOrDefault(n => !cluster.Slurm.Drains.ContainsKey(n))
               ?? free.FirstOrDefault()
               ?? $"{group.Name}-{group.MaxInstanceCount + held.Count + 1}"; // every name held: beyond max, terminated with the excess
    }

    private static List<string> NodeState(Ec2Instance? instance, SlurmJob? job, SlurmNodeDrain? drain, SlurmAdvancedReservation? holding, DateTimeOffset now)
    {
        var busy = job is not null || (instance?.State == Ec2Instance.Running && !instance.IsIdleAt(now));
        var state = new List<string> { busy ? "ALLOCATED" : "IDLE" };
        if (holding is not null) state.Add("RESERVED");
        if (drain is not null) state.Add("DRAIN"); // with ALLOCATED: sinfo's "draining"; with IDLE: "drained"
        if (holding?.Flags.Contains(SlurmAdvancedReservation.Maint) == true) state.Add("MAINTENANCE");
        state.Add("CLOUD"); // PCS's nodes are cloud nodes (guide L3549: State=IDLE+CLOUD+POWERING_DOWN)
        if (instance is null) state.Add("POWERED_DOWN");
        else if (instance.State == Ec2Instance.ShuttingDown) state.Add("POWERING_DOWN");
        else if (instance.State == Ec2Instance.Pending || instance.NeverRegisters) state.Add("POWERING_UP");
        return state;
    }
}

using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Pcs;

public sealed partial class PcsFleet
{
    /// <summary>
    /// What Slurm shows on a node whose instance could not be launched because the Capacity Block was full, e.g. when
    /// another cluster uses it (guide L3538-3558).
    /// </summary>
    public const string ReservationCapacityExceeded = "Failed to launch backing instance (Error Code: ReservationCapacityExceeded)";

    /// <summary>The block the group's launch template targets, when the group buys CAPACITY_BLOCK (guide L3437-3439).</summary>
    public CapacityBlock? CapacityBlockOf(ComputeNodeGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group.PurchaseOption != "CAPACITY_BLOCK") return null;
        var reservation = TemplateVersion(group)?.CapacityReservationId;
        return reservation is null ? null : world.CapacityBlocks.GetValueOrDefault(reservation);
    }

    /// <summary>Looks at a capacity-block group again at the block's start and when EC2 begins terminating.</summary>
    public void WatchCapacityBlock(PcsCluster cluster, ComputeNodeGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (CapacityBlockOf(group) is not { } block) return;
        LookAgainAt(cluster, group, block.StartDate);
        LookAgainAt(cluster, group, block.TerminationStart);
    }

    /// <summary>
    /// What Slurm would show when the group's launch template no longer exists (deleted under PCS): EC2's error code for a
    /// missing template in the guide's reason format (L3557-3558); the combination is inferred (README).
    /// </summary>
    public const string LaunchTemplateNotFound = "Failed to launch backing instance (Error Code: InvalidLaunchTemplateId.NotFound)";

    private readonly HashSet<(string GroupId, DateTimeOffset At)> looks = [];

    /// <summary>
    /// After an extension of <paramref name="block"/> was paid: every group that points at it or still has instances in
    /// it (a group moved to a successor block keeps its old instances until EC2 ends them) is looked at again at the new
    /// termination time.
    /// </summary>
    public void WatchBlockUsers(CapacityBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        foreach (var cluster in world.Clusters.Values.ToList())
        {
            foreach (var group in cluster.NodeGroups.Values.ToList())
            {
                var inBlock = world.InstancesOfNodeGroup(group.Id).Any(i => i.IsUp && i.CapacityReservationId == block.CapacityReservationId);
                if (inBlock || CapacityBlockOf(group) == block) LookOnceAt(cluster, group, block.TerminationStart);
            }
        }
    }

    /// <summary>The instance runs in a Capacity Block that no longer lets instances run (EC2 ends it, end - 30/60 min).</summary>
    private bool InEndedBlock(Ec2Instance instance, DateTimeOffset now) =>
        instance.CapacityReservationId is { } reservation &&
        world.CapacityBlocks.TryGetValue(reservation, out var block) && !block.AllowsInstancesAt(now);

    /// <summary>The group's launch template was deleted (scenario action <c>deleteLaunchTemplate</c>).</summary>
    private bool TemplateDeleted(ComputeNodeGroup group) => world.DeletedLaunchTemplates.Contains(group.LaunchTemplateId);

    /// <summary>One look at the group at that time, however many instances ask for it.</summary>
    private void LookOnceAt(PcsCluster cluster, ComputeNodeGroup group, DateTimeOffset when)
    {
        if (when <= world.Now || !looks.Add((group.Id, when))) return;
        world.After(when - world.Now, $"reconcile {group.Id}", () =>
        {
            looks.Remove((group.Id, when));
            if (cluster.NodeGroups.ContainsKey(group.Id)) Reconcile(cluster, group);
        });
    }

    /// <summary>
    /// How many of <paramref name="wanted"/> instances can be launched now. A Capacity Block holds a fixed number of
    /// instances, whichever cluster or service launches them (guide L3492: a block split between clusters); past that,
    /// EC2 refuses the launch with ReservationCapacityExceeded and Slurm shows it on the group's nodes (guide L3538-3558),
    /// recorded in <see cref="ComputeNodeGroup.LaunchFailure"/> until a launch succeeds.
    /// </summary>
    private int Launchable(ComputeNodeGroup group, int wanted, DateTimeOffset now)
    {
        if (wanted > 0 && TemplateDeleted(group))
        {
            if (group.LaunchFailure != LaunchTemplateNotFound) (group.LaunchFailure, group.LaunchFailedAt) = (LaunchTemplateNotFound, now);
            return 0;
        }
        if (wanted <= 0 || CapacityBlockOf(group) is not { } block) return wanted;
        var used = world.Instances.Values.Count(i => i.CapacityReservationId == block.CapacityReservationId && i.IsNotStopped);
        var free = Math.Max(0, block.InstanceCount - used);
        if (wanted <= free)
        {
            (group.LaunchFailure, group.LaunchFailedAt) = (null, null);
            return wanted;
        }
        if (group.LaunchFailure is null) (group.LaunchFailure, group.LaunchFailedAt) = (ReservationCapacityExceeded, now);
        return free;
    }

    /// <summary>An instance of the block has terminated: groups whose launches it refused try again.</summary>
    private void RetryLaunchesInto(string reservationId)
    {
        foreach (var cluster in world.Clusters.Values.ToList())
        {
            foreach (var group in cluster.NodeGroups.Values.Where(g => g.LaunchFailure is not null).ToList())
            {
                if (CapacityBlockOf(group)?.CapacityReservationId == reservationId) Reconcile(cluster, group);
            }
        }
    }
}

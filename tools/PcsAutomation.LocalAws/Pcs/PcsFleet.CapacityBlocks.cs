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
    /// How many of <paramref name="wanted"/> instances can be launched now. A Capacity Block holds a fixed number of
    /// instances, whichever cluster or service launches them (guide L3492: a block split between clusters); past that,
    /// EC2 refuses the launch with ReservationCapacityExceeded and Slurm shows it on the group's nodes (guide L3538-3558),
    /// recorded in <see cref="ComputeNodeGroup.LaunchFailure"/> until a launch succeeds.
    /// </summary>
    private int Launchable(ComputeNodeGroup group, int wanted, DateTimeOffset now)
    {
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

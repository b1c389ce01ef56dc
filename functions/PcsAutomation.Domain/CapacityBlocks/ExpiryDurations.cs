namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>
/// Upper bounds of how long each kind of expiry action takes, used to start early enough that every action is done
/// 15 minutes before EC2's termination time. The guide gives no numbers, only "several minutes" for node group and
/// queue updates (L2694, L2731, L3748, L3786); the bounds are set to about three times the rotation's typical 5
/// minutes (<c>DowntimeEstimate</c>) so a slow update still fits. They bound the wait, they time nothing.
/// </summary>
/// <remarks>
/// A plan runs in phases, each after the previous one (what the state machine must follow): 1. re-read, lease and
/// notify (<see cref="Overhead"/>); 2. the successor-block groups' new launch template versions and node group
/// updates, all groups at once; 3. the queue updates, one queue after another (each UpdateQueue writes a complete
/// list, L3758-3781); 4. the scale-downs to 0, all groups at once, until their instances are gone. Clusters sharing a
/// block run side by side (each under its own lease), so a plan takes as long as its slowest cluster.
/// </remarks>
public static class ExpiryDurations
{
    /// <summary>Re-reading the reservation, taking the lease and notifying users: a few short Lambda steps with retries.</summary>
    public static readonly TimeSpan Overhead = TimeSpan.FromMinutes(5);

    /// <summary>CreateLaunchTemplateVersion answers at once; the bound covers retries.</summary>
    public static readonly TimeSpan LaunchTemplateVersion = TimeSpan.FromMinutes(2);

    /// <summary>UpdateComputeNodeGroup until ACTIVE: "several minutes" (guide L2694, L2731).</summary>
    public static readonly TimeSpan NodeGroupUpdate = TimeSpan.FromMinutes(15);

    /// <summary>UpdateQueue until ACTIVE: "several minutes" (guide L3748, L3786).</summary>
    public static readonly TimeSpan QueueUpdate = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Instances of a block going from shutting-down to terminated: "it takes several minutes to clean up your instance"
    /// (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/capacity-blocks-launch.html).
    /// </summary>
    public static readonly TimeSpan Termination = TimeSpan.FromMinutes(5);

    /// <summary>Phase 2 for one group: a new launch template version, then the node group update.</summary>
    public static TimeSpan SuccessorBlock => LaunchTemplateVersion + NodeGroupUpdate;

    /// <summary>Phase 4 for one group: the scale to 0/0 until ACTIVE, then its instances terminated.</summary>
    public static TimeSpan ScaleToZero => NodeGroupUpdate + Termination;

    /// <summary>
    /// One cluster's plan: <see cref="Overhead"/>, then <see cref="SuccessorBlock"/> when a group moves to another block,
    /// one <see cref="QueueUpdate"/> per queue changed, and <see cref="ScaleToZero"/> when a group is scaled down.
    /// </summary>
    public static TimeSpan ForCluster(bool switchesBlock, int queuesChanged, bool scalesDown)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(queuesChanged);
        return Overhead
            + (switchesBlock ? SuccessorBlock : TimeSpan.Zero)
            + (QueueUpdate * queuesChanged)
            + (scalesDown ? ScaleToZero : TimeSpan.Zero);
    }
}

using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.Benchmarks.Rollout;

/// <summary>One group of a cluster's plan, in the plan's order, and whether it ran nodes when the plan was made.</summary>
internal sealed record PlannedGroup(string Name, int InstancesRunning);

/// <summary>
/// The shortest a cluster's roll-out can take with no rate limit, given the emulator's timings and the product's own
/// polling: what the fleet's time is compared with. Per group, from its UpdateComputeNodeGroup call:
/// <list type="bullet">
/// <item>ready: the group is ACTIVE after <see cref="Durations.NodeGroupUpdate"/>; PCS then replaces its idle nodes at
/// once (guide L2667; the emulator launches the new ones in the same step), and a new node counts once it has run
/// <see cref="ReplacementVerification.RegistrationSettle"/> from its launch. A group without nodes is ready when ACTIVE.</item>
/// <item>done: the first CheckNodeGroupUpdated at or after ready. Checks come at 0 s, then after each of
/// <see cref="PollingBackoff"/>'s waits (15, 30, 60, 120, 120... s: at 0, 15, 45, 105, 225, 345... s).</item>
/// </list>
/// The cluster: the canary alone, then the others in the plan's order, at most <c>batchSize</c> at once, each starting
/// as soon as one running finishes (the Map's MaxConcurrency). That is at most the canary plus
/// ceil((groups - 1) / batchSize) waves of the slowest group, and less when the groups differ. Planning, the lease,
/// notifications and Lambda invocations take no virtual time here, so they add nothing.
/// </summary>
internal static class CriticalPath
{
    /// <summary>From the update to the check that finds the group done.</summary>
    public static TimeSpan GroupDuration(PlannedGroup group, Durations durations)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(durations);
        var ready = durations.NodeGroupUpdate + (group.InstancesRunning > 0 ? ReplacementVerification.RegistrationSettle : TimeSpan.Zero);
        var check = TimeSpan.Zero;
        for (var attempt = 0; check < ready; attempt++)
            check += TimeSpan.FromSeconds(PollingBackoff.NextWaitSeconds(attempt));
        return check;
    }

    /// <summary>The canary (first), then the rest at most <paramref name="batchSize"/> at once in order.</summary>
    public static TimeSpan Cluster(IReadOnlyList<PlannedGroup> order, int batchSize, Durations durations)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (order.Count == 0) return TimeSpan.Zero;
        var canary = GroupDuration(order[0], durations);
        // Each slot is free from the time its last group finished; the next group takes the earliest free slot.
        var slots = Enumerable.Repeat(canary, batchSize).ToList();
        foreach (var group in order.Skip(1))
        {
            var earliest = slots.IndexOf(slots.Min());
            slots[earliest] += GroupDuration(group, durations);
        }
        return order.Count == 1 ? canary : slots.Max();
    }

    /// <summary>The canary and ceil((groups - 1) / batchSize) waves, each as long as its slowest group (the brief's upper form).</summary>
    public static TimeSpan Waves(IReadOnlyList<PlannedGroup> order, int batchSize, Durations durations)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Count == 0) return TimeSpan.Zero;
        return GroupDuration(order[0], durations) + order.Skip(1).Chunk(batchSize)
            .Aggregate(TimeSpan.Zero, (sum, wave) => sum + wave.Max(g => GroupDuration(g, durations)));
    }
}

using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>A restore to start: the block the groups go back onto, its end date as EC2 gives it now, the execution's name and the groups.</summary>
public sealed record RestoreStart(string ReservationId, DateTimeOffset EndDate, string ExecutionName, IReadOnlyList<string> NodeGroupIds);

/// <summary>
/// The scheduled reconciler's restore decision, so parked groups come back without an event: a paid extension sends none
/// (capacity-blocks-extend.html documents no event; the monitor page lists delivered, expiration warning and interruption
/// only, https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/capacity-blocks-monitor.html), and a Delivered event may be lost
/// (best effort). For every reservation parked records name (their block, their successor) or a parked group's launch
/// template names now, <see cref="ParkedRestore"/> says whether a group goes back; one that does gives a restore named
/// from the reservation and its end date (<see cref="ExecutionNames.RestoreForCapacityBlock"/>), so the event router and
/// every later run find it started.
/// </summary>
public static class RestoreReconciler
{
    public static IReadOnlyList<RestoreStart> Decide(
        IReadOnlyList<CapacityReservationFacts> reservations, IReadOnlyList<ParkedNodeGroup> parked, IReadOnlyList<CapacityClusterFacts> clusters, IReadOnlyList<LaunchTemplateTarget> templates)
    {
        ArgumentNullException.ThrowIfNull(reservations);
        ArgumentNullException.ThrowIfNull(parked);
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(templates);
        var groups = clusters.SelectMany(c => c.NodeGroups).Where(g => parked.Any(p => p.ClusterId == g.ClusterId && p.NodeGroupId == g.NodeGroupId)).ToList();
        var named = parked.SelectMany(p => new[] { p.ReservationId, p.SuccessorReservationId })
            .Concat(groups.Select(g => templates.FirstOrDefault(t => t.Targets(g))?.CapacityReservationId))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var starts = new List<RestoreStart>();
        foreach (var id in named)
        {
            if (reservations.FirstOrDefault(r => r.ReservationId == id) is not { EndDate: { } end } reservation)
                continue;
            var plan = ParkedRestore.Decide(reservation, parked, clusters, templates);
            if (plan.Groups.Count > 0)
                starts.Add(new RestoreStart(id, end, ExecutionNames.RestoreForCapacityBlock(WorkflowKind.CapacityBlockExpiry, id, end), [.. plan.Groups.Select(g => g.NodeGroupId)]));
        }
        return starts;
    }
}

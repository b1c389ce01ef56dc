using PcsAutomation.Domain.NodeGroups;

namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>
/// Builds the expiry plan of one block: per cluster and group the action its policy asks for
/// (<see cref="ExpiryPolicies"/>), the queue edits (<see cref="QueueEdits"/>), the records of what is parked, the
/// timing (<see cref="ExpiryTiming"/>) from the plan's bound, every finding and note. Successor-block groups get a new
/// launch template version naming the successor, then UpdateComputeNodeGroup (guide L3427, L3480); the other policies
/// park the group: it is replaced in its queues (successor node group, guide L3486-3488; failover) or detached unless
/// it is a queue's only group (wind down, L3484), and scaled to 0/0 with its scaling saved, so Slurm requeues its jobs
/// under our control before EC2 terminates the instances (L3480). Idempotent: what is already applied (a group on its
/// successor, a queue already changed, a group at 0/0) is listed as done, and the stored parked records win.
/// </summary>
public static class ExpiryPlanner
{
    public static ExpiryPlan Plan(ExpiryPlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var block = input.Block ?? throw new ArgumentException("the plan needs the block", nameof(input));
        if (block.EndDate is not { } end)
            throw new ArgumentException($"reservation {block.ReservationId} has no end date: it does not expire", nameof(input));

        var usage = CapacityBlockDiscovery.Discover(input.Clusters, input.Templates, input.Reservations, input.Instances);
        var findings = new List<CapacityFinding>(usage.FindingsOf(block.ReservationId));
        var notes = new List<CapacityFinding>(usage.Notes.Where(n => n.ReservationId == block.ReservationId));
        var ids = input.NodeGroupIds
            ?? usage.GroupsOf(block.ReservationId).Where(u => u.Kind == UsageKinds.CapacityBlock).Select(u => u.NodeGroupId).Distinct(StringComparer.Ordinal).ToList();
        foreach (var missing in ids.Where(id => !input.Clusters.Any(c => c.NodeGroups.Any(g => g.NodeGroupId == id))))
            notes.Add(new(FindingCodes.NodeGroupStatus, "plan", $"node group {missing} no longer exists: nothing to do for it", null, missing, block.ReservationId));

        var context = new PlanContext(input, block, end, usage, findings, notes);
        var clusters = input.Clusters
            .OrderBy(c => c.ClusterName, StringComparer.Ordinal)
            .Select(c => PlanCluster(context, c, c.NodeGroups.Where(g => ids.Contains(g.NodeGroupId, StringComparer.Ordinal)).OrderBy(g => g.NodeGroupName, StringComparer.Ordinal).ToList()))
            .OfType<ClusterExpiryPlan>()
            .ToList();

        var expected = clusters.Count == 0 ? ExpiryDurations.Overhead : clusters.Max(c => c.ExpectedDuration);
        var timing = ExpiryTiming.For(block, input.Options.Lead, expected);
        if (block.State == CapacityReservationStates.Scheduled)
            notes.Add(new(FindingCodes.ScheduledMaint, "guide L3514-3529", $"block {block.ReservationId} has not started: its groups' nodes are held in the maint reservations <group>-scheduled until {(block.StartDate is { } s ? Times.Format(s) : "it starts")}; not a fault", null, null, block.ReservationId));
        var plan = new ExpiryPlan(block.ReservationId, block.InstanceType, block.AvailabilityZone, block.TotalInstanceCount, block.State, timing, input.Now, clusters, findings, notes);
        if (!plan.IsComplete() && input.Now > timing.LatestStart)
            findings.Add(new(FindingCodes.LateStart, "issue 11: done 15 minutes before termination",
                $"planned at {Times.Format(input.Now)}, after the latest start {Times.Format(timing.LatestStart)}: the actions (up to {Times.Format(expected)}) may not be done by {Times.Format(timing.Deadline)}; EC2 terminates the instances from {Times.Format(timing.TerminationAt)}",
                null, null, block.ReservationId));
        return plan;
    }

    private sealed record PlanContext(
        ExpiryPlanInput Input, CapacityReservationFacts Block, DateTimeOffset End, CapacityUsage Usage, List<CapacityFinding> Findings, List<CapacityFinding> Notes)
    {
        /// <summary>Instances moved onto each successor by this plan so far: two groups do not both count on the same free room.</summary>
        public Dictionary<string, int> Moves { get; } = new(StringComparer.Ordinal);
    }

    private static ClusterExpiryPlan? PlanCluster(PlanContext context, CapacityClusterFacts cluster, List<CapacityNodeGroupFacts> groups)
    {
        if (groups.Count == 0)
            return null;
        var actions = new List<GroupExpiryAction>();
        var operations = new List<(string QueueId, string NodeGroupId, QueueOperation Operation)>();
        var parked = new List<ParkedNodeGroup>();
        foreach (var group in groups)
            actions.Add(PlanGroup(context, cluster, group, operations, parked));

        var edits = new List<QueueEdit>();
        var queueWork = new HashSet<string>(StringComparer.Ordinal);
        foreach (var queue in cluster.Queues.OrderBy(q => q.QueueName, StringComparer.Ordinal))
        {
            var mine = operations.Where(o => o.QueueId == queue.QueueId).ToList();
            if (mine.Count == 0)
                continue;
            var (edit, refusals) = QueueEdits.Apply(queue, mine.Select(o => o.Operation), id => Describe(cluster, id), context.End);
            context.Findings.AddRange(refusals.Select(r => r with { ReservationId = context.Block.ReservationId }));
            if (!edit.Changes())
                continue;
            edits.Add(edit);
            foreach (var (_, id, _) in mine.Where(o => Affects(edit, o.Operation)))
                queueWork.Add(id);
        }
        if (edits.Count > 0)
            context.Notes.Add(new(FindingCodes.QueueUpdateRefusesJobs, "guide L3725", $"cluster {cluster.ClusterName}: while each queue update runs, the cluster may refuse new jobs (running jobs are not affected)", cluster.ClusterId, null, context.Block.ReservationId));

        actions = actions.Select(a => queueWork.Contains(a.NodeGroupId) ? a with { Remaining = [.. a.Remaining.Where(s => s != ExpirySteps.ScaleToZero), ExpirySteps.UpdateQueues, .. a.Remaining.Where(s => s == ExpirySteps.ScaleToZero)] } : a).ToList();
        var expected = ExpiryDurations.ForCluster(
            actions.Any(a => a.Remaining.Contains(ExpirySteps.UpdateNodeGroupLaunchTemplate)), edits.Count, actions.Any(a => a.Remaining.Contains(ExpirySteps.ScaleToZero)));
        return new ClusterExpiryPlan(cluster.ClusterId, cluster.ClusterName, actions, edits, parked, expected);
    }

    private static GroupExpiryAction PlanGroup(
        PlanContext context, CapacityClusterFacts cluster, CapacityNodeGroupFacts group, List<(string, string, QueueOperation)> operations, List<ParkedNodeGroup> parked)
    {
        var input = context.Input;
        var blockId = context.Block.ReservationId;
        var current = input.Templates.FirstOrDefault(t => t.Targets(group))?.CapacityReservationId;
        var stored = input.Parked.FirstOrDefault(p => p.NodeGroupId == group.NodeGroupId && p.ReservationId == blockId);

        // A group whose template already names another usable block ending later has moved (a re-plan after the switch,
        // or an operator who switched it while its instances still run in the old block).
        if (stored is null && current is not null && current != blockId
            && input.Reservations.FirstOrDefault(r => r.ReservationId == current) is { } moved && moved.IsCapacityBlock() && moved.IsUsable() && moved.EndDate > context.End)
        {
            return Action(group, ExpiryActions.SuccessorBlock, $"already on block {moved.ReservationId}", moved.ReservationId, null, null, null, [], [ExpirySteps.CreateLaunchTemplateVersion, ExpirySteps.UpdateNodeGroupLaunchTemplate]);
        }

        var policy = stored is null
            ? ExpiryPolicies.Decide(group, cluster, context.Block, input.Reservations, context.Usage, Committed(context, group))
            : Stored(stored, cluster);
        context.Findings.AddRange(policy.Problems);
        context.Notes.AddRange(policy.Notes);

        if (policy.Action == ExpiryActions.SuccessorBlock)
        {
            var successor = policy.SuccessorReservationId!;
            context.Moves[successor] = context.Moves.GetValueOrDefault(successor) + group.MaxInstanceCount;
            var switched = current == successor;
            if (!switched)
                NotActive(context, group, "its launch template update");
            return Action(group, policy.Action, policy.Reason, successor, null, null,
                switched ? null : new LaunchTemplateSwitch(group.LaunchTemplateId, group.LaunchTemplateVersion, current, successor),
                switched ? [] : [ExpirySteps.CreateLaunchTemplateVersion, ExpirySteps.UpdateNodeGroupLaunchTemplate],
                switched ? [ExpirySteps.CreateLaunchTemplateVersion, ExpirySteps.UpdateNodeGroupLaunchTemplate] : []);
        }

        var replacement = policy.ReplacementNodeGroupId;
        var inQueues = cluster.Queues.Where(q => q.NodeGroupIds.Contains(group.NodeGroupId, StringComparer.Ordinal)).ToList();
        foreach (var queue in inQueues)
            operations.Add((queue.QueueId, group.NodeGroupId, replacement is null ? QueueOperation.Detach(group.NodeGroupId) : QueueOperation.Replace(group.NodeGroupId, replacement)));
        var record = stored ?? new ParkedNodeGroup(
            group.ClusterId, group.NodeGroupId, group.NodeGroupName, policy.Action, blockId, context.End, policy.PendingSuccessorReservationId, group.Scaling(),
            inQueues.Select(q => new QueueMembership(q.QueueId, q.QueueName, IndexOf(q.NodeGroupIds, group.NodeGroupId),
                replacement is not null && !q.NodeGroupIds.Contains(replacement, StringComparer.Ordinal) ? replacement : null)).ToList(),
            input.Now);
        parked.Add(record);
        var atZero = group.MinInstanceCount == 0 && group.MaxInstanceCount == 0;
        if (!atZero)
            NotActive(context, group, "its scale-down");
        return Action(group, policy.Action, policy.Reason, null, replacement, policy.ReplacementNodeGroupName, null, record.SavedScaling,
            atZero ? [] : [ExpirySteps.ScaleToZero], atZero ? [ExpirySteps.ScaleToZero] : []);
    }

    /// <summary>The policy of a group an earlier run parked: its stored action and replacement, so a re-plan does what the first one chose.</summary>
    private static ExpiryPolicy Stored(ParkedNodeGroup stored, CapacityClusterFacts cluster)
    {
        var replacement = stored.Queues.Select(q => q.AttachedNodeGroupId).FirstOrDefault(id => id is not null);
        var name = replacement is null ? null : cluster.FindGroup(replacement)?.NodeGroupName ?? replacement;
        return new ExpiryPolicy(stored.Action, $"parked at {Times.Format(stored.ParkedAt)} ({stored.Action})", null, replacement, name, stored.SuccessorReservationId, [], []);
    }

    private static Dictionary<string, int> Committed(PlanContext context, CapacityNodeGroupFacts group)
    {
        var committed = ExpiryPolicies.Committed(context.Usage, group.NodeGroupId);
        foreach (var (id, count) in context.Moves)
            committed[id] = committed.GetValueOrDefault(id) + count;
        return committed;
    }

    private static void NotActive(PlanContext context, CapacityNodeGroupFacts group, string what)
    {
        if (group.Status != "ACTIVE")
            context.Notes.Add(new(FindingCodes.NodeGroupStatus, "guide L1984-1989",
                $"node group {group.Describe()} is {group.Status}: PCS refuses {what} until it is ACTIVE again (the step retries ConflictException)", group.ClusterId, group.NodeGroupId, context.Block.ReservationId));
    }

    private static GroupExpiryAction Action(
        CapacityNodeGroupFacts group, string action, string reason, string? successor, string? replacementId, string? replacementName,
        LaunchTemplateSwitch? template, NodeGroupScaling? saved, IReadOnlyList<string> remaining, IReadOnlyList<string> done) =>
        new(group.ClusterId, group.NodeGroupId, group.NodeGroupName, action, reason, successor, replacementId, replacementName, template, saved, remaining, done);

    private static GroupExpiryAction Action(
        CapacityNodeGroupFacts group, string action, string reason, string? successor, string? replacementId, string? replacementName,
        LaunchTemplateSwitch? template, IReadOnlyList<string> remaining, IReadOnlyList<string> done) =>
        Action(group, action, reason, successor, replacementId, replacementName, template, null, remaining, done);

    /// <summary>True when <paramref name="operation"/> changed <paramref name="edit"/>'s list (a refused or already applied one did not).</summary>
    private static bool Affects(QueueEdit edit, QueueOperation operation)
    {
        bool Removed(string id) => edit.Before.Contains(id, StringComparer.Ordinal) && !edit.After.Contains(id, StringComparer.Ordinal);
        bool Added(string id) => !edit.Before.Contains(id, StringComparer.Ordinal) && edit.After.Contains(id, StringComparer.Ordinal);
        return operation.Kind switch
        {
            QueueOperationKinds.Detach => Removed(operation.NodeGroupId),
            QueueOperationKinds.Attach => Added(operation.NodeGroupId),
            _ => Removed(operation.ReplacedNodeGroupId!) || Added(operation.NodeGroupId),
        };
    }

    private static int IndexOf(IReadOnlyList<string> list, string id)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == id)
                return i;
        }
        return -1;
    }

    private static string Describe(CapacityClusterFacts cluster, string nodeGroupId) =>
        cluster.NodeGroups.FirstOrDefault(g => g.NodeGroupId == nodeGroupId)?.Describe() ?? nodeGroupId;
}

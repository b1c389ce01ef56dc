using PcsAutomation.Domain.NodeGroups;

namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>The steps of a group's action, in the order the workflow runs them (<see cref="ExpiryDurations"/>, remarks).</summary>
public static class ExpirySteps
{
    /// <summary>A new version of the group's launch template, its CapacityReservationId set to the successor (guide L3437-3439).</summary>
    public const string CreateLaunchTemplateVersion = "create-launch-template-version";

    /// <summary>UpdateComputeNodeGroup to that version; PCS uses a new version only once the group names it (guide L2661, L3886).</summary>
    public const string UpdateNodeGroupLaunchTemplate = "update-node-group-launch-template";

    /// <summary>UpdateQueue on each queue the group is in, with the queue's complete new list (guide L3758-3781).</summary>
    public const string UpdateQueues = "update-queues";

    /// <summary>min 0 max 0: PCS terminates the instances and Slurm requeues their jobs, before EC2 does it (guide L2668, L3480).</summary>
    public const string ScaleToZero = "scale-to-zero";

    /// <summary>A parked group's saved min and max set back exactly (guide L2433).</summary>
    public const string RestoreScaling = "restore-scaling";
}

/// <summary>The launch template change of a successor-block action: a new version of <see cref="LaunchTemplateId"/> made from <see cref="FromVersion"/> with <see cref="ToReservationId"/>.</summary>
public sealed record LaunchTemplateSwitch(string LaunchTemplateId, string FromVersion, string? FromReservationId, string ToReservationId);

/// <summary>
/// What the expiry does to one group (<see cref="ExpiryActions"/>) and what is left of it: <see cref="Remaining"/>
/// lists the steps still to run (<see cref="ExpirySteps"/>), <see cref="Done"/> those a re-plan found already applied.
/// </summary>
/// <param name="SavedScaling">For a parked group: its scaling before (the stored record's when there is one), what a restore puts back.</param>
public sealed record GroupExpiryAction(
    string ClusterId,
    string NodeGroupId,
    string NodeGroupName,
    string Action,
    string Reason,
    string? SuccessorReservationId,
    string? ReplacementNodeGroupId,
    string? ReplacementNodeGroupName,
    LaunchTemplateSwitch? LaunchTemplate,
    NodeGroupScaling? SavedScaling,
    IReadOnlyList<string> Remaining,
    IReadOnlyList<string> Done)
{
    public bool IsComplete() => Remaining.Count == 0;
}

/// <summary>
/// One cluster's part of the plan, run under that cluster's lease: the group actions, the queue edits still to write
/// (only those that change a list), the records of the groups parked (to store before acting), and the bound of its
/// duration (<see cref="ExpiryDurations.ForCluster"/>).
/// </summary>
public sealed record ClusterExpiryPlan(
    string ClusterId,
    string ClusterName,
    IReadOnlyList<GroupExpiryAction> Groups,
    IReadOnlyList<QueueEdit> QueueEdits,
    IReadOnlyList<ParkedNodeGroup> Parked,
    TimeSpan ExpectedDuration)
{
    public bool IsComplete() => QueueEdits.Count == 0 && Groups.All(g => g.IsComplete());
}

/// <summary>
/// The expiry plan of one block at one moment: the block, its timing, what each cluster does, the findings (rules
/// broken, loud ones marked <see cref="CapacityFinding.NeedsOperator"/>) and notes (states that are not faults).
/// Planning again after some actions ran gives only what is left. Plain data (serialized camelCase by the handlers).
/// </summary>
public sealed record ExpiryPlan(
    string ReservationId,
    string InstanceType,
    string AvailabilityZone,
    int TotalInstanceCount,
    string State,
    ExpiryTiming Timing,
    DateTimeOffset PlannedAt,
    IReadOnlyList<ClusterExpiryPlan> Clusters,
    IReadOnlyList<CapacityFinding> Findings,
    IReadOnlyList<CapacityFinding> Notes)
{
    /// <summary>Every group the plan covers: a re-plan asks for exactly these (a group moved to its successor no longer names this block).</summary>
    public IReadOnlyList<string> NodeGroupIds => Clusters.SelectMany(c => c.Groups.Select(g => g.NodeGroupId)).ToList();

    public bool IsComplete() => Clusters.All(c => c.IsComplete());

    public bool NeedsOperator() => Findings.Any(f => f.NeedsOperator);
}

/// <summary>
/// What the planner reads. <see cref="NodeGroupIds"/>: the groups of the first plan (null on the first plan: the
/// groups using the block now). <see cref="Parked"/>: the records stored by earlier runs (they win over what is read).
/// </summary>
public sealed record ExpiryPlanInput(
    CapacityReservationFacts Block,
    IReadOnlyList<CapacityClusterFacts> Clusters,
    IReadOnlyList<LaunchTemplateTarget> Templates,
    IReadOnlyList<CapacityReservationFacts> Reservations,
    IReadOnlyList<ReservationInstance> Instances,
    IReadOnlyList<string>? NodeGroupIds,
    IReadOnlyList<ParkedNodeGroup> Parked,
    DateTimeOffset Now,
    CapacityBlockExpiryOptions Options);

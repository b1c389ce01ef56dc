using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Domain.NodeGroups;

namespace PcsAutomation.Functions.Workflows;

/// <summary>A cluster's lease item as read from the table.</summary>
/// <param name="Owner">The execution ARN holding (or, once released, last holding) the lease.</param>
/// <param name="Workflow">The workflow of that execution (<c>WorkflowKind.Name</c>).</param>
/// <param name="ExpiresAt">After this second another execution may take the lease over.</param>
/// <param name="SavedScaling">The node groups' scaling before the scale-down, once saved: the one record of the real values while groups are at 0/0.</param>
/// <param name="RestoredAt">When a restore of <paramref name="SavedScaling"/> was verified; until then the saved scaling outlives the lease.</param>
/// <param name="TaskToken">The token a <c>.waitForTaskToken</c> step waits on, while it waits (the rotation's event router reads it).</param>
/// <param name="SavedChanges">The node groups an AMI roll-out changed, each with the image settings it had before: what a rollback restores.</param>
internal sealed record ClusterLease(
    string ClusterId,
    string Owner,
    string Workflow,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<NodeGroupScaling>? SavedScaling,
    DateTimeOffset? RestoredAt = null,
    string? TaskToken = null,
    IReadOnlyList<NodeGroupChange>? SavedChanges = null)
{
    public bool IsExpired(DateTimeOffset now) => ExpiresAt.ToUnixTimeSeconds() < now.ToUnixTimeSeconds();

    /// <summary>Saved scaling whose restore nobody has verified yet: groups may still be at 0/0.</summary>
    public IReadOnlyList<NodeGroupScaling>? UnrestoredScaling => RestoredAt is null ? SavedScaling : null;
}

/// <summary>How <see cref="ClusterLeaseTable.AcquireAsync"/> got the lease.</summary>
/// <param name="TakenOverFrom">The execution whose expired (or released) lease was taken over, if any.</param>
/// <param name="InheritedScaling">Saved scaling nobody restored yet, now this execution's to restore.</param>
internal sealed record LeaseAcquisition(DateTimeOffset ExpiresAt, string? TakenOverFrom, IReadOnlyList<NodeGroupScaling>? InheritedScaling);

/// <summary>What <see cref="ClusterLeaseTable.ReleaseAsync"/> did.</summary>
/// <param name="Released">False only when another execution holds the lease (it is left alone).</param>
/// <param name="SavedScalingKept">True when the item stays because its saved scaling was never verified as restored: the next workflow to take the lease restores it.</param>
internal sealed record LeaseRelease(bool Released, bool SavedScalingKept);

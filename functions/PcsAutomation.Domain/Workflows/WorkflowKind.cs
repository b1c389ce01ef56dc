namespace PcsAutomation.Domain.Workflows;

/// <summary>
/// A workflow that takes a cluster's lease. <see cref="Name"/> is recorded in the lease (so an operator sees which
/// workflow holds a cluster) and <see cref="ExecutionPrefix"/> starts its Step Functions execution names. There is one
/// lease per cluster across all workflows: a rotation and an AMI roll-out never overlap.
/// </summary>
public sealed record WorkflowKind(string Name, string ExecutionPrefix)
{
    public static readonly WorkflowKind ClusterSecretRotation = new("cluster-secret-rotation", "rotate");

    /// <summary>The AMI roll-out across a cluster's compute node groups (canary, batches, verification, rollback).</summary>
    public static readonly WorkflowKind NodeGroupUpdate = new("node-group-update", "update");

    /// <summary>A Capacity Block's expiry: each group using it moves to a successor, fails over or winds down before EC2 terminates its instances.</summary>
    public static readonly WorkflowKind CapacityBlockExpiry = new("capacity-block-expiry", "expire");

    /// <summary>Every workflow this build knows, for input checks.</summary>
    public static IReadOnlyList<WorkflowKind> All { get; } = [ClusterSecretRotation, NodeGroupUpdate, CapacityBlockExpiry];

    /// <summary>The workflow named <paramref name="name"/>; null when this build knows none by that name.</summary>
    public static WorkflowKind? Find(string? name) => All.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.Ordinal));
}

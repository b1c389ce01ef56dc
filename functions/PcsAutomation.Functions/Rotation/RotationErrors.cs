using PcsAutomation.Functions.Workflows;

namespace PcsAutomation.Functions.Rotation;

// Error names are the contract with statemachines/cluster-secret-rotation.asl.json (see WorkflowError).
#pragma warning disable CA1710 // the type name is the state machine's error name

/// <summary>The cluster's status forbids a rotation now (see <c>ClusterStatusPolicy</c>); the message names the status.</summary>
public sealed class ClusterStateForbidsRotation : WorkflowError
{
    public ClusterStateForbidsRotation(string message) : base(message) { }

    public ClusterStateForbidsRotation() { }

    public ClusterStateForbidsRotation(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>The secret is not the cluster's own Slurm secret (name <c>pcs!slurm-secret-&lt;clusterId&gt;</c>, tag <c>aws:pcs:cluster-id</c>).</summary>
public sealed class SecretNotClusters : WorkflowError
{
    public SecretNotClusters(string message) : base(message) { }

    public SecretNotClusters() { }

    public SecretNotClusters(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>The secret has an <c>AWSPENDING</c> version: a previous rotation did not finish and needs an operator.</summary>
public sealed class RotationUnfinished : WorkflowError
{
    public RotationUnfinished(string message) : base(message) { }

    public RotationUnfinished() { }

    public RotationUnfinished(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>
/// Strict verification only: Secrets Manager reports the rotation done, but the cluster does not report the new secret
/// version (without strict mode that is the outcome "rotated, not confirmed by the cluster").
/// </summary>
public sealed class RotationNotVerified : WorkflowError
{
    public RotationNotVerified(string message) : base(message) { }

    public RotationNotVerified() { }

    public RotationNotVerified(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>
/// The expiry of a Capacity Block the cluster's node groups use acts within the rotation's expected duration plus the
/// margin (<c>LeasePriority.Deferral</c>): an expiry cannot wait for the lease, a rotation can. The message names the block,
/// its end and when its expiry acts; nothing was taken or changed.
/// </summary>
public sealed class RotationDeferred : WorkflowError
{
    public RotationDeferred(string message) : base(message) { }

    public RotationDeferred() { }

    public RotationDeferred(string message, Exception innerException) : base(message, innerException) { }
}

#pragma warning restore CA1710

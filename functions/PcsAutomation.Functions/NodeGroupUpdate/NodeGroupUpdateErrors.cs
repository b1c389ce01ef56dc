using PcsAutomation.Functions.Workflows;

namespace PcsAutomation.Functions.NodeGroupUpdate;

// Error names are the contract with the roll-out's state machine (see WorkflowError).
#pragma warning disable CA1710 // the type name is the state machine's error name

/// <summary>The target AMI fails the compatibility pre-flight (Slurm version, architecture, image state, managed template) or no image is known; the message lists every refusal with its guide lines.</summary>
public sealed class TargetIncompatible : WorkflowError
{
    public TargetIncompatible(string message) : base(message) { }

    public TargetIncompatible() { }

    public TargetIncompatible(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>The cluster's or the target AMI's Slurm version is past its PCS end of life (guide L6441-6454), or unknown.</summary>
public sealed class TargetEndOfLife : WorkflowError
{
    public TargetEndOfLife(string message) : base(message) { }

    public TargetEndOfLife() { }

    public TargetEndOfLife(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary><c>nodeGroups</c> (or the canary) names a node group the cluster does not have; the message lists the cluster's groups.</summary>
public sealed class UnknownNodeGroup : WorkflowError
{
    public UnknownNodeGroup(string message) : base(message) { }

    public UnknownNodeGroup() { }

    public UnknownNodeGroup(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>The canary given is not among the groups the roll-out updates (already on the target, or not selected).</summary>
public sealed class CanaryNotUpdated : WorkflowError
{
    public CanaryNotUpdated(string message) : base(message) { }

    public CanaryNotUpdated() { }

    public CanaryNotUpdated(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>The cluster or a group to update is not ACTIVE (PCS takes one change at a time, guide L1984-1989).</summary>
public sealed class NodeGroupNotReady : WorkflowError
{
    public NodeGroupNotReady(string message) : base(message) { }

    public NodeGroupNotReady() { }

    public NodeGroupNotReady(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>PCS ended the group's update in UPDATE_FAILED; the message quotes its errorInfo.</summary>
public sealed class NodeGroupUpdateFailed : WorkflowError
{
    public NodeGroupUpdateFailed(string message) : base(message) { }

    public NodeGroupUpdateFailed() { }

    public NodeGroupUpdateFailed(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>Instances on the new image failed to register or ended early (guide L11100-11108, L11253-11256): roll back.</summary>
public sealed class NodeGroupUnhealthy : WorkflowError
{
    public NodeGroupUnhealthy(string message) : base(message) { }

    public NodeGroupUnhealthy() { }

    public NodeGroupUnhealthy(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>Running instances still report the old image when the verification's bound has passed; the message names them.</summary>
public sealed class ReplacementNotVerified : WorkflowError
{
    public ReplacementNotVerified(string message) : base(message) { }

    public ReplacementNotVerified() { }

    public ReplacementNotVerified(string message, Exception innerException) : base(message, innerException) { }
}

#pragma warning restore CA1710

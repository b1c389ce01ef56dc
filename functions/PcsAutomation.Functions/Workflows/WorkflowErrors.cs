namespace PcsAutomation.Functions.Workflows;

// The ASL Catch/Retry match the Lambda errorType, which is the exception's simple type name (LambdaError.FromException):
// these names are the contract with statemachines/*.asl.json, so they carry no "Exception" suffix.
#pragma warning disable CA1710 // the type name is the state machine's error name

/// <summary>
/// The base of every error a workflow step raises on purpose, for the state machine to branch on. Its message names
/// what is wrong (field, cluster, node group, lease holder) and never carries a secret value.
/// </summary>
public abstract class WorkflowError : Exception
{
    protected WorkflowError(string message)
        : base(message)
    {
    }

    protected WorkflowError()
    {
    }

    protected WorkflowError(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The step's input is missing a field or holds a malformed one; the message starts with the field's name.</summary>
public sealed class InvalidWorkflowInput : WorkflowError
{
    public InvalidWorkflowInput(string message) : base(message) { }

    public InvalidWorkflowInput() { }

    public InvalidWorkflowInput(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>The cluster does not carry the managed tag (<c>pcs-automation:managed=true</c> by default): nothing is done to it.</summary>
public sealed class ClusterNotManaged : WorkflowError
{
    public ClusterNotManaged(string message) : base(message) { }

    public ClusterNotManaged() { }

    public ClusterNotManaged(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>Another execution holds the cluster's lease; the message names the holder, its workflow and when its lease expires.</summary>
public sealed class LeaseHeld : WorkflowError
{
    public LeaseHeld(string message) : base(message) { }

    public LeaseHeld() { }

    public LeaseHeld(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>This execution no longer owns the cluster's lease (expired and taken over, or deleted).</summary>
public sealed class LeaseLost : WorkflowError
{
    public LeaseLost(string message) : base(message) { }

    public LeaseLost() { }

    public LeaseLost(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>A node group named in the saved scaling no longer exists in the cluster.</summary>
public sealed class NodeGroupNotFound : WorkflowError
{
    public NodeGroupNotFound(string message) : base(message) { }

    public NodeGroupNotFound() { }

    public NodeGroupNotFound(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>An AWS call still failed transiently (throttling, 5xx, timeout) after the client's own retries; the state machine retries the step.</summary>
public sealed class TransientAwsError : WorkflowError
{
    public TransientAwsError(string message) : base(message) { }

    public TransientAwsError() { }

    public TransientAwsError(string message, Exception innerException) : base(message, innerException) { }
}

#pragma warning restore CA1710

namespace PcsAutomation.Functions.Rotation;

// The ASL Catch/Retry match the Lambda errorType, which is the exception's simple type name (LambdaError.FromException):
// these names are the contract with statemachines/cluster-secret-rotation.asl.json, so they carry no "Exception" suffix.
#pragma warning disable CA1710 // the type name is the state machine's error name

/// <summary>The handler's input is missing a field or holds a malformed one; the message names the field. Never carries a secret value.</summary>
public sealed class InvalidRotationInput : Exception
{
    public InvalidRotationInput(string message)
        : base(message)
    {
    }

    public InvalidRotationInput()
    {
    }

    public InvalidRotationInput(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The cluster does not carry the managed tag (<c>pcs-automation:managed=true</c> by default): nothing is done to it. Never carries a secret value.</summary>
public sealed class ClusterNotManaged : Exception
{
    public ClusterNotManaged(string message)
        : base(message)
    {
    }

    public ClusterNotManaged()
    {
    }

    public ClusterNotManaged(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The cluster's status forbids a rotation now (see <c>ClusterStatusPolicy</c>); the message names the status. Never carries a secret value.</summary>
public sealed class ClusterStateForbidsRotation : Exception
{
    public ClusterStateForbidsRotation(string message)
        : base(message)
    {
    }

    public ClusterStateForbidsRotation()
    {
    }

    public ClusterStateForbidsRotation(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The secret is not the cluster's own Slurm secret (name <c>pcs!slurm-secret-&lt;clusterId&gt;</c>, tag <c>aws:pcs:cluster-id</c>). Never carries a secret value.</summary>
public sealed class SecretNotClusters : Exception
{
    public SecretNotClusters(string message)
        : base(message)
    {
    }

    public SecretNotClusters()
    {
    }

    public SecretNotClusters(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The secret has an <c>AWSPENDING</c> version: a previous rotation did not finish and needs an operator. Never carries a secret value.</summary>
public sealed class RotationUnfinished : Exception
{
    public RotationUnfinished(string message)
        : base(message)
    {
    }

    public RotationUnfinished()
    {
    }

    public RotationUnfinished(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Another execution holds the cluster's lease; the message names the holder and when its lease expires. Never carries a secret value.</summary>
public sealed class LeaseHeld : Exception
{
    public LeaseHeld(string message)
        : base(message)
    {
    }

    public LeaseHeld()
    {
    }

    public LeaseHeld(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>This execution no longer owns the cluster's lease (expired and taken over, or deleted). Never carries a secret value.</summary>
public sealed class LeaseLost : Exception
{
    public LeaseLost(string message)
        : base(message)
    {
    }

    public LeaseLost()
    {
    }

    public LeaseLost(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Secrets Manager reports the rotation done, but the cluster does not use the new secret version. Never carries a secret value.</summary>
public sealed class RotationNotVerified : Exception
{
    public RotationNotVerified(string message)
        : base(message)
    {
    }

    public RotationNotVerified()
    {
    }

    public RotationNotVerified(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>A node group named in the plan or the saved scaling no longer exists in the cluster. Never carries a secret value.</summary>
public sealed class NodeGroupNotFound : Exception
{
    public NodeGroupNotFound(string message)
        : base(message)
    {
    }

    public NodeGroupNotFound()
    {
    }

    public NodeGroupNotFound(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>An AWS call still failed transiently (throttling, 5xx, timeout) after the client's own retries; the state machine retries the step. Never carries a secret value.</summary>
public sealed class TransientAwsError : Exception
{
    public TransientAwsError(string message)
        : base(message)
    {
    }

    public TransientAwsError()
    {
    }

    public TransientAwsError(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

#pragma warning restore CA1710

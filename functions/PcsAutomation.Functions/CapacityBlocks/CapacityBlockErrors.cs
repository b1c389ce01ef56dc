using PcsAutomation.Functions.Workflows;

namespace PcsAutomation.Functions.CapacityBlocks;

// Error names are the contract with the expiry's state machine (see WorkflowError).
#pragma warning disable CA1710 // the type name is the state machine's error name

/// <summary>
/// A launch template version a successor switch (or a restore onto a block) starts from no longer exists: checked before
/// the cluster's first change, so nothing was changed; the message names the group, the template and the version.
/// </summary>
public sealed class LaunchTemplateMissing : WorkflowError
{
    public LaunchTemplateMissing(string message) : base(message) { }

    public LaunchTemplateMissing() { }

    public LaunchTemplateMissing(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>Another workflow still holds the cluster's lease at the expiry's latest start (LeasePriority.ExpiryWait); the message names the holder.</summary>
public sealed class ExpiryLeaseNotFree : WorkflowError
{
    public ExpiryLeaseNotFree(string message) : base(message) { }

    public ExpiryLeaseNotFree() { }

    public ExpiryLeaseNotFree(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>PCS could not apply one of the expiry's changes (a group or queue UPDATE_FAILED, a queue deleted or left empty by someone else meanwhile).</summary>
public sealed class CapacityBlockChangeFailed : WorkflowError
{
    public CapacityBlockChangeFailed(string message) : base(message) { }

    public CapacityBlockChangeFailed() { }

    public CapacityBlockChangeFailed(string message, Exception innerException) : base(message, innerException) { }
}

#pragma warning restore CA1710

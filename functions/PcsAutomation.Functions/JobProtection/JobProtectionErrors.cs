using PcsAutomation.Functions.Workflows;

namespace PcsAutomation.Functions.JobProtection;

#pragma warning disable CA1710 // the type name is the state machine's error name (WorkflowErrors.cs)

/// <summary>The cluster signs Slurm REST tokens with a secret that is not a PCS cluster secret: the functions may not read it (template IAM scope).</summary>
public sealed class SlurmKeyOutsideScope : WorkflowError
{
    public SlurmKeyOutsideScope(string message) : base(message) { }

    public SlurmKeyOutsideScope() { }

    public SlurmKeyOutsideScope(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>slurmrestd failed while the workflow protected jobs (reservation, drain, the wait): nothing was scaled; the workflow stops and reports.</summary>
public sealed class JobProtectionFailed : WorkflowError
{
    public JobProtectionFailed(string message) : base(message) { }

    public JobProtectionFailed() { }

    public JobProtectionFailed(string message, Exception innerException) : base(message, innerException) { }
}

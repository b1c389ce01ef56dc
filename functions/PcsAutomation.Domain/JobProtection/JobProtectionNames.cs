using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Domain.JobProtection;

/// <summary>
/// The names the workflows leave in Slurm, each derived from an execution name (<see cref="ExecutionNames"/>: 1-80
/// characters of <c>[A-Za-z0-9-_]</c>, naming the workflow, the cluster or block, and the window), so a retried step
/// finds what an earlier attempt created, the step that removes it knows it without a record, and an operator reading
/// <c>scontrol show reservation</c> or a node's reason knows which execution to look at.
/// </summary>
public static class JobProtectionNames
{
    /// <summary>Every reservation and drain reason of the automation starts with it: what a cleanup may touch, and nothing else.</summary>
    public const string Prefix = "pcs-automation-";

    /// <summary>
    /// <c>pcs-automation-&lt;execution name&gt;</c>: letters, digits, <c>-</c> and <c>_</c> only, at most 95 characters.
    /// Slurm documents no character set for reservation names (scontrol(1): names are case-sensitive); this subset needs
    /// no quoting in scontrol, JSON or a URL path (the REST API deletes a reservation by name).
    /// </summary>
    public static string Reservation(string executionName) => Prefix + Checked(executionName);

    /// <summary>The reservation a scheduled rotation's notice creates and the rotation of that window deletes: named after the rotation's execution.</summary>
    public static string RotationReservation(string clusterId, DateTimeOffset windowOpensAt) =>
        Reservation(ExecutionNames.ForWindow(WorkflowKind.ClusterSecretRotation, clusterId, windowOpensAt));

    /// <summary>The reservation of a Capacity Block's expiry, in each cluster that uses it: named after the expiry's execution.</summary>
    public static string CapacityBlockReservation(string reservationId, DateTimeOffset endDate) =>
        Reservation(ExecutionNames.ForCapacityBlock(WorkflowKind.CapacityBlockExpiry, reservationId, endDate));

    /// <summary>
    /// The reason a drained node shows (<c>sinfo -R</c>): <c>pcs-automation-&lt;execution name&gt; (&lt;workflow&gt;)</c>,
    /// naming the execution and the workflow.
    /// </summary>
    public static string DrainReason(WorkflowKind workflow, string executionName)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        return $"{Prefix}{Checked(executionName)} ({workflow.Name})";
    }

    /// <summary>
    /// A node may be resumed by this execution only when its reason is exactly the one it set: a node an administrator
    /// (or another execution) drained stays drained.
    /// </summary>
    public static bool IsOwnDrain(string? nodeReason, WorkflowKind workflow, string executionName) =>
        string.Equals(nodeReason, DrainReason(workflow, executionName), StringComparison.Ordinal);

    /// <summary>A reservation or drain reason the automation created (any execution), for reports and cleanups.</summary>
    public static bool IsAutomation(string? nameOrReason) => nameOrReason?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    private static string Checked(string executionName)
    {
        ArgumentException.ThrowIfNullOrEmpty(executionName);
        if (executionName.Length > ExecutionNames.MaxLength)
            throw new ArgumentException($"execution name '{executionName}' is {executionName.Length} characters long, the maximum is {ExecutionNames.MaxLength}", nameof(executionName));
        foreach (var c in executionName)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                throw new ArgumentException($"execution name '{executionName}' has '{c}' (U+{(int)c:X4}): only letters, digits, '-' and '_' are used in Slurm names", nameof(executionName));
        }
        return executionName;
    }
}

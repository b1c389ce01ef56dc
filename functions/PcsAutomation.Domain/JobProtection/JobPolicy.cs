namespace PcsAutomation.Domain.JobProtection;

/// <summary>What a workflow does about the Slurm jobs running on the nodes it needs (tag <c>pcs-automation:job-policy</c>).</summary>
public enum JobPolicy
{
    /// <summary>
    /// A Slurm MAINT reservation over the nodes for the maintenance window, created when the window is announced, so
    /// that no job starts that would still run when it opens (Slurm starts a job only when its time limit ends before a
    /// reservation on its nodes: https://slurm.schedmd.com/reservations.html); at the window's start, a bounded wait for
    /// the jobs that were already running. Needs the Slurm REST API (guide L6705-6709).
    /// </summary>
    Reserve,

    /// <summary>Drain the nodes at the window's start (running jobs go on, no new job starts there), then a bounded wait. Needs the Slurm REST API.</summary>
    Drain,

    /// <summary>
    /// No wait (what the workflows did before issue 12): lowering a group's max terminates its nodes and the jobs on them
    /// fail and go back to their queues (guide L2668).
    /// </summary>
    Requeue,
}

/// <summary>What a workflow does when jobs still run once the wait's timeout has passed (tag <c>pcs-automation:job-policy-on-timeout</c>).</summary>
public enum JobPolicyTimeoutAction
{
    /// <summary>Go on: the jobs still running are ended and requeued (guide L2668), or left to PCS for a roll-out (L2667).</summary>
    Proceed,

    /// <summary>Stop the workflow before it changes anything: everything is restored (reservation removed, nodes resumed) and reported.</summary>
    Abort,
}

/// <summary>The tag values, as written in tags and plans (lower case; tags are read in any case).</summary>
public static class JobPolicyValues
{
    public const string Reserve = "reserve";
    public const string Drain = "drain";
    public const string Requeue = "requeue";
    public const string Proceed = "proceed";
    public const string Abort = "abort";

    public static string Text(this JobPolicy policy) => policy switch
    {
        JobPolicy.Reserve => Reserve,
        JobPolicy.Drain => Drain,
        JobPolicy.Requeue => Requeue,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "not a job policy"),
    };

    public static string Text(this JobPolicyTimeoutAction action) => action switch
    {
        JobPolicyTimeoutAction.Proceed => Proceed,
        JobPolicyTimeoutAction.Abort => Abort,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "not a timeout action"),
    };
}

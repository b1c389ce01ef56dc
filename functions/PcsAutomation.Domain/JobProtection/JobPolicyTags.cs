using PcsAutomation.Domain.Configuration;
using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Domain.JobProtection;

/// <summary>A job policy tag whose value is not used as written: the tag, its value, and what applies instead.</summary>
public sealed record JobPolicyTagProblem(string TagKey, string Value, string Message)
{
    public override string ToString() => Message;
}

/// <summary>
/// A cluster's job policy for one workflow, from its tags. <see cref="Policy"/> is what the tags ask for; whether the
/// cluster can have it is <see cref="SlurmRestUsability"/>'s decision (<c>reserve</c> and <c>drain</c> need the REST API).
/// </summary>
/// <param name="PolicyTagged">The policy comes from a valid <c>pcs-automation:job-policy</c> tag (not the default).</param>
/// <param name="Notes">Settings the workflow cannot follow as tagged (an expiry cannot abort), in words.</param>
public sealed record JobPolicySettings(
    JobPolicy Policy,
    bool PolicyTagged,
    TimeSpan Timeout,
    JobPolicyTimeoutAction OnTimeout,
    IReadOnlyList<JobPolicyTagProblem> Problems,
    IReadOnlyList<string> Notes);

/// <summary>
/// Reads <c>pcs-automation:job-policy</c>, <c>pcs-automation:job-policy-timeout</c> and
/// <c>pcs-automation:job-policy-on-timeout</c>. Values in any case, not trimmed (like <c>pcs-automation:ami-update</c>).
/// A bad value never stops a workflow and never falls back to the policy that ends jobs: it is a
/// <see cref="JobPolicyTagProblem"/> naming the tag and quoting the value, and the stated fallback applies: the default
/// policy (<c>reserve</c>: the tag shows the operator wants jobs protected), the default timeout (a well-formed value
/// out of bounds takes the nearest bound), the workflow's default timeout action.
/// </summary>
public static class JobPolicyTags
{
    /// <summary>When no tag says otherwise.</summary>
    public const JobPolicy DefaultPolicy = JobPolicy.Reserve;

    /// <summary>
    /// The action on timeout when no tag says otherwise, per workflow (the safer one for each):
    /// <list type="bullet">
    /// <item>rotation: <c>abort</c>. A rotation is routine (max age, next window) and its scale-down would end every job
    /// still running; aborting restores everything, reports, and the next window tries again. An urgent rotation
    /// (a leaked key) is run on demand with the tag set to <c>proceed</c>.</item>
    /// <item>AMI roll-out: <c>proceed</c>. PCS replaces an instance only once its jobs end (guide L2667): going on
    /// ends no job, it only stops waiting for the drain; aborting would roll the roll-out back for nothing.</item>
    /// <item>Capacity Block expiry: <c>proceed</c>, always (<see cref="CanAbort"/>): EC2 terminates the block's
    /// instances at its time whatever the workflow does (capacity-blocks-using.html); aborting would only leave the
    /// queues on nodes about to vanish.</item>
    /// </list>
    /// </summary>
    public static JobPolicyTimeoutAction DefaultOnTimeout(WorkflowKind workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        return workflow == WorkflowKind.ClusterSecretRotation ? JobPolicyTimeoutAction.Abort : JobPolicyTimeoutAction.Proceed;
    }

    /// <summary>False for the Capacity Block expiry: the end of a block is not the workflow's to put off.</summary>
    public static bool CanAbort(WorkflowKind workflow) => workflow != WorkflowKind.CapacityBlockExpiry;

    public static JobPolicySettings Read(IReadOnlyDictionary<string, string> tags, WorkflowKind workflow)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(workflow);
        var problems = new List<JobPolicyTagProblem>();
        var notes = new List<string>();

        var policy = DefaultPolicy;
        var tagged = false;
        if (tags.TryGetValue(TagKeys.JobPolicy, out var policyText))
        {
            if (ParsePolicy(policyText) is { } parsed)
                (policy, tagged) = (parsed, true);
            else
                problems.Add(Problem(TagKeys.JobPolicy, policyText,
                    $"is not {JobPolicyValues.Reserve}, {JobPolicyValues.Drain} or {JobPolicyValues.Requeue}: {DefaultPolicy.Text()} applies (the default; jobs are never requeued on a typo)"));
        }

        var timeout = JobWaitTimeout.Default;
        if (tags.TryGetValue(TagKeys.JobPolicyTimeout, out var timeoutText))
        {
            var (value, problem) = JobWaitTimeout.Read(timeoutText);
            timeout = value ?? JobWaitTimeout.Default;
            if (problem is not null)
                problems.Add(Problem(TagKeys.JobPolicyTimeout, timeoutText,
                    value is null ? $"{problem}: {JobWaitTimeout.Format(JobWaitTimeout.Default)} applies (the default)" : problem));
        }

        var onTimeout = DefaultOnTimeout(workflow);
        if (tags.TryGetValue(TagKeys.JobPolicyOnTimeout, out var actionText))
        {
            if (ParseAction(actionText) is { } action)
                onTimeout = action;
            else
                problems.Add(Problem(TagKeys.JobPolicyOnTimeout, actionText,
                    $"is not {JobPolicyValues.Proceed} or {JobPolicyValues.Abort}: {onTimeout.Text()} applies (the {workflow.Name} default)"));
        }
        if (onTimeout == JobPolicyTimeoutAction.Abort && !CanAbort(workflow))
        {
            notes.Add($"{TagKeys.JobPolicyOnTimeout}={JobPolicyValues.Abort} does not apply to a {workflow.Name}: EC2 terminates the block's instances at its time whatever the workflow does, so it proceeds");
            onTimeout = JobPolicyTimeoutAction.Proceed;
        }

        return new JobPolicySettings(policy, tagged, timeout, onTimeout, problems, notes);
    }

    private static JobPolicy? ParsePolicy(string text) =>
        Is(text, JobPolicyValues.Reserve) ? JobPolicy.Reserve
        : Is(text, JobPolicyValues.Drain) ? JobPolicy.Drain
        : Is(text, JobPolicyValues.Requeue) ? JobPolicy.Requeue
        : (JobPolicy?)null;

    private static JobPolicyTimeoutAction? ParseAction(string text) =>
        Is(text, JobPolicyValues.Proceed) ? JobPolicyTimeoutAction.Proceed
        : Is(text, JobPolicyValues.Abort) ? JobPolicyTimeoutAction.Abort
        : (JobPolicyTimeoutAction?)null;

    private static bool Is(string text, string value) => string.Equals(text, value, StringComparison.OrdinalIgnoreCase);

    private static JobPolicyTagProblem Problem(string tagKey, string value, string what) => new(tagKey, value, $"{tagKey} '{Clip(value)}' {what}");

    // Tag values reach plans and notifications: a long one is cut so the message stays readable.
    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "...";
}

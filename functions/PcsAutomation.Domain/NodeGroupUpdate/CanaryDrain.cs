using PcsAutomation.Domain.Configuration;
using PcsAutomation.Domain.JobProtection;
using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Domain.NodeGroupUpdate;

/// <summary>A job Slurm runs and the nodes it holds (a hostlist expression, <see cref="SlurmNodeNames.Expand"/>).</summary>
public sealed record PlacedJob(RunningJob Job, string? Nodes);

/// <summary>What the roll-out's job protection is planned from (the caller reads tags, slurmrestd and the clock).</summary>
/// <param name="Canary">The canary group's name; null when the roll-out has nothing to update.</param>
/// <param name="Jobs">Every job running on the cluster now; the ones on the canary's nodes are picked here.</param>
/// <param name="VerificationBound">How long the canary's verification waits from its update (<see cref="ReplacementVerification.DefaultMaxWait"/>).</param>
public sealed record CanaryDrainInput(
    string ExecutionName, string? Canary, JobPolicySettings Settings, EffectiveJobPolicy Policy, IReadOnlyList<PlacedJob> Jobs, DateTimeOffset Now, TimeSpan VerificationBound);

/// <summary>
/// An AMI roll-out's job protection (issue 12: "drain a canary group's nodes so that replacement happens sooner"). PCS
/// replaces an updated group's node only once its jobs end (guide L2667), and Slurm keeps starting jobs on it meanwhile;
/// under <c>drain</c> (and <c>reserve</c>, which drains for a roll-out: <see cref="JobProtectionPlanner"/>) the canary's
/// nodes are drained once its update is applied, so each is replaced as soon as the jobs already there end, and resumed
/// once the canary is verified or has failed.
/// <para>
/// Only the canary: it is the gate the whole roll-out waits on, one group at a time; draining the other groups would
/// take up to <c>batchSize</c> groups out of Slurm at once, across the cluster, for a speed-up nothing waits for (each
/// of them is replaced as its jobs end, within the same verification bound).
/// </para>
/// <para>
/// The drain is bounded by the canary's verification (<see cref="JobProtectionWindow.ForRollout"/>): it lasts until
/// the canary is verified, at most <see cref="CanaryDrainInput.VerificationBound"/> after its update; a node still busy
/// then fails the canary and the roll-out rolls back (the jobs run on). So <c>pcs-automation:job-policy-timeout</c> and
/// <c>-on-timeout</c> do not apply to a roll-out; the plan says so when they are set.
/// </para>
/// </summary>
public static class CanaryDrain
{
    public static JobProtectionPlan? Plan(CanaryDrainInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Settings);
        ArgumentNullException.ThrowIfNull(input.Jobs);
        if (input.Canary is not { } canary)
            return null;
        var window = JobProtectionWindow.ForRollout(input.Now, input.VerificationBound);
        return JobProtectionPlanner.Plan(new JobProtectionInput(
            WorkflowKind.NodeGroupUpdate, input.ExecutionName, Settings(input.Settings, input.VerificationBound), input.Policy, window,
            JobsOn(canary, input.Jobs), input.Now, [canary]));
    }

    /// <summary>
    /// The settings a roll-out follows: the tagged policy; the wait is the verification bound and the jobs still running
    /// at its end keep running (guide L2667). Tagged timeout values are not used, and the plan says so instead of
    /// quoting a fallback that does not apply either.
    /// </summary>
    public static JobPolicySettings Settings(JobPolicySettings tagged, TimeSpan verificationBound)
    {
        ArgumentNullException.ThrowIfNull(tagged);
        var timeoutTags = new[] { TagKeys.JobPolicyTimeout, TagKeys.JobPolicyOnTimeout };
        var ignored = tagged.Problems.Where(p => timeoutTags.Contains(p.TagKey, StringComparer.Ordinal)).ToList();
        var notes = tagged.Notes.ToList();
        if (ignored.Count > 0 || tagged.Timeout != JobWaitTimeout.Default || tagged.OnTimeout != JobPolicyTimeoutAction.Proceed)
            notes.Add($"{TagKeys.JobPolicyTimeout} and {TagKeys.JobPolicyOnTimeout} do not apply to a roll-out: the canary stays drained until it is verified, at most {JobWaitTimeout.Format(verificationBound)} after its update");
        return tagged with
        {
            Timeout = verificationBound,
            OnTimeout = JobPolicyTimeoutAction.Proceed,
            Problems = [.. tagged.Problems.Except(ignored)],
            Notes = notes,
        };
    }

    /// <summary>The jobs holding a node of <paramref name="nodeGroupName"/> (guide L997: its nodes are <c>&lt;group&gt;-&lt;n&gt;</c>).</summary>
    public static IReadOnlyList<RunningJob> JobsOn(string nodeGroupName, IReadOnlyList<PlacedJob> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        return [.. jobs.Where(j => SlurmNodeNames.AnyOfGroups(j.Nodes, [nodeGroupName])).Select(j => j.Job)];
    }

    /// <summary>The nodes to drain: the canary's, not drained already (a node someone else drained keeps its reason and stays drained).</summary>
    public static IReadOnlyList<string> NodesToDrain(string nodeGroupName, IEnumerable<(string Name, bool Drained)> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        return [.. nodes.Where(n => !n.Drained && SlurmNodeNames.IsOfGroups(n.Name, [nodeGroupName])).Select(n => n.Name).Order(StringComparer.Ordinal)];
    }
}

using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Domain.JobProtection;

/// <summary>What a workflow does at the window's start about the jobs on its nodes.</summary>
public enum JobWaitOutcome
{
    /// <summary>No job runs on the nodes: go on.</summary>
    Ready,

    /// <summary>Jobs still run and the wait has time left: look again by <see cref="JobWaitDecision.Until"/>.</summary>
    Wait,

    /// <summary>Jobs still run and the wait is over: <see cref="JobWaitDecision.OnTimeout"/> says what follows.</summary>
    TimedOut,

    /// <summary><c>requeue</c>: there is no wait; the jobs still running end with their nodes (guide L2668).</summary>
    NoWait,
}

/// <param name="Until">Wait: when to look again at the latest (the last expected end, or the wait's end when sooner or when an end is unknown). Jobs often end before their time limit: the caller may look sooner (PollingBackoff).</param>
/// <param name="Deadline">The wait's end: start + timeout, or the cap when sooner.</param>
/// <param name="OnTimeout">TimedOut only: proceed or abort.</param>
/// <param name="Running">The jobs still running, as given.</param>
public sealed record JobWaitDecision(
    JobWaitOutcome Outcome, string Reason, DateTimeOffset Deadline, DateTimeOffset? Until, JobPolicyTimeoutAction? OnTimeout, IReadOnlyList<RunningJob> Running);

/// <summary>
/// The bounded wait of <c>reserve</c> and <c>drain</c> (issue 12: "at window start wait, bounded, for running jobs to
/// finish"): ready when no job runs on the nodes; else wait, never past the window's <see cref="JobProtectionWindow.WaitDeadline"/>;
/// then the timeout action. Called again at every look with the jobs read then: it keeps no state.
/// </summary>
public static class JobWait
{
    /// <param name="running">The jobs running now on the nodes concerned (the caller filters by node).</param>
    public static JobWaitDecision Decide(
        WorkflowKind workflow, JobPolicy effective, JobPolicySettings settings, JobProtectionWindow window, IReadOnlyList<RunningJob> running, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(running);
        var deadline = window.WaitDeadline(settings.Timeout);
        var jobs = running.OrderBy(j => j.ExpectedEnd ?? DateTimeOffset.MaxValue).ThenBy(j => j.JobId, StringComparer.Ordinal).ToList();

        if (effective == JobPolicy.Requeue)
            return new(JobWaitOutcome.NoWait, jobs.Count == 0
                ? $"{JobPolicyValues.Requeue}: no wait; no job runs on the nodes"
                : $"{JobPolicyValues.Requeue}: no wait; {jobs.Count} running job(s) {Fate(workflow, JobPolicyTimeoutAction.Proceed)}: {RunningJob.List(jobs)}", deadline, null, null, jobs);
        if (jobs.Count == 0)
            return new(JobWaitOutcome.Ready, "no job runs on the nodes", deadline, null, null, jobs);

        var limit = window.WaitCap is { } cap && cap < window.Start + settings.Timeout
            ? $"{Times.Format(deadline)} ({window.WaitCapReason})"
            : $"{Times.Format(deadline)} (timeout {JobWaitTimeout.Format(settings.Timeout)} from {Times.Format(window.Start)})";
        if (now >= deadline)
            return new(JobWaitOutcome.TimedOut,
                $"the wait ended at {limit} with {jobs.Count} job(s) still running: {RunningJob.List(jobs)}; {settings.OnTimeout.Text()}: {Consequence(workflow, settings.OnTimeout)}",
                deadline, null, settings.OnTimeout, jobs);

        // The last expected end when every job has one still ahead; else (no time limit, or past its end and still
        // completing) nothing better than the wait's end is known.
        var lastEnd = jobs.All(j => j.ExpectedEnd > now) ? jobs.Max(j => j.ExpectedEnd) : null;
        var until = lastEnd is { } end && end < deadline ? end : deadline;
        return new(JobWaitOutcome.Wait,
            $"{jobs.Count} job(s) still running: {RunningJob.List(jobs)}; waiting until {Times.Format(until)}, at most until {limit}",
            deadline, until, null, jobs);
    }

    /// <summary>What happens to the jobs still running when the workflow goes on.</summary>
    internal static string Fate(WorkflowKind workflow, JobPolicyTimeoutAction action) =>
        action == JobPolicyTimeoutAction.Abort
            ? "keep running"
            : workflow == WorkflowKind.NodeGroupUpdate
                ? "keep running: PCS replaces their nodes once they end (guide L2667)"
                : "end with their nodes and go back to their queues (guide L2668, L3480)";

    /// <summary>What the timeout action does, in a sentence.</summary>
    internal static string Consequence(WorkflowKind workflow, JobPolicyTimeoutAction action) =>
        action == JobPolicyTimeoutAction.Abort
            ? $"the {workflow.Name} stops before changing anything: the reservation is removed, the nodes it drained resume, and it reports"
            : $"the {workflow.Name} goes on; the jobs still running {Fate(workflow, action)}";
}

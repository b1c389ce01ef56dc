using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Domain.JobProtection;

/// <summary>
/// What a policy would do to the jobs running now, judged by their expected ends (<see cref="RunningJob"/>).
/// </summary>
/// <param name="StillRunningAtStart">Would still run when the window starts (they end inside it, or have no end time).</param>
/// <param name="EndDuringWait">Of those, expected to end before the wait's end (<c>reserve</c>, <c>drain</c>).</param>
/// <param name="OutlastTheWait">Of those, expected to outlast the wait, or with no end time: they meet the timeout action.</param>
/// <param name="Ended">The jobs the plan would end (their nodes go, they go back to their queues): under <c>requeue</c> every job still running at the start, under <c>proceed</c> those that outlast the wait; none under <c>abort</c> or for a roll-out.</param>
public sealed record JobImpact(
    IReadOnlyList<RunningJob> Running,
    IReadOnlyList<RunningJob> StillRunningAtStart,
    IReadOnlyList<RunningJob> EndDuringWait,
    IReadOnlyList<RunningJob> OutlastTheWait,
    IReadOnlyList<RunningJob> Ended)
{
    public static JobImpact Assess(WorkflowKind workflow, JobPolicy effective, JobPolicySettings settings, JobProtectionWindow window, IReadOnlyList<RunningJob> running)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(running);
        var jobs = running.OrderBy(j => j.ExpectedEnd ?? DateTimeOffset.MaxValue).ThenBy(j => j.JobId, StringComparer.Ordinal).ToList();
        var atStart = jobs.Where(j => j.RunsAt(window.Start)).ToList();
        var waits = effective != JobPolicy.Requeue;
        var deadline = window.WaitDeadline(settings.Timeout);
        var during = waits ? atStart.Where(j => j.EndsBy(deadline)).ToList() : [];
        var outlast = waits ? atStart.Where(j => !j.EndsBy(deadline)).ToList() : [];

        // guide L2667: a roll-out's instances are replaced once idle, so it ends no job whatever the policy.
        var ended = workflow == WorkflowKind.NodeGroupUpdate ? []
            : !waits ? atStart
            : settings.OnTimeout == JobPolicyTimeoutAction.Proceed ? outlast
            : [];
        return new(jobs, atStart, during, outlast, ended);
    }
}

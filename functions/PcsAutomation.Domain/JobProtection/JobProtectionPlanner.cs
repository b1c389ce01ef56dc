using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.Configuration;
using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Domain.JobProtection;

/// <summary>
/// Builds <see cref="JobProtectionPlan"/>: the policy and why, the reservation or drain, the bounded wait and its timeout
/// action, and what happens to the jobs running now, in sentences an operator reads in the plan. A roll-out holds no
/// window (it ends when its replacements are verified), so there <c>reserve</c> drains the group's nodes, as issue 12
/// asks ("drain a canary group's nodes so that replacement happens sooner"), and no job is ended (guide L2667).
/// </summary>
public static class JobProtectionPlanner
{
    public static JobProtectionPlan Plan(JobProtectionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Workflow);
        ArgumentNullException.ThrowIfNull(input.Settings);
        ArgumentNullException.ThrowIfNull(input.Policy);
        ArgumentNullException.ThrowIfNull(input.Window);
        ArgumentNullException.ThrowIfNull(input.RunningJobs);
        var (workflow, settings, window) = (input.Workflow, input.Settings, input.Window);
        var effective = input.Policy.Effective;
        var action = effective == JobPolicy.Reserve && workflow == WorkflowKind.NodeGroupUpdate ? JobPolicy.Drain : effective;
        var groups = input.NodeGroups ?? [];
        var reservation = action == JobPolicy.Reserve
            ? MaintenanceReservation.For(input.ReservationName ?? JobProtectionNames.Reservation(input.ExecutionName), input.Now, window, groups)
            : null;
        var drainReason = action == JobPolicy.Drain ? JobProtectionNames.DrainReason(workflow, input.ExecutionName) : null;
        var deadline = window.WaitDeadline(settings.Timeout);
        var impact = JobImpact.Assess(workflow, effective, settings, window, input.RunningJobs);

        var lines = new List<string> { PolicyLine(input) };
        lines.AddRange(settings.Problems.Select(p => p.Message));
        lines.AddRange(settings.Notes);
        lines.Add(action switch
        {
            JobPolicy.Reserve => $"{reservation}, created {Times.Format(reservation!.CreateAt)}: from then no job starts there that would still run at {Times.Format(window.Start)} (Slurm starts a job before a reservation only when its time limit ends first).",
            JobPolicy.Drain => $"At {Times.Format(window.Start)} {Drained(groups)} (reason '{drainReason}'): running jobs go on, no new job starts there; they are resumed when the {workflow.Name} ends{(effective == JobPolicy.Reserve ? " (a roll-out has no window to reserve: reserve drains)" : "")}.",
            _ => $"Nothing is done about jobs before {Times.Format(window.Start)}: jobs still running then {JobWait.Fate(workflow, JobPolicyTimeoutAction.Proceed)}.",
        });
        // A roll-out's wait is its canary's verification (CanaryDrain): what ends it is that bound, not a timeout action.
        if (action != JobPolicy.Requeue && workflow == WorkflowKind.NodeGroupUpdate)
            lines.Add($"From {Times.Format(window.Start)} the canary is verified once PCS has replaced its nodes, each as soon as its jobs end (guide L2667), until {Times.Format(deadline)} at most ({window.WaitCapReason ?? Limit(window, settings)}); a node still busy then fails the canary and the {workflow.Name} rolls back, its jobs running on.");
        else if (action != JobPolicy.Requeue)
            lines.Add($"At {Times.Format(window.Start)} the {workflow.Name} waits for the jobs on those nodes until {Times.Format(deadline)} at most ({Limit(window, settings)}); then {settings.OnTimeout.Text()}: {JobWait.Consequence(workflow, settings.OnTimeout)}.");
        lines.Add(ImpactLine(workflow, effective, settings, window.Start, deadline, impact, input.Policy));
        // Without a reservation, jobs keep starting until the window: the counts above are a floor (a roll-out ends none).
        if (action != JobPolicy.Reserve && workflow != WorkflowKind.NodeGroupUpdate)
            lines.Add($"Jobs that start before {Times.Format(window.Start)} may add to these: only {JobPolicyValues.Reserve} keeps new jobs from running into the window.");

        return new JobProtectionPlan(
            workflow.Name, input.Policy.Requested.Text(), settings.PolicyTagged, effective.Text(), input.Policy.FallbackReason, action.Text(),
            (long)settings.Timeout.TotalSeconds, settings.OnTimeout.Text(), reservation, drainReason, window.Start, deadline,
            impact.Running.Count, impact.StillRunningAtStart.Count, impact.EndDuringWait.Count, [.. impact.Ended.Select(j => j.JobId)],
            settings.Problems, lines);
    }

    private static string PolicyLine(JobProtectionInput input)
    {
        var policy = input.Policy;
        var source = input.Settings.PolicyTagged ? $"tag {TagKeys.JobPolicy}" : "the default";
        return policy.FallbackReason is { } why
            ? $"Jobs: policy {policy.Effective.Text()} instead of {policy.Requested.Text()} ({source}): {why}."
            : $"Jobs: policy {policy.Effective.Text()} ({source}).";
    }

    private static string ImpactLine(
        WorkflowKind workflow, JobPolicy effective, JobPolicySettings settings, DateTimeOffset start, DateTimeOffset deadline, JobImpact impact, EffectiveJobPolicy policy)
    {
        if (impact.Running.Count == 0)
            return policy.FallbackReasons.Count > 0 && effective == JobPolicy.Requeue
                ? "Running jobs: not read (the Slurm REST API is not usable)."
                : "Running jobs now: none.";
        var head = $"Running jobs now: {impact.Running.Count}; {impact.StillRunningAtStart.Count} would still run at {Times.Format(start)}";
        if (impact.StillRunningAtStart.Count == 0)
            return head + ".";
        if (effective == JobPolicy.Requeue)
            return $"{head} and {JobWait.Fate(workflow, JobPolicyTimeoutAction.Proceed)}: {RunningJob.List(impact.StillRunningAtStart)}.";
        var outlast = impact.OutlastTheWait.Count == 0
            ? "none is expected to outlast the wait"
            : $"{impact.OutlastTheWait.Count} may outlast it ({RunningJob.List(impact.OutlastTheWait)}) and then {(settings.OnTimeout == JobPolicyTimeoutAction.Abort ? $"the {workflow.Name} aborts" : JobWait.Fate(workflow, JobPolicyTimeoutAction.Proceed))}";
        return $"{head}: {impact.EndDuringWait.Count} expected to end by {Times.Format(deadline)}; {outlast}.";
    }

    private static string Limit(JobProtectionWindow window, JobPolicySettings settings) =>
        window.WaitCap is { } cap && cap < window.Start + settings.Timeout
            ? window.WaitCapReason ?? "the window's cap"
            : $"timeout {JobWaitTimeout.Format(settings.Timeout)}";

    private static string Drained(IReadOnlyList<string> groups) =>
        groups.Count == 0 ? "every node of the cluster is drained" : $"the nodes of {string.Join(", ", groups.Order(StringComparer.Ordinal))} are drained";
}

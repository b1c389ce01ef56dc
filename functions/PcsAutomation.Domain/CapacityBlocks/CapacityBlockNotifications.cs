using PcsAutomation.Domain.NodeGroups;
using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Domain.CapacityBlocks;

/// <summary>A queue's node groups before and after the expiry's (or the restore's) edit, by name; <see cref="Done"/> once PCS has the new list.</summary>
public sealed record QueueChangeFact(string QueueId, string QueueName, IReadOnlyList<string> Before, IReadOnlyList<string> After, bool Done);

/// <summary>
/// What the expiry's state machine knows when it notifies one cluster (plain data, camelCase JSON): the block and its
/// times, the groups' actions with what is done and what is left (<see cref="GroupExpiryAction"/>; a restore's
/// <see cref="GroupRestore"/>), the queues changed, the findings, the saved scaling of the groups parked, and the
/// failure when there was one. The handlers fill it from a plan made under the lease (Starting) or from a re-read
/// after the actions (the report).
/// </summary>
/// <param name="Mode"><c>expire</c> or <c>restore</c>.</param>
/// <param name="Complete">The report: every action of the cluster is applied.</param>
/// <param name="JobLines">The job protection's lines (issue 12: the policy and why, the reservation or drain, the wait, the jobs it would end).</param>
/// <param name="JobWait">How the wait for the jobs on the block's nodes ended when the expiry went on with jobs it could not wait for (or could not see); null otherwise.</param>
/// <param name="JobsStillRunning">The ids of the jobs still running on the block's nodes when the wait ended: they end with their nodes and are requeued (guide L3480).</param>
/// <param name="JobCleanupProblems">What the cleanup could not undo (the block's reservation, this execution's drains): a "Needs operator" line.</param>
public sealed record CapacityBlockNotificationFacts(
    string? Mode = null,
    string? ReservationId = null,
    DateTimeOffset? EndDate = null,
    DateTimeOffset? TerminationAt = null,
    DateTimeOffset? Deadline = null,
    IReadOnlyList<GroupExpiryAction>? Groups = null,
    IReadOnlyList<GroupRestore>? Restores = null,
    IReadOnlyList<QueueChangeFact>? Queues = null,
    IReadOnlyList<CapacityFinding>? Findings = null,
    IReadOnlyList<NodeGroupScaling>? Parked = null,
    WorkflowFailure? Failure = null,
    bool? Complete = null,
    IReadOnlyList<string>? JobLines = null,
    string? JobWait = null,
    IReadOnlyList<string>? JobsStillRunning = null,
    IReadOnlyList<string>? JobCleanupProblems = null)
{
    /// <summary>
    /// The report's job facts from the cluster's iteration: the wait's reason only when the expiry went on with jobs still
    /// running (<c>TIMED_OUT</c>: those jobs named) or without seeing them (<c>FAILED</c>); the cleanup's problems, if any.
    /// A wait that ended with idle nodes, or none (requeue, a restore), adds nothing.
    /// </summary>
    public CapacityBlockNotificationFacts WithJobs(
        IReadOnlyList<string>? lines, string? waitOutcome, string? waitReason, IReadOnlyList<string>? runningJobs, IReadOnlyList<string>? cleanupProblems)
    {
        var wentOn = waitOutcome is "TIMED_OUT" or "FAILED";
        return this with
        {
            JobLines = lines is { Count: > 0 } ? lines : null,
            JobWait = wentOn ? waitReason : null,
            JobsStillRunning = waitOutcome == "TIMED_OUT" && runningJobs is { Count: > 0 } ? runningJobs : null,
            JobCleanupProblems = cleanupProblems is { Count: > 0 } ? cleanupProblems : null,
        };
    }
}

/// <summary>The expiry's notifications (one set per cluster, each under its lease): subject, message and detail-type per event.</summary>
public static class CapacityBlockNotifications
{
    public const string ExpireMode = "expire";
    public const string RestoreMode = "restore";
    public const string Runbook = "docs/runbooks/capacity-block-expiry.md";

    /// <summary>Every event this workflow notifies.</summary>
    public static IReadOnlyList<string> Events { get; } = [NotificationEvents.Starting, NotificationEvents.Succeeded, NotificationEvents.NeedsOperator];

    /// <summary>
    /// The report's event: NeedsOperator when a step failed, when something is left, or when a finding needs a person
    /// (a queue left with its only group, whose jobs will wait forever: guide L3423-3427, L3484); else Succeeded.
    /// </summary>
    public static string ReportEvent(WorkflowFailure? failure, bool complete, IReadOnlyList<CapacityFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        return failure is not null || !complete || findings.Any(f => f.NeedsOperator) ? NotificationEvents.NeedsOperator : NotificationEvents.Succeeded;
    }

    /// <summary>The notification of <paramref name="notificationEvent"/>; an event the expiry does not send is an ArgumentException naming those it does.</summary>
    public static Notification Compose(string notificationEvent, string clusterId, string clusterName, string executionArn, CapacityBlockNotificationFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var restore = facts.Mode == RestoreMode;
        var noun = restore ? "Capacity Block restore" : "Capacity Block expiry";
        var prefix = restore ? "PCS Capacity Block Restore " : "PCS Capacity Block Expiry ";
        var cluster = $"Cluster {clusterName} ({clusterId})";
        var block = $"Capacity Block {facts.ReservationId ?? "(unknown)"}";
        var times = facts.EndDate is { } end
            ? $" ends at {Times.Format(end)}; EC2 terminates its instances from {(facts.TerminationAt is { } t ? Times.Format(t) : "30 minutes before")} (capacity-blocks-using.html)"
            : "";
        var execution = $"Execution: {executionArn}";
        var alerts = Alerts(facts.Findings);
        return notificationEvent switch
        {
            NotificationEvents.Starting when restore => new(
                NotificationText.Subject($"PCS Capacity Block restore starting: {clusterName}"),
                $"{cluster}: {block} can carry its parked node groups again. Putting back: {Restores(facts.Restores, done: false)}.{Queues(facts.Queues, done: false)}{alerts} {execution}",
                prefix + "Started"),
            NotificationEvents.Starting => new(
                NotificationText.Subject($"PCS Capacity Block expiring: {clusterName}"),
                $"{cluster}: {block}{times}. Before {(facts.Deadline is { } d ? Times.Format(d) : "then")}: {Actions(facts.Groups, done: false)}.{Queues(facts.Queues, done: false)} " +
                "Jobs running on a group scaled to 0 are requeued (guide L3480); while a queue updates, new jobs may be refused (guide L3725)." +
                $"{JobLines(facts.JobLines)}{alerts} {execution}",
                prefix + "Started"),
            NotificationEvents.Succeeded => new(
                NotificationText.Subject(restore ? $"PCS Capacity Block restore done: {clusterName}" : $"PCS Capacity Block expiry handled: {clusterName}"),
                $"{cluster}: {block}{times}. Done: {(restore ? Restores(facts.Restores, done: true) : Actions(facts.Groups, done: true))}.{Queues(facts.Queues, done: true)}{Jobs(facts)}{alerts} {execution}",
                prefix + "Succeeded"),
            NotificationEvents.NeedsOperator => new(
                NotificationText.Subject($"PCS {noun} needs an operator: {clusterName}"),
                $"{cluster}: {block}{times}. " +
                (facts.Failure is { } failure ? $"The {noun} stopped: {failure.Error ?? "(no error)"}: {failure.Cause ?? "(no cause)"}. " : "") +
                $"{(restore ? Restores(facts.Restores, done: true) : Actions(facts.Groups, done: true))}.{Queues(facts.Queues, done: true)}{Jobs(facts)}{alerts}" +
                Parked(clusterId, facts.Parked) + $" What to do: {Runbook}. {execution}",
                prefix + "Needs Operator"),
            _ => throw new ArgumentException(
                $"event '{notificationEvent}' is not one the Capacity Block expiry sends ({string.Join(", ", Events)})", nameof(notificationEvent)),
        };
    }

    private static string Actions(IReadOnlyList<GroupExpiryAction>? groups, bool done)
    {
        if (groups is not { Count: > 0 })
            return "no node group uses the block";
        return string.Join("; ", groups.Select(g =>
        {
            var what = g.Action switch
            {
                ExpiryActions.SuccessorBlock => $"{g.NodeGroupName} moves to Capacity Block {g.SuccessorReservationId} (a new launch template version)",
                ExpiryActions.SuccessorNodeGroup => $"{g.NodeGroupName} is replaced in its queues by its successor {g.ReplacementNodeGroupName}, then scaled to 0",
                ExpiryActions.Failover => $"{g.NodeGroupName} fails over to {g.ReplacementNodeGroupName} in its queues, then is scaled to 0",
                _ => $"{g.NodeGroupName} is detached from its queues (unless it is a queue's only group) and scaled to 0",
            };
            if (!done)
                return $"{what} ({g.Reason})";
            return g.Remaining.Count == 0 ? $"{what}: done" : $"{what}: left {string.Join(", ", g.Remaining)}{(g.Done.Count > 0 ? $" (done {string.Join(", ", g.Done)})" : "")}";
        }));
    }

    private static string Restores(IReadOnlyList<GroupRestore>? restores, bool done)
    {
        if (restores is not { Count: > 0 })
            return "no parked node group";
        return string.Join("; ", restores.Select(r =>
        {
            var what = $"{r.NodeGroupName} back to min {r.SavedScaling.MinInstanceCount} max {r.SavedScaling.MaxInstanceCount}{(r.LaunchTemplate is { } t ? $" on block {t.ToReservationId}" : "")} ({r.Trigger})";
            return !done ? what : r.Remaining.Count == 0 ? $"{what}: done" : $"{what}: left {string.Join(", ", r.Remaining)}";
        }));
    }

    private static string Queues(IReadOnlyList<QueueChangeFact>? queues, bool done)
    {
        if (queues is not { Count: > 0 })
            return "";
        return " Queues: " + string.Join("; ", queues.Select(q =>
            $"{q.QueueName}: {string.Join(", ", q.Before)} -> {string.Join(", ", q.After)}{(done ? q.Done ? " (done)" : " (not done)" : "")}")) + ".";
    }

    private static string JobLines(IReadOnlyList<string>? lines) => lines is { Count: > 0 } ? " " + string.Join(" ", lines) : "";

    /// <summary>The jobs the expiry went on without (named), and what its cleanup left for an operator.</summary>
    private static string Jobs(CapacityBlockNotificationFacts facts) =>
        (facts.JobWait is { } wait ? $" Jobs: {wait}." : "")
        + (facts.JobCleanupProblems is { Count: > 0 } cleanup ? " Needs operator (docs/runbooks/job-protection.md): " + string.Join("; ", cleanup) + "." : "");

    /// <summary>The findings a person must act on, loudly, each with its source (a queue left waiting names the queue).</summary>
    private static string Alerts(IReadOnlyList<CapacityFinding>? findings)
    {
        var loud = (findings ?? []).Where(f => f.NeedsOperator).ToList();
        return loud.Count == 0 ? "" : " NEEDS AN OPERATOR: " + string.Join(" ", loud.Select(f => $"{f.Message} ({f.Source})."));
    }

    private static string Parked(string clusterId, IReadOnlyList<NodeGroupScaling>? parked) =>
        parked is not { Count: > 0 }
            ? ""
            : $" Parked at 0/0, saved scaling {NotificationText.Scaling(parked)}; once a block can carry them, restore by hand with: {string.Join(" ; ", NotificationText.RestoreCommands(clusterId, parked))}.";
}

using PcsAutomation.Domain.Configuration;
using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Domain.NodeGroupUpdate;

/// <summary>
/// What the roll-out's state machine knows when it notifies (plain data, camelCase JSON). The groups changed and their
/// previous settings are not here: the notification reads them from the lease, the one source the rollback uses.
/// </summary>
/// <param name="RolledBack">Failed event: true once the rollback was verified (every changed group back and ACTIVE).</param>
/// <param name="Updates">ImageAvailable: the groups whose image differs from the channel's, with the image each would get.</param>
/// <param name="MaintenanceWindow">ImageAvailable: the cluster's window, where <c>apply</c> would roll the image out.</param>
/// <param name="Finding">Finding: what the audit of a CloudTrail call found on one group.</param>
/// <param name="JobProblems">What the canary's drain could not do (DrainCanaryNodes): a warning, the roll-out went on.</param>
/// <param name="JobCleanupProblems">What ResumeCanaryNodes could not undo (drained nodes): a "Needs operator" line.</param>
public sealed record NodeGroupUpdateNotificationFacts(
    string? Target = null, string? Canary = null, IReadOnlyList<string>? Warnings = null, WorkflowFailure? Failure = null, bool? RolledBack = null,
    IReadOnlyList<ImageUpdateFact>? Updates = null, string? MaintenanceWindow = null, AmiFindingFact? Finding = null,
    IReadOnlyList<string>? JobProblems = null, IReadOnlyList<string>? JobCleanupProblems = null);

/// <summary>One group a roll-out to the channel would change: the image it runs and the one it would get.</summary>
public sealed record ImageUpdateFact(string NodeGroupId, string NodeGroupName, string? CurrentImageId, string ExpectedImageId, string Disruption);

/// <summary>
/// What the audit of one CloudTrail call found on a group: the image, each finding (rule, guide, message), the call
/// (event name, CloudTrail event id and time, caller ARN), the channel's image and what was done about it.
/// </summary>
/// <param name="RemediationExecution">The roll-out started to put the group back on the channel's image, when one was.</param>
public sealed record AmiFindingFact(
    string NodeGroupId,
    string NodeGroupName,
    string? ImageId,
    IReadOnlyList<string> Findings,
    string EventName,
    string? EventId,
    string? EventTime,
    string? Caller,
    string? ChannelImageId,
    string Remediation,
    string? RemediationExecution = null);

/// <summary>The roll-out's notifications: subject, message and detail-type per event, and the commands to roll back by hand.</summary>
public static class NodeGroupUpdateNotifications
{
    public const string DetailTypePrefix = "PCS Node Group Update ";

    /// <summary>The channel gives a newer image than some groups run (<c>pcs-automation:ami-update=notify</c>); sent by the notice state machine.</summary>
    public const string ImageAvailable = "ImageAvailable";

    /// <summary>A CloudTrail call set an image outside the channel or incompatible with the cluster; sent by the notice state machine.</summary>
    public const string Finding = "Finding";

    /// <summary>Every event this workflow notifies.</summary>
    public static IReadOnlyList<string> Events { get; } =
        [NotificationEvents.Starting, NotificationEvents.Succeeded, NotificationEvents.Failed, NotificationEvents.NeedsOperator, ImageAvailable, Finding];

    /// <summary>The notification of <paramref name="notificationEvent"/>; an event the roll-out does not send is an ArgumentException naming those it does.</summary>
    public static Notification Compose(
        string notificationEvent, string clusterId, string clusterName, string executionArn, NodeGroupUpdateNotificationFacts facts, IReadOnlyList<NodeGroupChange> changes)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(changes);
        var cluster = $"Cluster {clusterName} ({clusterId})";
        var execution = $"Execution: {executionArn}";
        var warnings = facts.Warnings is { Count: > 0 } list ? " Warnings: " + string.Join(" ", list) : "";
        var failure = $"{facts.Failure?.Error ?? "(no error)"}: {facts.Failure?.Cause ?? "(no cause)"}";
        // The canary's drain and resume (issue 12) never change the outcome: what they could not do is said at the end.
        var jobs = (facts.JobProblems is { Count: > 0 } drain ? " Jobs: " + string.Join("; ", drain) + "." : "")
            + (facts.JobCleanupProblems is { Count: > 0 } cleanup ? " Needs operator (docs/runbooks/job-protection.md): " + string.Join("; ", cleanup) + "." : "");
        return notificationEvent switch
        {
            NotificationEvents.Starting => new(
                NotificationText.Subject($"PCS AMI roll-out starting: {clusterName}"),
                $"{cluster}: rolling the compute node groups out to {facts.Target ?? "(unknown target)"}, canary {facts.Canary ?? "(none)"} first. " +
                "Running instances are only marked and replaced once idle: running jobs finish first (guide L2667); " +
                $"login groups' interactive sessions are cut (guide L3884).{warnings} {execution}",
                DetailTypePrefix + "Started"),
            NotificationEvents.Succeeded => new(
                NotificationText.Subject($"PCS AMI roll-out done: {clusterName}"),
                $"{cluster}: rolled out to {facts.Target ?? "(unknown target)"}: {Changed(changes)}.{warnings}{jobs} {execution}",
                DetailTypePrefix + "Succeeded"),
            NotificationEvents.Failed => new(
                NotificationText.Subject($"PCS AMI roll-out failed: {clusterName}"),
                $"{cluster}: the roll-out to {facts.Target ?? "(unknown target)"} failed with {failure}. " +
                (changes.Count == 0 ? "No node group was changed."
                    : facts.RolledBack == true ? $"Rolled back: {Previous(changes)}."
                    : $"Changed, rollback not verified: {Previous(changes)}.") + $"{warnings}{jobs} {execution}",
                DetailTypePrefix + "Failed"),
            NotificationEvents.NeedsOperator => new(
                NotificationText.Subject($"PCS cluster needs an operator: {clusterName}"),
                $"{cluster}: node groups could not be rolled back after a failed AMI roll-out ({failure}). Roll them back by hand, one at a time, " +
                $"waiting for ACTIVE in between: {string.Join(" ; ", RollbackCommands(clusterId, changes))}.{jobs} {execution}",
                DetailTypePrefix + "Needs Operator"),
            ImageAvailable => Available(cluster, clusterId, clusterName, facts, warnings),
            Finding => FindingNotice(cluster, clusterName, facts),
            _ => throw new ArgumentException($"event '{notificationEvent}' is not one of: {string.Join(", ", Events)}.", nameof(notificationEvent)),
        };
    }

    private static Notification Available(string cluster, string clusterId, string clusterName, NodeGroupUpdateNotificationFacts facts, string warnings)
    {
        var updates = facts.Updates is { Count: > 0 } list
            ? string.Join("; ", list.Select(u => $"{u.NodeGroupName} {u.CurrentImageId ?? "(no image)"} -> {u.ExpectedImageId} ({u.Disruption})"))
            : "(no group listed)";
        return new(
            NotificationText.Subject($"PCS AMI update available: {clusterName}"),
            $"{cluster}: {facts.Target ?? "(unknown channel)"} gives newer images than these node groups run: {updates}. Nothing was changed. " +
            $"To roll them out, start the node-group-update workflow for cluster {clusterId} (dry run first), or tag the cluster " +
            $"{TagKeys.AmiUpdate}={AmiUpdateTags.ApplyValue} to roll them out in its maintenance window {facts.MaintenanceWindow ?? "(unknown)"}. " +
            $"Running instances are only marked and replaced once idle: running jobs finish first (guide L2667).{warnings}",
            DetailTypePrefix + "Available");
    }

    private static Notification FindingNotice(string cluster, string clusterName, NodeGroupUpdateNotificationFacts facts)
    {
        var finding = facts.Finding;
        var group = finding is null ? "(unknown group)" : $"{finding.NodeGroupName} ({finding.NodeGroupId})";
        var call = finding is null ? "(unknown call)"
            : $"{finding.EventName} by {finding.Caller ?? "(unknown caller)"} at {finding.EventTime ?? "(unknown time)"} (CloudTrail event {finding.EventId ?? "(no id)"})";
        var found = finding is { Findings.Count: > 0 } ? string.Join("; ", finding.Findings) : "(no finding listed)";
        return new(
            NotificationText.Subject($"PCS node group AMI finding: {clusterName}"),
            $"{cluster}: node group {group} runs image {finding?.ImageId ?? "(none)"} after {call}: {found}. " +
            $"{finding?.Remediation ?? "(no remediation decided)"}" +
            (finding?.RemediationExecution is { } execution ? $" Execution: {execution}" : ""),
            DetailTypePrefix + "Finding");
    }

    /// <summary>
    /// The AWS CLI commands that put each changed group back to its saved settings (UpdateComputeNodeGroup's
    /// <c>amiId</c> and <c>customLaunchTemplate</c>, ../shared/reference/botocore/pcs.service-2.json). The guide writes
    /// <c>--amiId</c> (L2727); the AWS CLI's option is <c>--ami-id</c>
    /// (https://docs.aws.amazon.com/cli/v1/reference/pcs/update-compute-node-group.html); the template shorthand
    /// <c>id=…,version=…</c> as the guide writes it (digest §2.2).
    /// </summary>
    public static IReadOnlyList<string> RollbackCommands(string clusterId, IEnumerable<NodeGroupChange> changes) =>
        [.. changes.Select(c => c.Previous).Select(p =>
            $"aws pcs update-compute-node-group --cluster-identifier {clusterId} --compute-node-group-identifier {p.NodeGroupId}" +
            (p.AmiId is { } ami ? $" --ami-id {ami}" : "") +
            $" --custom-launch-template id={p.LaunchTemplateId},version={p.LaunchTemplateVersion}")];

    private static string Changed(IReadOnlyList<NodeGroupChange> changes) =>
        changes.Count == 0 ? "every group was already on it" : string.Join(", ", changes.Select(c => $"{c.Previous.NodeGroupName} now {c.ExpectedImageId}"));

    private static string Previous(IReadOnlyList<NodeGroupChange> changes) => string.Join("; ", changes.Select(c => c.Previous.ToString()));
}

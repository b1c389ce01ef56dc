using System.Globalization;
using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Domain.Rotation;

/// <summary>
/// What the rotation state machine knows when it notifies, by event (plain data, camelCase JSON). The saved scaling is
/// not here: the notification reads it from the lease, the one source every step uses.
/// </summary>
/// <param name="Verification">CheckSecretRotation's status: SUCCEEDED, or ROTATED_UNCONFIRMED when the cluster does not report the new version.</param>
/// <param name="WindowOpensAt">Advance notice: when the maintenance window in which the rotation runs opens.</param>
/// <param name="JobCleanupProblems">What ReleaseJobProtection could not undo (a Slurm reservation, drained nodes): a "Needs operator" line.</param>
public sealed record RotationNotificationFacts(
    string? PreviousVersionId = null,
    string? CurrentVersionId = null,
    string? ClusterSecretVersion = null,
    string? Verification = null,
    long? ExpectedDowntimeSeconds = null,
    string? MaintenanceWindow = null,
    IReadOnlyList<string>? Warnings = null,
    IReadOnlyList<string>? LoginInstances = null,
    WorkflowFailure? Failure = null,
    DateTimeOffset? WindowOpensAt = null,
    IReadOnlyList<string>? JobCleanupProblems = null);

/// <summary>The rotation's notifications: subject, message and detail-type per event. Never holds a secret value (none is known here).</summary>
public static class RotationNotifications
{
    public const string DetailTypePrefix = "PCS Cluster Secret Rotation ";

    // guide L2396, L2460-2462: existing JWTs become invalid after the rotation and must be issued again.
    private const string JwtNotice = "Existing Slurm JWTs are now invalid: issue new tokens to Slurm REST API clients.";

    /// <summary>The notification of <paramref name="notificationEvent"/> (one of <see cref="NotificationEvents"/>); another event is an ArgumentException naming the known ones.</summary>
    public static Notification Compose(
        string notificationEvent, string clusterId, string clusterName, string executionArn, RotationNotificationFacts facts, LeaseScaling? scaling)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var cluster = $"Cluster {clusterName} ({clusterId})";
        var execution = $"Execution: {executionArn}";
        var warnings = (facts.Warnings is { Count: > 0 } list ? " Warnings: " + string.Join(" ", list) : "")
            + (facts.JobCleanupProblems is { Count: > 0 } cleanup ? " Needs operator (docs/runbooks/job-protection.md): " + string.Join("; ", cleanup) + "." : "");
        return notificationEvent switch
        {
            NotificationEvents.AdvanceNotice => new(
                NotificationText.Subject($"PCS cluster secret rotation scheduled: {clusterName}"),
                $"{cluster}: the cluster secret will be rotated in the maintenance window {facts.MaintenanceWindow} opening at {Iso(facts.WindowOpensAt)}. " +
                "Every compute node group will scale to 0 and running jobs will stop; plan your jobs around it. " +
                "Existing Slurm JWTs will become invalid after the rotation." + warnings,
                DetailTypePrefix + "Scheduled"),
            NotificationEvents.Starting => new(
                NotificationText.Subject($"PCS cluster secret rotation starting: {clusterName}"),
                $"{cluster}: rotating the cluster secret. Every compute node group scales to 0 (running jobs stop); expected downtime about " +
                $"{facts.ExpectedDowntimeSeconds?.ToString(CultureInfo.InvariantCulture) ?? "(unknown)"} seconds.{warnings} {execution}",
                DetailTypePrefix + "Started"),
            NotificationEvents.Succeeded => Succeeded(cluster, clusterName, execution, facts, scaling, warnings),
            NotificationEvents.Failed => new(
                NotificationText.Subject($"PCS cluster secret rotation failed: {clusterName}"),
                $"{cluster}: the cluster secret rotation failed with {facts.Failure?.Error ?? "(no error)"}: {facts.Failure?.Cause ?? "(no cause)"}. " +
                $"{Capacity(scaling)}{warnings} {execution}",
                DetailTypePrefix + "Failed"),
            NotificationEvents.NeedsOperator => new(
                NotificationText.Subject($"PCS cluster needs an operator: {clusterName}"),
                $"{cluster}: compute node groups could not be restored after the secret rotation ({facts.Failure?.Error ?? "(no error)"}: " +
                $"{facts.Failure?.Cause ?? "(no cause)"}). Restore them by hand, one at a time, waiting for ACTIVE in between: " +
                $"{string.Join(" ; ", NotificationText.RestoreCommands(clusterId, scaling?.Saved ?? []))}. {execution}",
                DetailTypePrefix + "Needs Operator"),
            _ => throw new ArgumentException(
                $"event '{notificationEvent}' is not one of: {string.Join(", ", NotificationEvents.All)}.", nameof(notificationEvent)),
        };
    }

    private static Notification Succeeded(
        string cluster, string clusterName, string execution, RotationNotificationFacts facts, LeaseScaling? scaling, string warnings)
    {
        var versions = $"version {facts.PreviousVersionId} -> {facts.CurrentVersionId}";
        var verified = facts.Verification == "ROTATED_UNCONFIRMED"
            ? $"Secrets Manager finished the rotation ({versions}), but the cluster still reports secret version " +
              $"{facts.ClusterSecretVersion ?? "(none)"}: rotated, not confirmed by the cluster. Check that compute nodes join (runbook)."
            : $"The cluster secret was rotated ({versions}) and the cluster uses the new version.";
        return new(
            NotificationText.Subject(facts.Verification == "ROTATED_UNCONFIRMED"
                ? $"PCS cluster secret rotated, not confirmed by the cluster: {clusterName}"
                : $"PCS cluster secret rotated: {clusterName}"),
            $"{cluster}: {verified} {Capacity(scaling)} {JwtNotice}{warnings} {execution}",
            DetailTypePrefix + "Succeeded");
    }

    private static string Capacity(LeaseScaling? scaling) => scaling switch
    {
        null or { Saved.Count: 0 } => "No compute node group was changed.",
        { Restored: true } => $"Compute node groups are back to their saved scaling: {NotificationText.Scaling(scaling.Saved)}.",
        _ => $"Compute node groups were scaled down from: {NotificationText.Scaling(scaling.Saved)}; their restore is not verified yet.",
    };

    private static string Iso(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture) ?? "(unknown)";
}

using PcsAutomation.Domain.Configuration;
using PcsAutomation.Domain.NodeGroups;

namespace PcsAutomation.Domain.Rotation;

/// <summary>
/// What PlanRotation found and what a rotation would do; the dry-run result and the input of the later steps.
/// Plain data (handlers serialize it camelCase with source generation): add no computed properties here.
/// </summary>
public sealed record RotationPlan(
    string ClusterId,
    string ClusterName,
    string ClusterStatus,
    string SecretArn,
    string CurrentVersionId,
    IReadOnlyList<NodeGroupScaling> NodeGroups,
    IReadOnlyList<string> InstancesUp,
    IReadOnlyList<string> LoginInstances,
    long ExpectedDowntimeSeconds,
    string MaintenanceWindow,
    bool DryRun,
    IReadOnlyList<string> Warnings,
    bool StrictVerification)
{
    /// <summary>
    /// guide L2456-2458: a Secrets Manager rotation schedule still needs the node groups at 0 before each rotation, so a
    /// scheduled rotation starting outside the window, with nodes up, fails. DescribeSecret's RotationEnabled says whether
    /// one is on; CancelRotateSecret turns it off (../shared/reference/botocore/secretsmanager.service-2.json).
    /// </summary>
    public const string RotationScheduleWarning =
        "The cluster secret also has a Secrets Manager rotation schedule (RotationEnabled): Secrets Manager may start a rotation outside " +
        "the maintenance window while compute nodes run, and such a rotation fails (PCS user guide: scheduled rotation still needs every " +
        "node group at 0 first). Turn it off with 'aws secretsmanager cancel-rotate-secret --secret-id <secret ARN>' and let PcsAutomation rotate.";

    /// <summary>
    /// Builds the plan from what PlanRotation read: lists sorted (ordinal) and de-duplicated so the same cluster
    /// state always gives the same plan, and the downtime estimate from <see cref="DowntimeEstimate"/>.
    /// </summary>
    public static RotationPlan Create(
        string clusterId,
        string clusterName,
        string clusterStatus,
        string secretArn,
        string currentVersionId,
        IEnumerable<NodeGroupScaling> nodeGroups,
        IEnumerable<string> instancesUp,
        IEnumerable<string> loginInstances,
        MaintenanceWindow maintenanceWindow,
        bool dryRun,
        bool secretHasRotationSchedule = false,
        bool strictVerification = false)
    {
        ArgumentNullException.ThrowIfNull(nodeGroups);
        ArgumentNullException.ThrowIfNull(instancesUp);
        ArgumentNullException.ThrowIfNull(loginInstances);
        ArgumentNullException.ThrowIfNull(maintenanceWindow);

        var groups = nodeGroups
            .GroupBy(g => g.NodeGroupId, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(g => g.NodeGroupId, StringComparer.Ordinal)
            .ToArray();
        var up = SortedDistinct(instancesUp);
        var login = SortedDistinct(loginInstances);
        return new RotationPlan(
            clusterId,
            clusterName,
            clusterStatus,
            secretArn,
            currentVersionId,
            groups,
            up,
            login,
            (long)DowntimeEstimate.For(groups.Length, up.Length).TotalSeconds,
            maintenanceWindow.ToString(),
            dryRun,
            secretHasRotationSchedule ? [RotationScheduleWarning] : [],
            strictVerification);
    }

    private static string[] SortedDistinct(IEnumerable<string> ids) =>
        ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
}

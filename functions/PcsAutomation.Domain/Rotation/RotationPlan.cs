namespace PcsAutomation.Domain.Rotation;

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
    bool DryRun);

namespace PcsAutomation.Domain.NodeGroups;

/// <summary>
/// Whether the cluster is drained (for example ready for RotateSecret): every node group back to ACTIVE after the scale to 0/0, and no
/// instance of the cluster still up (guide L2419-2420 "wait until all nodes stop"; active instances are the most
/// common cause of a failed rotation, guide L2478-2481).
/// </summary>
public sealed record DrainStatus(bool Drained, IReadOnlyList<string> NodeGroupsNotActive, IReadOnlyList<string> InstancesStillUp)
{
    /// <summary>An instance counts as up as <see cref="InstanceStates.IsUp"/> says (never assume drained).</summary>
    public static DrainStatus Evaluate(IReadOnlyList<(string NodeGroupId, string Status)> groups, IReadOnlyList<(string InstanceId, string State)> instances)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(instances);

        var notActive = groups
            .Where(g => !string.Equals(g.Status, "ACTIVE", StringComparison.Ordinal))
            .Select(g => g.NodeGroupId)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var up = instances
            .Where(i => InstanceStates.IsUp(i.State))
            .Select(i => i.InstanceId)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return new DrainStatus(notActive.Length == 0 && up.Length == 0, notActive, up);
    }
}

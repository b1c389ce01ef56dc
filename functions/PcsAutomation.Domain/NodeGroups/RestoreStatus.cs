namespace PcsAutomation.Domain.NodeGroups;

/// <summary>
/// Whether every node group is back to exactly the scaling saved before the scale-down (digest §14: restore exactly
/// the saved values, guide L2433), and ACTIVE again.
/// </summary>
/// <param name="NodeGroupsMissing">
/// Saved groups that no longer exist (deleted meanwhile): nobody can restore them, so they do not hold the restore
/// back forever (the lease would hand them to every later workflow); they are reported instead.
/// </param>
public sealed record RestoreStatus(bool Restored, IReadOnlyList<string> NodeGroupsPending, IReadOnlyList<string> NodeGroupsMissing)
{
    /// <summary>
    /// A saved group is pending (listed by id) while it is not ACTIVE or its min or max differs from the saved values;
    /// missing when it is absent from <paramref name="current"/>. Groups in current that were not saved are not this
    /// workflow's business and are ignored.
    /// </summary>
    public static RestoreStatus Evaluate(IReadOnlyList<NodeGroupScaling> saved, IReadOnlyList<NodeGroupState> current)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(current);

        var byId = ById(current);
        var missing = saved.Select(s => s.NodeGroupId).Where(id => !byId.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToArray();
        var pending = saved
            .Where(s => byId.TryGetValue(s.NodeGroupId, out var now)
                && (!string.Equals(now.Status, NodeGroupState.Active, StringComparison.Ordinal) || !now.Scaling.SameCountsAs(s)))
            .Select(s => s.NodeGroupId)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return new RestoreStatus(pending.Length == 0, pending, missing);
    }

    internal static Dictionary<string, NodeGroupState> ById(IReadOnlyList<NodeGroupState> current)
    {
        var byId = new Dictionary<string, NodeGroupState>(StringComparer.Ordinal);
        foreach (var entry in current)
            byId[entry.NodeGroupId] = entry;
        return byId;
    }
}

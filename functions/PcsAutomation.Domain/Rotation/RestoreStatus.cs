namespace PcsAutomation.Domain.Rotation;

/// <summary>
/// Whether every node group is back to exactly the scaling saved before the rotation (digest §14: restore exactly
/// the saved values, guide L2433), and ACTIVE again.
/// </summary>
public sealed record RestoreStatus(bool Restored, IReadOnlyList<string> NodeGroupsPending)
{
    /// <summary>
    /// A saved group is pending (listed by id) while it is missing from <paramref name="current"/>, not ACTIVE, or
    /// its min or max differs from the saved values. Groups in current that were not saved are not this
    /// rotation's business and are ignored.
    /// </summary>
    public static RestoreStatus Evaluate(IReadOnlyList<NodeGroupScaling> saved, IReadOnlyList<(NodeGroupScaling Current, string Status)> current)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(current);

        var byId = new Dictionary<string, (NodeGroupScaling Current, string Status)>(StringComparer.Ordinal);
        foreach (var entry in current)
        {
            byId[entry.Current.NodeGroupId] = entry;
        }

        var pending = saved
            .Where(s => !byId.TryGetValue(s.NodeGroupId, out var now)
                || !string.Equals(now.Status, "ACTIVE", StringComparison.Ordinal)
                || now.Current.MinInstanceCount != s.MinInstanceCount
                || now.Current.MaxInstanceCount != s.MaxInstanceCount)
            .Select(s => s.NodeGroupId)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return new RestoreStatus(pending.Length == 0, pending);
    }
}

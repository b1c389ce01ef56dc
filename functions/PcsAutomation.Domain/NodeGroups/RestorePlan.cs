namespace PcsAutomation.Domain.NodeGroups;

/// <summary>
/// What one restore pass does to bring every saved group back to exactly its saved min/max (guide L2433). The restore
/// never gives up on a group PCS is busy with: it is left for the next pass (<see cref="Busy"/>), which the workflow's
/// bounded poll loop runs.
/// </summary>
/// <param name="ToRestore">Groups to update to their saved scaling now.</param>
/// <param name="AlreadyRestored">Groups already at their saved min/max.</param>
/// <param name="Busy">Groups PCS is updating (another update would be refused with ConflictException, guide L1984-1989): next pass.</param>
/// <param name="Missing">Saved groups that no longer exist (deleted meanwhile): their scaling cannot be restored; reported, never retried.</param>
public sealed record RestorePlan(
    IReadOnlyList<NodeGroupScaling> ToRestore, IReadOnlyList<string> AlreadyRestored, IReadOnlyList<string> Busy, IReadOnlyList<NodeGroupScaling> Missing)
{
    public static RestorePlan For(IReadOnlyList<NodeGroupScaling> saved, IReadOnlyList<NodeGroupState> current)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(current);

        var byId = RestoreStatus.ById(current);
        var toRestore = new List<NodeGroupScaling>();
        var restored = new List<string>();
        var busy = new List<string>();
        var missing = new List<NodeGroupScaling>();
        foreach (var target in saved)
        {
            if (!byId.TryGetValue(target.NodeGroupId, out var now))
                missing.Add(target);
            else if (now.Scaling.SameCountsAs(target))
                restored.Add(target.NodeGroupId);
            else if (string.Equals(now.Status, NodeGroupState.Updating, StringComparison.Ordinal))
                busy.Add(target.NodeGroupId);
            else
                toRestore.Add(target);
        }
        return new RestorePlan(toRestore, restored, busy, missing);
    }
}

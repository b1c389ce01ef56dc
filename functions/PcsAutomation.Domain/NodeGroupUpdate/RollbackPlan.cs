namespace PcsAutomation.Domain.NodeGroupUpdate;

/// <summary>
/// What one rollback pass does: every group the lease says was changed goes back to its saved <c>amiId</c> or launch
/// template version. Like the scaling restore, it never gives up on a group PCS is busy with (<see cref="Busy"/>: next
/// pass); the workflow's bounded loop runs it again until <see cref="Done"/>.
/// </summary>
/// <param name="ToRollBack">Groups to update back to their saved settings now.</param>
/// <param name="RolledBack">Groups at their saved settings and ACTIVE.</param>
/// <param name="Settling">Groups at their saved settings, still UPDATING: wait.</param>
/// <param name="Busy">Groups PCS is updating, not yet at their saved settings (ConflictException now, guide L1984-1989).</param>
/// <param name="Missing">Changed groups deleted since: nothing to roll back, reported.</param>
public sealed record RollbackPlan(
    IReadOnlyList<NodeGroupImage> ToRollBack, IReadOnlyList<string> RolledBack, IReadOnlyList<string> Settling, IReadOnlyList<string> Busy, IReadOnlyList<string> Missing)
{
    public bool Done => ToRollBack.Count == 0 && Settling.Count == 0 && Busy.Count == 0;

    /// <param name="current">Each group's image settings and status as read now.</param>
    public static RollbackPlan For(IReadOnlyList<NodeGroupChange> changed, IReadOnlyList<(NodeGroupImage Image, string Status)> current)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(current);
        var byId = current.GroupBy(c => c.Image.NodeGroupId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var toRollBack = new List<NodeGroupImage>();
        var done = new List<string>();
        var settling = new List<string>();
        var busy = new List<string>();
        var missing = new List<string>();
        foreach (var previous in changed.Select(c => c.Previous).DistinctBy(p => p.NodeGroupId, StringComparer.Ordinal))
        {
            if (!byId.TryGetValue(previous.NodeGroupId, out var now))
                missing.Add(previous.NodeGroupId);
            else if (now.Image.SameImageSettingsAs(previous))
                (now.Status == "ACTIVE" ? done : settling).Add(previous.NodeGroupId);
            else if (now.Status == "UPDATING")
                busy.Add(previous.NodeGroupId);
            else
                toRollBack.Add(previous);
        }
        return new RollbackPlan(toRollBack, done, settling, busy, missing);
    }
}

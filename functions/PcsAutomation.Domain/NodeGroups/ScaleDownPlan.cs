namespace PcsAutomation.Domain.NodeGroups;

/// <summary>
/// What a scale-down to zero does, given the scaling saved in the lease (the authority: a re-run must scale down what
/// the first run saved, never re-read a 0/0 it set itself) and the groups as they are now.
/// </summary>
/// <param name="ToScaleDown">Saved groups still above 0/0: set min 0 max 0 (guide L2668: lowering max terminates the group's instances; min 0 keeps PCS from launching new ones).</param>
/// <param name="AlreadyAtZero">Saved groups already at 0/0 (a re-run, or a group that was at 0/0 before).</param>
/// <param name="Missing">Saved groups that no longer exist: nothing to scale down (the restore will report them).</param>
/// <param name="Unsaved">Groups that exist now but were not saved (created after the save): left alone, and not restored.</param>
public sealed record ScaleDownPlan(
    IReadOnlyList<NodeGroupScaling> ToScaleDown, IReadOnlyList<string> AlreadyAtZero, IReadOnlyList<string> Missing, IReadOnlyList<string> Unsaved)
{
    public static ScaleDownPlan For(IReadOnlyList<NodeGroupScaling> saved, IReadOnlyList<NodeGroupState> current)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(current);

        var byId = RestoreStatus.ById(current);
        var toScaleDown = new List<NodeGroupScaling>();
        var atZero = new List<string>();
        var missing = new List<string>();
        foreach (var group in saved)
        {
            if (!byId.TryGetValue(group.NodeGroupId, out var now))
                missing.Add(group.NodeGroupId);
            else if (now.Scaling.IsZero())
                atZero.Add(group.NodeGroupId);
            else
                toScaleDown.Add(group);
        }

        var savedIds = saved.Select(s => s.NodeGroupId).ToHashSet(StringComparer.Ordinal);
        var unsaved = current.Select(c => c.NodeGroupId).Where(id => !savedIds.Contains(id)).Distinct(StringComparer.Ordinal).ToArray();
        return new ScaleDownPlan(toScaleDown, atZero, missing, unsaved);
    }
}

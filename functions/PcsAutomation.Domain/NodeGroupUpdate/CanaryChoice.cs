namespace PcsAutomation.Domain.NodeGroupUpdate;

/// <summary>The canary group and the order of the others.</summary>
public sealed record CanaryDecision(PlannedGroupUpdate? Canary, string Rule, IReadOnlyList<PlannedGroupUpdate> Remaining, IReadOnlyList<IReadOnlyList<string>> Batches);

/// <summary>
/// Which group goes first, alone, and in which order the others follow. The canary is the operator's when given;
/// otherwise a compute group (a login group's update cuts interactive sessions, guide L3884) with at least one running
/// instance (so the replacement is verified on a real node, guide L5923-5925), the fewest running instances (the fewest
/// jobs to wait for, guide L2667), then by name. The others: compute groups before login groups, fewest running
/// instances first, then by name, in batches of <c>batchSize</c>.
/// </summary>
public static class CanaryChoice
{
    public const string GivenRule = "the operator's canary";

    public static CanaryDecision Decide(IReadOnlyList<PlannedGroupUpdate> groups, string? canary, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (groups.Count == 0)
            return new CanaryDecision(null, "no group to update", [], []);

        var ordered = groups
            .OrderBy(g => g.IsLogin ? 1 : 0)
            .ThenBy(g => g.InstancesRunning == 0 ? 1 : 0)
            .ThenBy(g => g.InstancesRunning)
            .ThenBy(g => g.NodeGroupName, StringComparer.Ordinal)
            .ToList();
        PlannedGroupUpdate chosen;
        string rule;
        if (canary is not null)
        {
            chosen = groups.First(g => g.NodeGroupId == canary || g.NodeGroupName == canary);
            rule = GivenRule;
        }
        else
        {
            chosen = ordered[0];
            rule = (chosen.IsLogin, chosen.InstancesRunning) switch
            {
                (false, > 0) => "chosen: the compute group (not a login group, guide L3884) with the fewest running instances, at least one, so the new image is verified on a real node (guide L5923-5925)",
                (false, _) => "chosen: no compute group to update runs an instance, so the canary's replacement check has no instance to look at until nodes launch (first compute group by name)",
                (true, > 0) => "chosen: every group to update is a login group (its update cuts interactive sessions, guide L3884); the one with the fewest running instances",
                _ => "chosen: only login groups to update and none runs an instance (first by name)",
            };
        }

        var remaining = ordered.Where(g => g.NodeGroupId != chosen.NodeGroupId)
            .OrderBy(g => g.IsLogin ? 1 : 0)
            .ThenBy(g => g.InstancesRunning)
            .ThenBy(g => g.NodeGroupName, StringComparer.Ordinal)
            .ToList();
        var batches = remaining.Select(g => g.NodeGroupId).Chunk(batchSize).Select(b => (IReadOnlyList<string>)b).ToList();
        return new CanaryDecision(chosen, rule, remaining, batches);
    }
}

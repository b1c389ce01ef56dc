using System.Globalization;
using PcsAutomation.Domain.Ami;

namespace PcsAutomation.Domain.NodeGroupUpdate;

/// <summary>The target as the operator wrote it (<c>{channel [, owner] | amiId | launchTemplateVersion}</c>), before validation.</summary>
public sealed record UpdateTargetText(string? Channel, string? Owner, string? AmiId, string? LaunchTemplateVersion);

/// <summary>
/// A validated roll-out request. <see cref="NodeGroups"/> null = every group whose image differs from the target;
/// <see cref="Canary"/> null = chosen by <see cref="CanaryChoice"/>.
/// </summary>
public sealed record NodeGroupUpdateRequest(
    string ClusterId,
    UpdateTarget Target,
    IReadOnlyList<string>? NodeGroups,
    string? Canary,
    int BatchSize,
    ReplacementMode Replacement,
    bool DryRun)
{
    /// <summary>One group at a time unless told otherwise: the slowest, least disruptive roll-out.</summary>
    public const int DefaultBatchSize = 1;

    /// <summary>guide L10921: at most 10 compute node groups per cluster (not adjustable), so a larger batch means nothing.</summary>
    public const int MaxBatchSize = 10;

    /// <summary>
    /// Checks every field; the first problem throws <see cref="NodeGroupUpdateInputException"/> naming the field
    /// (<c>clusterId</c>, <c>target</c>, <c>target.channel</c>, <c>target.amiId</c>, <c>target.launchTemplateVersion</c>,
    /// <c>nodeGroups</c>, <c>canary</c>, <c>batchSize</c>, <c>replacement</c>).
    /// </summary>
    public static NodeGroupUpdateRequest Validate(
        string? clusterId, UpdateTargetText? target, IReadOnlyList<string?>? nodeGroups, string? canary, int? batchSize, string? replacement, bool? dryRun)
    {
        if (string.IsNullOrWhiteSpace(clusterId))
            throw new NodeGroupUpdateInputException("clusterId", "is required (the cluster's name or id).");
        var groups = NodeGroupList(nodeGroups);
        if (canary is not null && string.IsNullOrWhiteSpace(canary))
            throw new NodeGroupUpdateInputException("canary", "is blank: give a node group name or id, or leave it out to let the plan choose.");
        if (canary is not null && groups is not null && !groups.Contains(canary.Trim(), StringComparer.Ordinal))
            throw new NodeGroupUpdateInputException("canary", $"'{Clip(canary)}' is not one of nodeGroups ({string.Join(", ", groups)}).");
        var batch = batchSize ?? DefaultBatchSize;
        if (batch is < 1 or > MaxBatchSize)
            throw new NodeGroupUpdateInputException("batchSize", string.Create(CultureInfo.InvariantCulture,
                $"is {batch}: it must be 1 to {MaxBatchSize} (a cluster has at most {MaxBatchSize} node groups, guide L10921)."));
        return new NodeGroupUpdateRequest(clusterId.Trim(), ParseTarget(target), groups, canary?.Trim(), batch, ParseReplacement(replacement), dryRun ?? false);
    }

    private static UpdateTarget ParseTarget(UpdateTargetText? target)
    {
        if (target is null)
            throw new NodeGroupUpdateInputException("target", "is required: one of {\"channel\": ...}, {\"amiId\": ...}, {\"launchTemplateVersion\": ...}.");
        var given = new[] { ("channel", target.Channel), ("amiId", target.AmiId), ("launchTemplateVersion", target.LaunchTemplateVersion) }
            .Where(f => f.Item2 is not null).Select(f => f.Item1).ToList();
        if (given.Count != 1)
            throw new NodeGroupUpdateInputException("target", given.Count == 0
                ? "names no target: give exactly one of channel, amiId, launchTemplateVersion."
                : $"gives {string.Join(" and ", given)}: give exactly one of channel, amiId, launchTemplateVersion.");
        if (target.Owner is not null && target.Channel is null)
            throw new NodeGroupUpdateInputException("target.owner", "applies to a channel only.");
        if (target.Channel is { } channel)
        {
            try
            {
                return new UpdateTarget(UpdateTargetKind.Channel, AmiChannelParser.Parse(channel, target.Owner), null, null);
            }
            catch (AmiChannelException e)
            {
                throw new NodeGroupUpdateInputException("target.channel", e.Message);
            }
        }
        if (target.AmiId is { } amiId)
        {
            return AmiIds.Problem(amiId) is { } problem
                ? throw new NodeGroupUpdateInputException("target.amiId", problem)
                : new UpdateTarget(UpdateTargetKind.AmiId, null, amiId, null);
        }
        // EC2 numbers versions 1, 2, ... in creation order; $Latest and $Default are aliases that move, and PCS binds a
        // group to one exact version (guide L2544, L2580), so only a number is accepted.
        var text = target.LaunchTemplateVersion!;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version >= 1
            ? new UpdateTarget(UpdateTargetKind.LaunchTemplateVersion, null, null, version)
            : throw new NodeGroupUpdateInputException("target.launchTemplateVersion",
                $"'{Clip(text)}' is not a launch template version number (1, 2, ...): PCS binds a group to one exact version (guide L2544, L2580), so $Latest and $Default are refused.");
    }

    private static List<string>? NodeGroupList(IReadOnlyList<string?>? nodeGroups)
    {
        if (nodeGroups is null)
            return null;
        if (nodeGroups.Count == 0)
            throw new NodeGroupUpdateInputException("nodeGroups", "is empty: leave it out to update every group that differs from the target.");
        var list = new List<string>();
        foreach (var group in nodeGroups)
        {
            if (string.IsNullOrWhiteSpace(group))
                throw new NodeGroupUpdateInputException("nodeGroups", "holds a blank entry: give node group names or ids.");
            if (list.Contains(group.Trim(), StringComparer.Ordinal))
                throw new NodeGroupUpdateInputException("nodeGroups", $"names '{Clip(group)}' twice.");
            list.Add(group.Trim());
        }
        return list;
    }

    private static ReplacementMode ParseReplacement(string? text) => text switch
    {
        null or "verified" => ReplacementMode.Verified,
        "marked" => ReplacementMode.Marked,
        _ => throw new NodeGroupUpdateInputException("replacement", $"'{Clip(text)}' is not verified or marked."),
    };

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "...";
}

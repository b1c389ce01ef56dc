using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Workflows;

namespace PcsAutomation.Functions.CapacityBlocks;

/// <summary>
/// A node group's launch template moved onto another Capacity Block, as the expiry's switch and its restore both do it:
/// every source version is checked before any change (a template deleted since the plan fails the step with nothing
/// done, <see cref="LaunchTemplateMissing"/>), then per group a new version naming the block in its
/// <c>CapacityReservationTarget</c> (guide L3437-3439), created with a client token of the execution, the step and the
/// group, so a retried step asks for the same version.
/// </summary>
internal static class LaunchTemplateSwitching
{
    /// <summary>A group to move: its name and id for the messages, and the switch the plan gives it.</summary>
    public sealed record Move(string NodeGroupName, string NodeGroupId, LaunchTemplateSwitch Switch);

    /// <summary>Throws <see cref="LaunchTemplateMissing"/> for the first source version that no longer exists; <paramref name="consequence"/> says what is then not done.</summary>
    public static async Task RequireSourcesAsync(
        LaunchTemplates templates, string clusterId, IEnumerable<Move> moves, Func<LaunchTemplateSwitch, string> consequence, CancellationToken cancellationToken)
    {
        foreach (var move in moves)
        {
            var from = move.Switch;
            if (await templates.DataOfVersionAsync(from.LaunchTemplateId, from.FromVersion, cancellationToken).ConfigureAwait(false) is null)
                throw new LaunchTemplateMissing(
                    $"Cluster {clusterId}: node group {move.NodeGroupName} ({move.NodeGroupId}): launch template {from.LaunchTemplateId} version {from.FromVersion} no longer exists, " +
                    $"{consequence(from)} (docs/runbooks/capacity-block-expiry.md).");
        }
    }

    /// <summary>The new version naming the switch's block, as the group's <c>customLaunchTemplate</c>.</summary>
    public static async Task<CustomLaunchTemplate> CreateVersionAsync(
        LaunchTemplates templates, LaunchTemplateSwitch from, string executionArn, string step, string nodeGroupId, CancellationToken cancellationToken)
    {
        var version = await templates.CreateVersionWithReservationAsync(
            from.LaunchTemplateId, from.FromVersion, from.ToReservationId, ClientTokens.For(executionArn, step, nodeGroupId), cancellationToken).ConfigureAwait(false);
        return new CustomLaunchTemplate { Id = from.LaunchTemplateId, Version = version };
    }
}

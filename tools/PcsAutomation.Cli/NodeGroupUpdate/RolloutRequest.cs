using PcsAutomation.Cli.Workflows;

namespace PcsAutomation.Cli.NodeGroupUpdate;

/// <summary>
/// What <c>ami plan</c> or <c>update</c> was asked, as typed: at most one target (<see cref="TargetChannel"/> with its
/// <see cref="Owner"/>, <see cref="AmiId"/> or <see cref="LaunchTemplateVersion"/>; none: the cluster's channel tag,
/// else <c>sample</c>), the groups, the canary, the batch size and the replacement mode (null: the workflow's default).
/// Checked by <see cref="RolloutInput.Build"/>.
/// </summary>
public sealed record RolloutRequest(
    string Cluster,
    bool DryRun,
    string? TargetChannel = null,
    string? Owner = null,
    string? AmiId = null,
    string? LaunchTemplateVersion = null,
    IReadOnlyList<string>? NodeGroups = null,
    string? Canary = null,
    int? BatchSize = null,
    string? Replacement = null,
    StateMachineChoice? StateMachine = null)
{
    /// <summary>True when an option names the target (else it comes from the cluster's tag or the default).</summary>
    public bool HasTarget => TargetChannel is not null || AmiId is not null || LaunchTemplateVersion is not null;
}

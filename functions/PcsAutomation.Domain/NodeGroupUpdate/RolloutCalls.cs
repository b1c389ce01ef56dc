using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Domain.NodeGroupUpdate;

/// <summary>
/// The workflows' mutating steps that set a node group's image or launch template (the roll-out's, and the Capacity
/// Block expiry's, whose new launch template version names another block with the same image), by the name their
/// client tokens are derived from
/// (<see cref="ClientTokens.For"/> with the execution ARN, the step and the group's id), and how to recognise one of
/// them in a CloudTrail record: PCS records the request's <c>clientToken</c> (the guide's CloudTrail sample, L10798),
/// and only the execution holding the cluster's lease could have sent the token that execution derives. A call with
/// no token, or another, is not ours.
/// </summary>
public static class RolloutCalls
{
    /// <summary>UpdateComputeNodeGroup of UpdateNodeGroup (the new amiId or launch template version).</summary>
    public const string UpdateStep = "update-node-group";

    /// <summary>UpdateComputeNodeGroup of RollbackNodeGroups (the saved amiId and version back).</summary>
    public const string RollbackStep = "rollback";

    /// <summary>UpdateComputeNodeGroup of the expiry's SwitchLaunchTemplates (a version naming the successor block).</summary>
    public const string ExpirySwitchStep = "capacity-block-switch";

    /// <summary>UpdateComputeNodeGroup of the expiry's RestoreParkedNodeGroups (a version naming the block, the saved scaling).</summary>
    public const string ExpiryRestoreStep = "capacity-block-restore";

    /// <summary>True for the roll-out's own steps, false for the expiry's.</summary>
    public static bool IsRollout(string step) => step is UpdateStep or RollbackStep;

    /// <summary>The step of <paramref name="executionArn"/> that sends <paramref name="clientToken"/> for the group, or null.</summary>
    public static string? StepOf(string? clientToken, string executionArn, string nodeGroupId)
    {
        ArgumentNullException.ThrowIfNull(executionArn);
        ArgumentNullException.ThrowIfNull(nodeGroupId);
        if (string.IsNullOrEmpty(clientToken))
            return null;
        return new[] { UpdateStep, RollbackStep, ExpirySwitchStep, ExpiryRestoreStep }.FirstOrDefault(step => ClientTokens.For(executionArn, step, nodeGroupId) == clientToken);
    }
}

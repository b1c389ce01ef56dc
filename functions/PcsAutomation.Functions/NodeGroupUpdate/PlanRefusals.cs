using PcsAutomation.Domain.Ami;
using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Functions.Workflows;

namespace PcsAutomation.Functions.NodeGroupUpdate;

/// <summary>A refused plan as the named error the state machine branches on; the message lists every refusal with its rule and guide lines.</summary>
internal static class PlanRefusals
{
    public static WorkflowError ToError(NodeGroupUpdatePlan plan)
    {
        var message = $"Roll-out of cluster {plan.ClusterId} to {plan.Target} refused: {string.Join("; ", plan.Refusals)}";
        var rules = plan.Refusals.Select(r => r.Rule).ToHashSet(StringComparer.Ordinal);
        if (rules.Contains(PlanRules.UnknownNodeGroup))
            return new UnknownNodeGroup(message);
        if (rules.Contains(PlanRules.ClusterStatus) || rules.Contains(PlanRules.NodeGroupStatus))
            return new NodeGroupNotReady(message);
        if (rules.Contains(AmiPreflight.SlurmEndOfLife))
            return new TargetEndOfLife(message);
        if (rules.Contains(PlanRules.Canary) && rules.Count == 1)
            return new CanaryNotUpdated(message);
        return new TargetIncompatible(message);
    }
}

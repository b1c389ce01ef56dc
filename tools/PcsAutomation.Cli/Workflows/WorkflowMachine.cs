using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Cli.Workflows;

/// <summary>
/// A workflow's state machine as template.yaml declares it: its logical id (the emulator names machines by it), the
/// suffix its <c>Name: !Sub ${NamePrefix}-...</c> appends to the stack's NamePrefix parameter, the workflow kind (execution names,
/// the lease) and the word the CLI uses for one run of it.
/// </summary>
public sealed record WorkflowMachine(WorkflowKind Kind, string LogicalId, string NameSuffix, string Noun)
{
    public static readonly WorkflowMachine ClusterSecretRotation =
        new(WorkflowKind.ClusterSecretRotation, "ClusterSecretRotationStateMachine", "-cluster-secret-rotation", "rotation");

    public static readonly WorkflowMachine NodeGroupUpdate =
        new(WorkflowKind.NodeGroupUpdate, "NodeGroupUpdateStateMachine", "-node-group-update", "roll-out");

    public static readonly WorkflowMachine CapacityBlockExpiry =
        new(WorkflowKind.CapacityBlockExpiry, "CapacityBlockExpiryStateMachine", "-capacity-block-expiry", "Capacity Block expiry");

    /// <summary>The stack output that holds the machine's ARN (template.yaml names it after the logical id).</summary>
    public string ArnOutput => LogicalId + "Arn";
}

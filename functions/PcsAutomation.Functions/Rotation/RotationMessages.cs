namespace PcsAutomation.Functions.Rotation;

// What the rotation state machine passes to its own steps (camelCase JSON, RotationJsonContext); the shared steps'
// records are in Workflows/WorkflowMessages.cs. Inputs are nullable so a missing field becomes InvalidWorkflowInput.

/// <summary><c>PlanRotation</c> input: <paramref name="ClusterId"/> may be the cluster's name or id.</summary>
public sealed record PlanRotationInput(string? ClusterId, bool? DryRun, string? ExecutionArn);

using System.Text.Json.Serialization;
using PcsAutomation.Domain.Rotation;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.Rotation;

/// <summary>
/// Source-generated JSON (camelCase, Native AOT) for the rotation's own steps: inputs, outputs and the state machine's
/// input. Events (EventBridge envelopes) use <see cref="Lambda.Events.LambdaEventsJsonContext"/>; the shared steps
/// <see cref="Workflows.WorkflowJsonContext"/>.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(PlanRotationInput))]
[JsonSerializable(typeof(RotationPlan))]
[JsonSerializable(typeof(RotateClusterSecretInput))]
[JsonSerializable(typeof(RotateClusterSecretOutput))]
[JsonSerializable(typeof(CheckSecretRotationInput))]
[JsonSerializable(typeof(CheckSecretRotationOutput))]
[JsonSerializable(typeof(RotationEventRouterOutput))]
[JsonSerializable(typeof(RefreshLoginNodesInput))]
[JsonSerializable(typeof(RefreshLoginNodesOutput))]
[JsonSerializable(typeof(CheckLoginNodesInput))]
[JsonSerializable(typeof(CheckLoginNodesOutput))]
[JsonSerializable(typeof(RotationReconcilerOutput))]
[JsonSerializable(typeof(RotationExecutionInput))]
[JsonSerializable(typeof(RotationNotificationFacts))]
[JsonSerializable(typeof(AdvanceNoticeInput))]
internal sealed partial class RotationJsonContext : JsonSerializerContext
{
    private static RotationJsonContext? strict;

    /// <summary>The instance to use: <see cref="LambdaJson.StrictOptions"/> (no default encoder at start-up; the same bytes).</summary>
    public static RotationJsonContext Strict => strict ??= new(LambdaJson.StrictOptions(Default.GeneratedSerializerOptions));
}

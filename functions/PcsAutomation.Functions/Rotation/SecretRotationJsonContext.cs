using System.Text.Json.Serialization;

namespace PcsAutomation.Functions.Rotation;

/// <summary>
/// Source-generated JSON (camelCase, Native AOT) for the secret-rotation handlers' inputs and outputs. Their events
/// (EventBridge envelopes) use <see cref="Lambda.Events.LambdaEventsJsonContext"/>.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
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
internal sealed partial class SecretRotationJsonContext : JsonSerializerContext;

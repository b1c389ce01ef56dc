using System.Text.Json.Serialization;
using PcsAutomation.Domain.Rotation;

namespace PcsAutomation.Functions.Rotation;

/// <summary>Source-generated camelCase JSON for the rotation handlers' inputs and outputs and the lease's saved scaling (Native AOT: no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PlanRotationInput))]
[JsonSerializable(typeof(RotationPlan))]
[JsonSerializable(typeof(AcquireClusterLeaseInput))]
[JsonSerializable(typeof(AcquireClusterLeaseResult))]
[JsonSerializable(typeof(ScaleNodeGroupsToZeroInput))]
[JsonSerializable(typeof(ScaleNodeGroupsToZeroResult))]
[JsonSerializable(typeof(CheckClusterDrainedInput))]
[JsonSerializable(typeof(CheckClusterDrainedResult))]
[JsonSerializable(typeof(RestoreNodeGroupsInput))]
[JsonSerializable(typeof(RestoreNodeGroupsResult))]
[JsonSerializable(typeof(CheckNodeGroupsRestoredInput))]
[JsonSerializable(typeof(CheckNodeGroupsRestoredResult))]
[JsonSerializable(typeof(ReleaseClusterLeaseInput))]
[JsonSerializable(typeof(ReleaseClusterLeaseResult))]
[JsonSerializable(typeof(IReadOnlyList<NodeGroupScaling>))]
internal sealed partial class RotationJsonContext : JsonSerializerContext;

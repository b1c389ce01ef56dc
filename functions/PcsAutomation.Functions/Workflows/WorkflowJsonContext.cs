using System.Text.Json.Serialization;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Domain.NodeGroups;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.Workflows;

/// <summary>Source-generated camelCase JSON for the shared steps' inputs and outputs the lease's saved scaling and node group changes, and the expiry's parked records (Native AOT: no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Metadata)]
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
[JsonSerializable(typeof(PrepareNotificationInput))]
[JsonSerializable(typeof(PrepareNotificationResult))]
[JsonSerializable(typeof(IReadOnlyList<NodeGroupScaling>))]
[JsonSerializable(typeof(IReadOnlyList<NodeGroupChange>))]
[JsonSerializable(typeof(ParkedNodeGroup))]
internal sealed partial class WorkflowJsonContext : JsonSerializerContext
{
    private static WorkflowJsonContext? strict;

    /// <summary>The instance to use: <see cref="LambdaJson.StrictOptions"/> (no default encoder at start-up; the same bytes).</summary>
    public static WorkflowJsonContext Strict => strict ??= new(LambdaJson.StrictOptions(Default.GeneratedSerializerOptions));
}

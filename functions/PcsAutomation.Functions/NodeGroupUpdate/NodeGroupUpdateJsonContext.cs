using System.Text.Json.Serialization;
using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.NodeGroupUpdate;

/// <summary>Source-generated camelCase JSON (Native AOT) for the roll-out's own steps; the shared steps use <see cref="Workflows.WorkflowJsonContext"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(PlanNodeGroupUpdateInput))]
[JsonSerializable(typeof(NodeGroupUpdatePlan))]
[JsonSerializable(typeof(UpdateNodeGroupInput))]
[JsonSerializable(typeof(UpdateNodeGroupResult))]
[JsonSerializable(typeof(CheckNodeGroupUpdatedInput))]
[JsonSerializable(typeof(CheckNodeGroupUpdatedResult))]
[JsonSerializable(typeof(RollbackNodeGroupsInput))]
[JsonSerializable(typeof(RollbackNodeGroupsResult))]
[JsonSerializable(typeof(NodeGroupUpdateNotificationFacts))]
internal sealed partial class NodeGroupUpdateJsonContext : JsonSerializerContext
{
    private static NodeGroupUpdateJsonContext? strict;

    /// <summary>The instance to use: <see cref="LambdaJson.StrictOptions"/> (no default encoder at start-up; the same bytes).</summary>
    public static NodeGroupUpdateJsonContext Strict => strict ??= new(LambdaJson.StrictOptions(Default.GeneratedSerializerOptions));
}

using System.Text.Json.Serialization;
using PcsAutomation.Domain.NodeGroupUpdate;

namespace PcsAutomation.Functions.NodeGroupUpdate;

/// <summary>Source-generated camelCase JSON (Native AOT) for the roll-out's own steps; the shared steps use <see cref="Workflows.WorkflowJsonContext"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PlanNodeGroupUpdateInput))]
[JsonSerializable(typeof(NodeGroupUpdatePlan))]
[JsonSerializable(typeof(UpdateNodeGroupInput))]
[JsonSerializable(typeof(UpdateNodeGroupResult))]
[JsonSerializable(typeof(CheckNodeGroupUpdatedInput))]
[JsonSerializable(typeof(CheckNodeGroupUpdatedResult))]
[JsonSerializable(typeof(RollbackNodeGroupsInput))]
[JsonSerializable(typeof(RollbackNodeGroupsResult))]
[JsonSerializable(typeof(NodeGroupUpdateNotificationFacts))]
internal sealed partial class NodeGroupUpdateJsonContext : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using PcsAutomation.Cli.Workflows;
using PcsAutomation.Domain.NodeGroupUpdate;

namespace PcsAutomation.Cli.NodeGroupUpdate;

/// <summary>
/// The roll-out's records as the workflow writes them (camelCase, as the product's handlers serialize them), read
/// strictly: a plan or a change with a member missing or null where the record forbids it is not read at all.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    WriteIndented = true)]
[JsonSerializable(typeof(NodeGroupUpdatePlan))]
[JsonSerializable(typeof(IReadOnlyList<NodeGroupChange>))]
internal sealed partial class RolloutJsonContext : JsonSerializerContext;

/// <summary>Reads the plan and the saved changes out of an execution's output or notification.</summary>
public static class RolloutJson
{
    /// <summary>The plan in <paramref name="node"/> itself, or in its shallowest <c>plan</c> member; null when there is none or it does not read as a plan.</summary>
    public static NodeGroupUpdatePlan? Plan(JsonNode? node)
    {
        var plan = node is JsonObject o && o["clusterId"] is not null && o["batches"] is not null ? o
            : node is null ? null
            : WorkflowJson.Find(node, "plan") as JsonObject;
        return Read(plan, RolloutJsonContext.Default.NodeGroupUpdatePlan);
    }

    /// <summary>The lease's saved changes a notification carries (<c>savedImages</c>); none when absent or unreadable.</summary>
    public static IReadOnlyList<NodeGroupChange> Changes(JsonObject? detail) =>
        Read(detail?["savedImages"], RolloutJsonContext.Default.IReadOnlyListNodeGroupChange) ?? [];

    public static string Write(NodeGroupUpdatePlan plan) => JsonSerializer.Serialize(plan, RolloutJsonContext.Default.NodeGroupUpdatePlan);

    private static T? Read<T>(JsonNode? node, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        if (node is null) return null;
        try
        {
            return node.Deserialize(type);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

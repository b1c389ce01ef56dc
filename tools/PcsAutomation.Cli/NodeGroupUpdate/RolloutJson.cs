using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using PcsAutomation.Cli.Workflows;
using PcsAutomation.Domain.NodeGroupUpdate;

namespace PcsAutomation.Cli.NodeGroupUpdate;

/// <summary>
/// The roll-out's records as the workflow writes them (camelCase, as the product's handlers serialize them). A null
/// where the record forbids one is an error; a missing member is not (the state machine's ResultSelector keeps only the
/// members the later steps use: a plan in <c>$.plan</c> has no <c>refusals</c>), so <see cref="RolloutJson"/> checks
/// what it reads.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, RespectNullableAnnotations = true, WriteIndented = true)]
[JsonSerializable(typeof(NodeGroupUpdatePlan))]
[JsonSerializable(typeof(IReadOnlyList<NodeGroupChange>))]
internal sealed partial class RolloutJsonContext : JsonSerializerContext;

/// <summary>Reads the plan and the saved changes out of an execution's output or notification.</summary>
public static class RolloutJson
{
    /// <summary>
    /// The plan in <paramref name="node"/> itself, or in its shallowest <c>plan</c> member; null when there is none or
    /// it lacks what a plan must say (cluster, target, canary rule, groups, batches, skipped, warnings). Refusals are
    /// not carried past the plan step (a refused plan fails it): absent, they read as none.
    /// </summary>
    public static NodeGroupUpdatePlan? Plan(JsonNode? node)
    {
        var json = node is JsonObject o && o["clusterId"] is not null && o["batches"] is not null ? o
            : node is null ? null
            : WorkflowJson.Find(node, "plan") as JsonObject;
        // Deserialization leaves a missing member null whatever its annotation: each one read below is checked.
        var plan = Read(json, RolloutJsonContext.Default.NodeGroupUpdatePlan);
        if (plan is null || plan.ClusterId is null || plan.ClusterName is null || plan.ClusterSlurmVersion is null || plan.Target is null
            || plan.Replacement is null || plan.CanaryRule is null || plan.Remaining is null || plan.Batches is null || plan.Skipped is null
            || plan.Warnings is null || plan.Remaining.Any(Incomplete) || (plan.Canary is { } canary && Incomplete(canary)))
            return null;
        return plan.Refusals is null ? plan with { Refusals = [] } : plan;
    }

    /// <summary>The lease's saved changes a notification carries (<c>savedImages</c>); none when absent or unreadable.</summary>
    public static IReadOnlyList<NodeGroupChange> Changes(JsonObject? detail)
    {
        var changes = Read(detail?["savedImages"], RolloutJsonContext.Default.IReadOnlyListNodeGroupChange);
        return changes is null || changes.Any(c => c.Previous?.NodeGroupId is null || c.Previous.NodeGroupName is null || c.ExpectedImageId is null) ? [] : changes;
    }

    private static bool Incomplete(PlannedGroupUpdate group) =>
        group.NodeGroupId is null || group.NodeGroupName is null || group.Change is null || group.From is null || group.To is null
        || group.ExpectedImageId is null || group.Disruption is null || group.Warnings is null;

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

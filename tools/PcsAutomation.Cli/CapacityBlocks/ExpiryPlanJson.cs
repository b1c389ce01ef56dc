using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Functions.CapacityBlocks;

namespace PcsAutomation.Cli.CapacityBlocks;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ExpiryPlan))]
internal sealed partial class ExpiryPlanJsonContext : JsonSerializerContext;

/// <summary>
/// <c>capacity-blocks plan --output json</c>, for scripts: <c>reservationId</c>, <c>now</c>, <c>leadMinutes</c>,
/// <c>leadRaised</c>, <c>complete</c> (nothing left to do), <c>needsOperator</c>, <c>leftAlone[]</c> (the clusters the
/// workflow does not act on: <c>clusterId</c>, <c>clusterName</c>, <c>reason</c>), <c>nodeGroupNames</c> (id → name, for
/// the queue lists, which hold ids) and <c>plan</c>: the workflow's ExpiryPlan, camelCase (<c>timing</c>,
/// <c>clusters[].groups[]</c> with <c>action</c>, <c>reason</c>, <c>remaining</c>; <c>clusters[].queueEdits[]</c> with
/// <c>before</c> and <c>after</c>; <c>clusters[].parked[]</c> with <c>savedScaling</c>; <c>findings</c>, <c>notes</c>).
/// Instants as .NET writes a DateTimeOffset (ISO 8601 with offset), durations as <c>hh:mm:ss</c>.
/// <c>jq -r .plan.timing.actionStartsAt</c> gives when the expiry acts.
/// </summary>
public static class ExpiryPlanJson
{
    // Relaxed escaping: instants keep their "+00:00" and messages their arrows (the output is a document for scripts, never HTML).
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(ExpiryPlan plan, IReadOnlyDictionary<string, string> names, IReadOnlyList<ClusterSkip> leftAlone)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(leftAlone);
        var json = new JsonObject
        {
            ["reservationId"] = plan.ReservationId,
            ["now"] = CapacityListJson.Timestamp(plan.PlannedAt),
            ["leadMinutes"] = (int)plan.Timing.RequestedLead.TotalMinutes,
            ["leadRaised"] = plan.Timing.LeadRaised(),
            ["complete"] = plan.IsComplete(),
            ["needsOperator"] = plan.NeedsOperator(),
            ["leftAlone"] = new JsonArray([.. leftAlone.Select(s => (JsonNode)new JsonObject { ["clusterId"] = s.ClusterId, ["clusterName"] = s.ClusterName, ["reason"] = s.Reason })]),
            ["nodeGroupNames"] = new JsonObject(names.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => KeyValuePair.Create(n.Key, (JsonNode?)JsonValue.Create(n.Value)))),
            ["plan"] = JsonSerializer.SerializeToNode(plan, ExpiryPlanJsonContext.Default.ExpiryPlan),
        };
        return json.ToJsonString(Indented);
    }
}

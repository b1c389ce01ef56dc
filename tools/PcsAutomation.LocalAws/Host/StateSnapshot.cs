using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Pcs;
using PcsAutomation.LocalAws.SecretsManager;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Host;

/// <summary>Renders the whole world as JSON (no secret values): what inspection and "state unchanged" checks compare.</summary>
public static class StateSnapshot
{
    public static JsonObject Of(AwsWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        return new JsonObject
        {
            ["time"] = Protocol.AwsTimestamp.Iso8601(world.Now),
            ["clusters"] = new JsonArray(world.Clusters.Values.OrderBy(c => c.Sequence).Select(c => (JsonNode)new JsonObject
            {
                ["cluster"] = PcsJson.Cluster(c),
                ["tags"] = Tags(c.Tags),
                ["computeNodeGroups"] = new JsonArray(c.NodeGroups.Values.OrderBy(g => g.Sequence).Select(g => (JsonNode)PcsJson.NodeGroup(g)).ToArray()),
                ["queues"] = new JsonArray(c.Queues.Values.OrderBy(q => q.Sequence).Select(q => (JsonNode)PcsJson.Queue(q)).ToArray()),
                ["jobs"] = new JsonArray(c.Jobs.Select(j => (JsonNode)new JsonObject
                {
                    ["jobId"] = j.JobId,
                    ["queueId"] = j.QueueId,
                    ["state"] = j.State,
                    ["instanceId"] = j.InstanceId,
                    ["requeues"] = j.Requeues,
                }).ToArray()),
            }).ToArray()),
            ["instances"] = new JsonArray(world.Instances.Values.OrderBy(i => i.LaunchTime).ThenBy(i => i.InstanceId, StringComparer.Ordinal)
                .Select(i => (JsonNode)new JsonObject
                {
                    ["instanceId"] = i.InstanceId,
                    ["state"] = i.State,
                    ["imageId"] = i.ImageId,
                    ["instanceType"] = i.InstanceType,
                    ["markedForReplacement"] = i.MarkedForReplacement,
                    ["tags"] = Tags(i.Tags),
                }).ToArray()),
            ["secrets"] = new JsonArray(world.Secrets.Values.OrderBy(s => s.CreatedDate).ThenBy(s => s.Name, StringComparer.Ordinal)
                .Select(s => (JsonNode)SecretsJson.Describe(s)).ToArray()),
            ["capacityBlocks"] = new JsonArray(world.CapacityBlocks.Values.Select(b => (JsonNode)new JsonObject
            {
                ["capacityReservationId"] = b.CapacityReservationId,
                ["instanceType"] = b.InstanceType,
                ["state"] = b.StateAt(world.Now),
                ["startDate"] = Protocol.AwsTimestamp.Iso8601(b.StartDate),
                ["endDate"] = Protocol.AwsTimestamp.Iso8601(b.EndDate),
                ["tags"] = Tags(b.Tags),
                ["extensions"] = new JsonArray(b.Extensions.Select(e => (JsonNode)new JsonObject
                {
                    ["status"] = e.Status,
                    ["endDate"] = Protocol.AwsTimestamp.Iso8601(e.EndDate),
                }).ToArray()),
            }).ToArray()),
        };
    }

    private static JsonObject Tags(IReadOnlyDictionary<string, string> tags) =>
        new(tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value)));
}

using System.Text;
using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Protocol;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Pcs;

/// <summary>
/// AWS Parallel Computing Service, all 19 operations of the botocore model (2023-02-10), behaving as the
/// PCS user guide describes. Call <see cref="Invoke"/> under the world's gate (the HTTP layer does).
/// </summary>
public sealed partial class PcsService(AwsWorld world)
{
    public const string TargetPrefix = "AWSParallelComputingService";
    public const string SigningName = "pcs";

    /// <summary>Guide L10901: 5 clusters per Region by default (adjustable, so <see cref="ClusterQuota"/> is a setting).</summary>
    public const int DefaultClusterQuota = 5;

    /// <summary>Default <see cref="DefaultClusterQuota"/>.</summary>
    public int ClusterQuota { get; set; } = DefaultClusterQuota;

    /// <summary>Guide L10921-10922: 10 node groups and 10 queues per cluster, not adjustable.</summary>
    public const int NodeGroupQuota = 10;
    public const int QueueQuota = 10;

    /// <summary>Scenario hook: the next CreateCluster ends in CREATE_FAILED with this message.</summary>
    public string? FailNextClusterCreation { get; set; }

    private readonly ClientTokenStore tokens = new("clientToken");

    public PcsFleet Fleet { get; } = new(world);

    public JsonNode Invoke(string operation, JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reader = new RequestReader(request, m => PcsErrors.Validation(m));
        try
        {
            return operation switch
            {
                "CreateCluster" => Idempotent(operation, request, () => CreateCluster(reader)),
                "GetCluster" => new JsonObject { ["cluster"] = PcsJson.Cluster(Cluster(reader)) },
                "ListClusters" => ListClusters(reader),
                "UpdateCluster" => Idempotent(operation, request, () => UpdateCluster(reader)),
                "DeleteCluster" => Idempotent(operation, request, () => DeleteCluster(reader)),
                "CreateComputeNodeGroup" => Idempotent(operation, request, () => CreateComputeNodeGroup(reader)),
                "GetComputeNodeGroup" => new JsonObject { ["computeNodeGroup"] = PcsJson.NodeGroup(NodeGroup(Cluster(reader), reader)) },
                "ListComputeNodeGroups" => ListComputeNodeGroups(reader),
                "UpdateComputeNodeGroup" => Idempotent(operation, request, () => UpdateComputeNodeGroup(reader)),
                "DeleteComputeNodeGroup" => Idempotent(operation, request, () => DeleteComputeNodeGroup(reader)),
                "CreateQueue" => Idempotent(operation, request, () => CreateQueue(reader)),
                "GetQueue" => new JsonObject { ["queue"] = PcsJson.Queue(Queue(Cluster(reader), reader)) },
                "ListQueues" => ListQueues(reader),
                "UpdateQueue" => Idempotent(operation, request, () => UpdateQueue(reader)),
                "DeleteQueue" => Idempotent(operation, request, () => DeleteQueue(reader)),
                "RegisterComputeNodeGroupInstance" => RegisterComputeNodeGroupInstance(reader),
                "TagResource" => TagResource(reader),
                "UntagResource" => UntagResource(reader),
                "ListTagsForResource" => new JsonObject { ["tags"] = TagsJson(Resource(reader.RequiredString("resourceArn")).Tags) },
                _ => throw new AwsServiceException("UnknownOperationException", $"Unknown operation {operation}", 400),
            };
        }
        catch (InvalidTransitionException transition)
        {
            throw PcsErrors.Conflict(transition);
        }
    }

    private JsonNode Idempotent(string operation, JsonObject request, Func<JsonNode> call)
    {
        PcsValidation.ClientToken(request["clientToken"] is JsonValue v && v.TryGetValue<string>(out var t) ? t : null);
        var replay = tokens.Replay(operation, request, () => PcsErrors.Conflict(
            "The client token was already used with different request parameters.", "clientToken",
            request["clientToken"]?.ToString() ?? ""));
        if (replay is not null) return replay;
        var response = call();
        tokens.Remember(operation, request, response);
        return response;
    }

    private PcsCluster Cluster(RequestReader reader)
    {
        var identifier = reader.RequiredString("clusterIdentifier");
        return world.FindCluster(identifier) ?? throw PcsErrors.NotFound("cluster", identifier);
    }

    private static ComputeNodeGroup NodeGroup(PcsCluster cluster, RequestReader reader)
    {
        var identifier = reader.RequiredString("computeNodeGroupIdentifier");
        return cluster.FindNodeGroup(identifier) ?? throw PcsErrors.NotFound("computeNodeGroup", identifier);
    }

    private static PcsQueue Queue(PcsCluster cluster, RequestReader reader)
    {
        var identifier = reader.RequiredString("queueIdentifier");
        return cluster.FindQueue(identifier) ?? throw PcsErrors.NotFound("queue", identifier);
    }

    private PcsResource Resource(string arn) =>
        world.Clusters.Values.SelectMany(c => new PcsResource[] { c }.Concat(c.NodeGroups.Values).Concat(c.Queues.Values))
            .FirstOrDefault(r => r.Arn == arn)
        ?? throw PcsErrors.NotFound("resource", arn);

    private JsonObject TagResource(RequestReader reader)
    {
        var tags = reader.OptionalStringMap("tags") ?? throw PcsErrors.Validation("tags must not be null");
        var resource = Resource(reader.RequiredString("resourceArn"));
        if (resource.Tags.Keys.Union(tags.Keys).Count() > 200)
            throw PcsErrors.Quota("A resource can have at most 200 tags.", resource.ResourceType, "tags");
        foreach (var (key, value) in tags) resource.Tags[key] = value;
        return [];
    }

    private JsonObject UntagResource(RequestReader reader)
    {
        var keys = reader.OptionalStringList("tagKeys") ?? throw PcsErrors.Validation("tagKeys must not be null");
        var resource = Resource(reader.RequiredString("resourceArn"));
        foreach (var key in keys) resource.Tags.Remove(key);
        return [];
    }

    /// <summary>Called by the PCS agent at boot with the instance's bootstrap id (guide L726, L4772).</summary>
    private JsonObject RegisterComputeNodeGroupInstance(RequestReader reader)
    {
        var cluster = Cluster(reader);
        var bootstrapId = reader.RequiredString("bootstrapId");
        var instance = world.InstancesOfCluster(cluster.Id).FirstOrDefault(i => i.InstanceId == bootstrapId && i.IsUp)
                       ?? throw new AwsServiceException("AccessDeniedException", "The instance is not part of this cluster.", 403);
        var group = cluster.NodeGroups.GetValueOrDefault(instance.NodeGroupId ?? "")
                    ?? throw new AwsServiceException("AccessDeniedException", "The instance is not part of this cluster.", 403);
        var secret = world.Secrets.GetValueOrDefault(cluster.SecretArn)?.FindVersion(cluster.SecretVersion);
        var index = world.InstancesOfNodeGroup(group.Id).OrderBy(i => i.LaunchTime).ToList().IndexOf(instance) + 1;
        return new JsonObject
        {
            ["nodeID"] = $"{group.Name}-{index}",
            ["sharedSecret"] = secret?.SecretString ?? "",
            ["endpoints"] = PcsJson.Cluster(cluster)["endpoints"]!.DeepClone(),
            ["clusterName"] = cluster.Name,
            ["computeNodeGroupId"] = group.Id,
            ["computeNodeGroupName"] = group.Name,
        };
    }

    private static JsonObject TagsJson(IReadOnlyDictionary<string, string> tags) =>
        new(tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value)));

    /// <summary>List pagination: the token is the opaque base64 of the next index.</summary>
    private static JsonObject Page<T>(RequestReader reader, IReadOnlyList<T> items, string member, Func<T, JsonObject> render)
    {
        var max = reader.OptionalInt("maxResults") ?? 100;
        if (max is < 1 or > 100) throw PcsErrors.Validation("1 validation error detected: Value at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 100");
        var start = 0;
        if (reader.OptionalString("nextToken") is { } token)
        {
            try
            {
                start = int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)), System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                throw PcsErrors.Validation("The nextToken is not valid.");
            }
            if (start < 0 || start > items.Count) throw PcsErrors.Validation("The nextToken is not valid.");
        }
        var page = items.Skip(start).Take(max).Select(i => (JsonNode)render(i)).ToArray();
        var json = new JsonObject { [member] = new JsonArray(page) };
        if (start + max < items.Count)
            json["nextToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes((start + max).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return json;
    }

    private JsonObject ListClusters(RequestReader reader) =>
        Page(reader, world.Clusters.Values.OrderBy(c => c.Sequence).ToList(), "clusters", PcsJson.ClusterSummary);

    private JsonObject ListComputeNodeGroups(RequestReader reader) =>
        Page(reader, Cluster(reader).NodeGroups.Values.OrderBy(g => g.Sequence).ToList(), "computeNodeGroups", PcsJson.NodeGroupSummary);

    private JsonObject ListQueues(RequestReader reader) =>
        Page(reader, Cluster(reader).Queues.Values.OrderBy(q => q.Sequence).ToList(), "queues", PcsJson.QueueSummary);
}

using System.Text.Json.Nodes;
using static PcsAutomation.LocalAws.Protocol.AwsTimestamp;

namespace PcsAutomation.LocalAws.Pcs;

/// <summary>Renders PCS resources in the botocore model's shapes (Cluster, ComputeNodeGroup, Queue and summaries).</summary>
public static class PcsJson
{
    public static JsonObject Cluster(PcsCluster c)
    {
        var slurm = (JsonObject)c.SlurmConfiguration.DeepClone();
        slurm["authKey"] = new JsonObject { ["secretArn"] = c.SecretArn, ["secretVersion"] = c.SecretVersion };
        var endpoints = new JsonArray(Endpoint("SLURMCTLD", c.ControllerIp, "6817"));
        if (slurm["slurmRest"]?["mode"]?.GetValue<string>() == "STANDARD")
        {
            // guide L6832-6843: the controller's private address and 6820; the emulator's slurmrestd listens on loopback
            // at a port of the cluster's own (SlurmRest.SlurmRestServers), the one departure from the real endpoint.
            endpoints.Add(c.SlurmRestPort is { } port
                ? Endpoint("SLURMRESTD", "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture))
                : Endpoint("SLURMRESTD", c.ControllerIp, "6820"));
            // guide L2371, L2446-2450: the cluster secret is also the JWT key (jwtAuth.jwtKey in the model,
            // ../shared/reference/botocore/pcs.service-2.json)
            slurm["jwtAuth"] = new JsonObject { ["jwtKey"] = new JsonObject { ["secretArn"] = c.SecretArn, ["secretVersion"] = c.SecretVersion } };
        }
        if (slurm["accounting"]?["mode"]?.GetValue<string>() == "STANDARD")
            endpoints.Add(Endpoint("SLURMDBD", c.ControllerIp, "6819"));
        var json = Summary(c);
        json["scheduler"] = new JsonObject { ["type"] = "SLURM", ["version"] = c.SchedulerVersion };
        json["size"] = c.Size;
        json["slurmConfiguration"] = slurm;
        json["networking"] = c.Networking.DeepClone();
        json["endpoints"] = endpoints;
        AddErrorInfo(json, c);
        return json;
    }

    public static JsonObject ClusterSummary(PcsCluster c) => Summary(c);

    public static JsonObject NodeGroup(ComputeNodeGroup g)
    {
        var json = NodeGroupSummary(g);
        if (g.AmiId is not null) json["amiId"] = g.AmiId;
        json["subnetIds"] = Strings(g.SubnetIds);
        json["purchaseOption"] = g.PurchaseOption;
        json["customLaunchTemplate"] = new JsonObject { ["id"] = g.LaunchTemplateId, ["version"] = g.LaunchTemplateVersion };
        json["iamInstanceProfileArn"] = g.IamInstanceProfileArn;
        json["scalingConfiguration"] = new JsonObject
        {
            ["minInstanceCount"] = g.MinInstanceCount,
            ["maxInstanceCount"] = g.MaxInstanceCount,
        };
        json["instanceConfigs"] = new JsonArray(g.InstanceTypes.Select(t => (JsonNode)new JsonObject { ["instanceType"] = t }).ToArray());
        if (g.SpotOptions is not null) json["spotOptions"] = g.SpotOptions.DeepClone();
        if (g.SlurmConfiguration is not null) json["slurmConfiguration"] = g.SlurmConfiguration.DeepClone();
        if (g.NodeLifecycleActions is not null) json["nodeLifecycleActions"] = g.NodeLifecycleActions.DeepClone();
        AddErrorInfo(json, g);
        return json;
    }

    public static JsonObject NodeGroupSummary(ComputeNodeGroup g)
    {
        var json = Summary(g);
        json.Insert(3, "clusterId", g.ClusterId);
        return json;
    }

    public static JsonObject Queue(PcsQueue q)
    {
        var json = QueueSummary(q);
        json["computeNodeGroupConfigurations"] = new JsonArray(
            q.ComputeNodeGroupIds.Select(id => (JsonNode)new JsonObject { ["computeNodeGroupId"] = id }).ToArray());
        if (q.SlurmConfiguration is not null) json["slurmConfiguration"] = q.SlurmConfiguration.DeepClone();
        AddErrorInfo(json, q);
        return json;
    }

    public static JsonObject QueueSummary(PcsQueue q)
    {
        var json = Summary(q);
        json.Insert(3, "clusterId", q.ClusterId);
        return json;
    }

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());

    private static JsonObject Summary(PcsResource r) => new()
    {
        ["name"] = r.Name,
        ["id"] = r.Id,
        ["arn"] = r.Arn,
        ["createdAt"] = Iso8601(r.CreatedAt),
        ["modifiedAt"] = Iso8601(r.ModifiedAt),
        ["status"] = r.Status,
    };

    private static JsonObject Endpoint(string type, string ip, string port) =>
        new() { ["type"] = type, ["privateIpAddress"] = ip, ["port"] = port };

    private static void AddErrorInfo(JsonObject json, PcsResource r)
    {
        if (r.ErrorInfo.Count == 0) return;
        json["errorInfo"] = new JsonArray(r.ErrorInfo
            .Select(e => (JsonNode)new JsonObject { ["code"] = e.Code, ["message"] = e.Message }).ToArray());
    }
}

using System.Text.Json.Nodes;

namespace PcsAutomation.Cli.Events.Samples;

/// <summary>
/// A PCS API call as EventBridge delivers it from CloudTrail ("AWS API Call via CloudTrail", source aws.pcs, detail
/// eventSource pcs.amazonaws.com: https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-cloudtrail.html; every PCS
/// action is recorded, guide L10748). The envelope and CloudTrail record follow
/// ../shared/reference/events/aws-api-call-via-cloudtrail.s3-createbucket.json; <c>requestParameters</c> and
/// <c>responseElements</c> are the call's request and response (../shared/reference/botocore/pcs.service-2.json:
/// UpdateComputeNodeGroupRequest requires clusterIdentifier and computeNodeGroupIdentifier, CreateComputeNodeGroupRequest
/// clusterIdentifier, computeNodeGroupName, subnetIds, customLaunchTemplate, iamInstanceProfileArn, scalingConfiguration and
/// instanceConfigs; both answer <c>computeNodeGroup</c>). With a scenario the group is the emulator's GetComputeNodeGroup
/// answer; without one it carries only the members the flags give.
/// </summary>
internal static class PcsCallSamples
{
    public const string Source = "../shared/reference/events/aws-api-call-via-cloudtrail.s3-createbucket.json; ../shared/reference/botocore/pcs.service-2.json; guide L10748";

    public static JsonObject Update(SampleContext context)
    {
        const string kind = "pcs-update-compute-node-group";
        var (cluster, group, ami) = Names(context, kind);
        var request = new JsonObject { ["clusterIdentifier"] = cluster, ["computeNodeGroupIdentifier"] = group, ["amiId"] = ami };
        return Call(context, kind, "UpdateComputeNodeGroup", request, Group(context, cluster, group, ami));
    }

    public static JsonObject Create(SampleContext context)
    {
        const string kind = "pcs-create-compute-node-group";
        var (cluster, group, ami) = Names(context, kind);
        var described = Group(context, cluster, group, ami);
        var request = new JsonObject
        {
            ["clusterIdentifier"] = cluster,
            ["computeNodeGroupName"] = context.NodeGroupName ?? group,
            ["amiId"] = ami,
            ["subnetIds"] = described["subnetIds"]?.DeepClone() ?? new JsonArray(),
            ["customLaunchTemplate"] = described["customLaunchTemplate"]?.DeepClone() ?? new JsonObject(),
            ["iamInstanceProfileArn"] = described["iamInstanceProfileArn"]?.DeepClone() ?? "",
            ["scalingConfiguration"] = described["scalingConfiguration"]?.DeepClone() ?? new JsonObject { ["minInstanceCount"] = 0, ["maxInstanceCount"] = 1 },
            ["instanceConfigs"] = described["instanceConfigs"]?.DeepClone() ?? new JsonArray(),
        };
        return Call(context, kind, "CreateComputeNodeGroup", request, described);
    }

    private static (string Cluster, string Group, string Ami) Names(SampleContext context, string kind) => (
        SampleContext.Require(context.ClusterId, kind, "--cluster <cluster id> (or --emulator <scenario> and a cluster name)"),
        SampleContext.Require(context.NodeGroupId, kind, "--node-group <node group id> (with --emulator: a name, default the cluster's first group)"),
        SampleContext.Require(context.AmiId, kind, "--ami <ami id> (with --emulator: default the group's image)"));

    private static JsonObject Group(SampleContext context, string cluster, string group, string ami)
    {
        var described = (JsonObject?)context.NodeGroup?.DeepClone() ?? new JsonObject { ["id"] = group, ["clusterId"] = cluster };
        if (context.NodeGroupName is { } name) described["name"] = name;
        described["amiId"] = ami;
        return described;
    }

    private static JsonObject Call(SampleContext context, string kind, string eventName, JsonObject request, JsonObject group)
    {
        var identity = new JsonObject
        {
            ["type"] = "IAMUser",
            ["principalId"] = "AIDAEXAMPLEPRINCIPAL",
            ["arn"] = $"arn:aws:iam::{context.Account}:user/operator",
            ["accountId"] = context.Account,
            ["userName"] = "operator",
        };
        var detail = CloudTrailRecord.Create(context, kind, "1.09", identity, "pcs.amazonaws.com", eventName, ("192.0.2.10", "aws-cli/2"),
            request, new JsonObject { ["computeNodeGroup"] = group }, "AwsApiCall");
        return EventEnvelope.Create(context, kind, "aws.pcs", "AWS API Call via CloudTrail", detail);
    }
}

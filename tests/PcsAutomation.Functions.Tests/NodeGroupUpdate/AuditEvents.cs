using System.Text.Json.Nodes;
using PcsAutomation.Functions.Tests.Bootstrap;
using PcsAutomation.Functions.Tests.Support;

namespace PcsAutomation.Functions.Tests.NodeGroupUpdate;

/// <summary>
/// CloudTrail PCS calls for the audit: the ones the emulator's CloudTrail records for real calls, and hand-made ones on
/// the EventBridge envelope of ../shared/reference/events/aws-api-call-via-cloudtrail.s3-createbucket.json (read in place).
/// </summary>
internal static class AuditEvents
{
    private static readonly string SamplePath =
        Path.Combine(PublishedBootstrap.RepoRoot, "..", "shared", "reference", "events", "aws-api-call-via-cloudtrail.s3-createbucket.json");

    /// <summary>UpdateComputeNodeGroup by a person (the test's keys) setting <paramref name="amiId"/>; the event CloudTrail recorded.</summary>
    public static JsonObject PersonSetsAmi(HandlerHarness h, string groupName, string amiId)
    {
        h.Aws.Call("pcs", "UpdateComputeNodeGroup", new JsonObject
        {
            ["clusterIdentifier"] = h.ClusterId(), ["computeNodeGroupIdentifier"] = h.NodeGroupId(groupName), ["amiId"] = amiId,
            ["clientToken"] = "c13b7baf-2894-42e8-acec-0123456789ab",
        });
        return Last(h, "UpdateComputeNodeGroup");
    }

    public static JsonObject Last(HandlerHarness h, string eventName) =>
        h.Aws.CloudTrail.Events.Last(e => e["detail"]!["eventName"]!.GetValue<string>() == eventName);

    /// <summary>The reference sample, re-addressed to a PCS call in the emulator's account and Region, with the test's request and response.</summary>
    public static JsonObject Pcs(HandlerHarness h, string eventName, JsonObject? requestParameters, JsonNode? responseElements = null)
    {
        var envelope = JsonNode.Parse(File.ReadAllText(SamplePath))!.AsObject();
        var (account, region) = (h.Aws.Options.AccountId, h.Aws.Options.Region);
        envelope["source"] = "aws.pcs";
        envelope["account"] = account;
        envelope["region"] = region;
        var detail = envelope["detail"]!.AsObject();
        detail["eventSource"] = "pcs.amazonaws.com";
        detail["eventName"] = eventName;
        detail["awsRegion"] = region;
        detail["recipientAccountId"] = account;
        detail["userIdentity"]!["accountId"] = account;
        detail["userIdentity"]!["arn"] = $"arn:aws:iam::{account}:root";
        detail["requestParameters"] = requestParameters;
        detail["responseElements"] = responseElements;
        return envelope;
    }
}

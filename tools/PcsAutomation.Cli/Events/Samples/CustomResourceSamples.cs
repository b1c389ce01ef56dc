using System.Text.Json.Nodes;

namespace PcsAutomation.Cli.Events.Samples;

/// <summary>
/// CloudFormation's custom resource requests to the Custom::AMILookup provider (fields per request type:
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html and crpg-ref-requesttypes.html:
/// PhysicalResourceId with Update and Delete, OldResourceProperties with Update), with the properties of
/// docs/custom-resource-ami-lookup.md (ServiceToken, Architecture, SlurmVersion). ResponseURL is a pre-signed S3 URL in
/// CloudFormation's form unless <c>--response-url</c> gives one; <c>invoke --emulator</c> answers it locally.
/// </summary>
internal static class CustomResourceSamples
{
    public const string Source = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requesttypes.html; docs/custom-resource-ami-lookup.md";

    private const string LogicalId = "PcsSampleAmi";

    public static Func<SampleContext, JsonObject> For(string requestType) => context =>
    {
        var stackId = $"arn:aws:cloudformation:{context.Region}:{context.Account}:stack/hpc/{context.Uuid("stack")}";
        var requestId = context.Uuid("custom-resource-" + requestType);
        var request = new JsonObject
        {
            ["RequestType"] = requestType,
            ["ResponseURL"] = context.ResponseUrl ?? PresignedUrl(context, stackId, requestId),
            ["StackId"] = stackId,
            ["RequestId"] = requestId,
            ["ResourceType"] = "Custom::AMILookup",
            ["LogicalResourceId"] = LogicalId,
            ["ResourceProperties"] = Properties(context, "25.11"),
        };
        if (requestType is "Update" or "Delete") request["PhysicalResourceId"] = $"{LogicalId}-{context.Uuid("physical")}";
        if (requestType == "Update") request["OldResourceProperties"] = Properties(context, "25.05");
        return request;
    };

    private static JsonObject Properties(SampleContext context, string slurmVersion) => new()
    {
        ["ServiceToken"] = $"arn:aws:lambda:{context.Region}:{context.Account}:function:AmiLookupCustomResourceFunction",
        ["Architecture"] = "x86_64",
        ["SlurmVersion"] = slurmVersion,
    };

    // A pre-signed S3 URL (the docs say only "pre-signed-url-for-create-response"): the form the product's own custom
    // resource tests use (tests/PcsAutomation.Domain.Tests/CustomResources/CustomResourceEvents.cs), CloudFormation's response
    // bucket of the Region, the escaped stack id, logical id and request id as the key, the signature in the query.
    private static string PresignedUrl(SampleContext context, string stackId, string requestId) =>
        $"https://cloudformation-custom-resource-response-{context.Region.Replace("-", "", StringComparison.Ordinal)}.s3.amazonaws.com/" +
        Uri.EscapeDataString($"{stackId}|{LogicalId}|{requestId}") + "?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1767225600&Signature=sample";
}

using System.Text.Json;
using System.Text.Json.Nodes;
using PcsAutomation.Domain.CustomResources;

namespace PcsAutomation.Domain.Tests.CustomResources;

/// <summary>Custom resource requests shaped like CloudFormation's (crpg-ref-requesttypes.html samples), to read with the parser.</summary>
internal static class CustomResourceEvents
{
    public const string StackId = "arn:aws:cloudformation:us-east-1:111122223333:stack/hpc/0e8c5a10-1111-2222-3333-444455556666";
    public const string RequestId = "5d478078-13e9-baf0-464a-7ef285ecc786";
    public const string LogicalId = "PcsSampleAmi";
    public const string ServiceToken = "arn:aws:lambda:us-east-1:111122223333:function:pcs-automation-AmiLookupCustomResource";
    /// <summary>A pre-signed S3 URL as CloudFormation sends it: an escaped stack ARN as its key, the signature in the query.</summary>
    public const string ResponseUrl =
        "https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com/arn%3Aaws%3Acloudformation%3Aus-east-1%3A111122223333%3Astack%2Fhpc%2F0e8c5a10%7CPcsSampleAmi%7C5d478078" +
        "?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1767225600&Signature=0bad%2Bc0ffee%3D";

    public static JsonObject Create(JsonObject? properties) => new()
    {
        ["RequestType"] = "Create",
        ["ResponseURL"] = ResponseUrl,
        ["StackId"] = StackId,
        ["RequestId"] = RequestId,
        ["ResourceType"] = "Custom::AMILookup",
        ["LogicalResourceId"] = LogicalId,
        ["ResourceProperties"] = properties,
    };

    public static JsonObject Update(string physicalId, JsonObject? properties, JsonObject? old)
    {
        var update = Create(properties);
        update["RequestType"] = "Update";
        update["PhysicalResourceId"] = physicalId;
        update["OldResourceProperties"] = old;
        return update;
    }

    public static JsonObject Delete(string? physicalId, JsonNode? properties)
    {
        var delete = Create(null);
        delete["RequestType"] = "Delete";
        delete["PhysicalResourceId"] = physicalId;
        delete["ResourceProperties"] = properties;
        return delete;
    }

    /// <summary>The guide's properties (L1748-1756) with ServiceToken, as CloudFormation passes them (strings).</summary>
    public static JsonObject Properties(string? slurm = "25.11", string? architecture = "x86_64", string? os = null, string serviceToken = ServiceToken)
    {
        var properties = new JsonObject { ["ServiceToken"] = serviceToken };
        if (os is not null) properties["OperatingSystem"] = os;
        if (architecture is not null) properties["Architecture"] = architecture;
        if (slurm is not null) properties["SlurmVersion"] = slurm;
        return properties;
    }

    public static CustomResourceRequest Parse(JsonNode node) => Parse(node.ToJsonString());

    public static CustomResourceRequest Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return CustomResourceRequestParser.Parse(document.RootElement); // the parser clones what it keeps
    }
}

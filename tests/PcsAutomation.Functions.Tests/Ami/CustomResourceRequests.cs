using System.Text.Json.Nodes;
using PcsAutomation.Functions.Tests.Support;
using PcsAutomation.LocalAws.Ec2;

namespace PcsAutomation.Functions.Tests.Ami;

/// <summary>CloudFormation's requests to the <c>AmiLookupCustomResource</c> function (crpg-ref-requesttypes.html), aimed at a <see cref="FakeResponseUrl"/>.</summary>
internal static class CustomResourceRequests
{
    public const string Handler = "AmiLookupCustomResource";
    public const string StackId = "arn:aws:cloudformation:us-east-1:111122223333:stack/hpc/0e8c5a10-1111-2222-3333-444455556666";
    public const string LogicalId = "PcsSampleAmi";
    public const string ServiceToken = "arn:aws:lambda:us-east-1:111122223333:function:pcs-automation-AmiLookupCustomResource";

    public static JsonObject Event(string type, string responseUrl, JsonObject? properties, string requestId = "req-create",
        string? physicalId = null, JsonObject? old = null)
    {
        var request = new JsonObject
        {
            ["RequestType"] = type,
            ["ResponseURL"] = responseUrl,
            ["StackId"] = StackId,
            ["RequestId"] = requestId,
            ["ResourceType"] = "Custom::AMILookup",
            ["LogicalResourceId"] = LogicalId,
            ["ResourceProperties"] = properties,
        };
        if (physicalId is not null) request["PhysicalResourceId"] = physicalId;
        if (old is not null) request["OldResourceProperties"] = old;
        return request;
    }

    /// <summary>The guide's properties (L1748-1756), as CloudFormation passes them: strings, with the ServiceToken.</summary>
    public static JsonObject Properties(string slurm = "25.11", string architecture = "x86_64", string? os = null, string serviceToken = ServiceToken)
    {
        var properties = new JsonObject { ["ServiceToken"] = serviceToken, ["Architecture"] = architecture, ["SlurmVersion"] = slurm };
        if (os is not null) properties["OperatingSystem"] = os;
        return properties;
    }

    /// <summary>The id of the newest sample AMI the emulator publishes for a version and architecture (its catalogue, guide L5570).</summary>
    public static string NewestSample(HandlerHarness h, string os, string architecture, string slurm)
    {
        var prefix = ImageCatalogue.SampleAmiName(os, architecture, slurm) + "-";
        lock (h.Aws.State.Gate)
        {
            return h.Aws.State.Images.Values
                .Where(i => i.Name.StartsWith(prefix, StringComparison.Ordinal))
                .MaxBy(i => i.CreationDate)!.ImageId;
        }
    }

    /// <summary>AWS publishes a newer sample AMI build (what a lookup would now choose).</summary>
    public static string PublishNewerSample(HandlerHarness h, string os, string architecture, string slurm)
    {
        var created = h.Aws.Clock.GetUtcNow().AddHours(-1);
        var name = $"{ImageCatalogue.SampleAmiName(os, architecture, slurm)}-{created:yyyyMMdd}-rebuild";
        var image = new Ec2Image
        {
            ImageId = ImageCatalogue.IdFor(name), Name = name, Architecture = architecture, OwnerId = ImageCatalogue.PcsSampleOwnerId,
            OwnerAlias = "amazon", CreationDate = created, Public = true,
        };
        lock (h.Aws.State.Gate) h.Aws.State.Images[image.ImageId] = image;
        return image.ImageId;
    }
}

using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Protocol;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Ec2;

/// <summary>
/// Amazon EC2 (API 2016-11-15), the operations PCS automation reads and one it writes: images, instances,
/// capacity reservations and Capacity Blocks (<c>Ec2Service.CapacityBlocks.cs</c>), launch templates, instance types and subnets. Requests are the flat query
/// parameters (see <see cref="QueryRequest"/>); results are rendered by <see cref="Ec2Xml"/>.
/// Call <see cref="Invoke"/> under the world's gate (the HTTP layer does).
/// </summary>
public sealed partial class Ec2Service
{
    public const string SigningName = "ec2";

    private readonly AwsWorld world;
    private readonly ClientTokenStore tokens = new("ClientToken");

    public Ec2Service(AwsWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        this.world = world;
        ImageCatalogue.AddPublicImages(world, world.Now);
    }

    public JsonNode Invoke(string operation, JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new QueryRequest(request);
        if (query.Bool("DryRun"))
            throw new AwsServiceException("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
        return operation switch
        {
            "DescribeImages" => DescribeImages(query),
            "DescribeInstances" => DescribeInstances(query),
            "DescribeCapacityReservations" => DescribeCapacityReservations(query),
            "DescribeCapacityBlocks" => DescribeCapacityBlocks(query),
            "DescribeCapacityBlockStatus" => DescribeCapacityBlockStatus(query),
            "DescribeCapacityBlockExtensionHistory" => DescribeCapacityBlockExtensionHistory(query),
            "DescribeLaunchTemplates" => DescribeLaunchTemplates(query),
            "DescribeLaunchTemplateVersions" => DescribeLaunchTemplateVersions(query),
            "CreateLaunchTemplateVersion" => CreateLaunchTemplateVersion(query),
            "DescribeInstanceTypes" => DescribeInstanceTypes(query),
            "DescribeSubnets" => DescribeSubnets(query),
            _ => throw Ec2Errors.Error("InvalidAction", $"The action {Ec2Errors.Clip(operation)} is not valid for this web service."),
        };
    }

    private static readonly FilterSet<Ec2Image> ImageFilters = new(new Dictionary<string, Func<Ec2Image, IEnumerable<string?>>>
    {
        ["name"] = i => [i.Name],
        ["description"] = i => [i.Description],
        ["state"] = i => [i.State],
        ["architecture"] = i => [i.Architecture],
        ["owner-id"] = i => [i.OwnerId],
        ["owner-alias"] = i => [i.OwnerAlias],
        ["image-id"] = i => [i.ImageId],
        ["image-type"] = _ => ["machine"],
        ["is-public"] = i => [i.Public ? "true" : "false"],
        ["platform-details"] = _ => ["Linux/UNIX"],
        ["root-device-type"] = _ => ["ebs"],
        ["virtualization-type"] = _ => ["hvm"],
        ["creation-date"] = i => [AwsTimestamp.Iso8601(i.CreationDate)],
    }, i => i.Tags);

    /// <summary>
    /// DescribeImages (https://docs.aws.amazon.com/goto/WebAPI/ec2/DescribeImages): owners "amazon" (the alias of
    /// AWS-published images, guide L5587), "self" or account ids; name and other filters with <c>*</c>/<c>?</c>; every
    /// image state is shown (<c>pending</c>, <c>failed</c>, ... as EC2's ImageState enum,
    /// https://docs.aws.amazon.com/sdk-for-python/v4/reference/clients/ec2/enums/ImageState/), so <c>state=available</c>
    /// is what leaves a pending build out (guide L5589). Deprecated images are hidden unless IncludeDeprecated, and the
    /// owner always sees its own ("If you are the AMI owner, all deprecated AMIs appear in the response regardless",
    /// https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ec2/aws.sdk.kotlin.services.ec2.model/-describe-images-request/include-deprecated.html);
    /// asked for by id they show too (inferred, README). Disabled images are hidden unless IncludeDisabled ("Default:
    /// No disabled AMIs are included", .../-describe-images-request/include-disabled.html). Deregistered images are
    /// not shown (EC2 shows them "for a short interval": not modelled).
    /// </summary>
    private JsonObject DescribeImages(QueryRequest query)
    {
        var ids = query.List("ImageId");
        var owners = query.List("Owner");
        var executableBy = query.List("ExecutableBy");
        var includeDeprecated = query.Bool("IncludeDeprecated");
        var includeDisabled = query.Bool("IncludeDisabled");
        var missing = ids.Where(id => !world.Images.ContainsKey(id)).ToList();
        if (missing.Count > 0)
            throw Ec2Errors.Error(missing.Any(id => !Ec2Ids.IsWellFormed(id, "ami")) ? "InvalidAMIID.Malformed" : "InvalidAMIID.NotFound",
                $"The image id '[{Ec2Errors.Clip(string.Join(", ", missing))}]' does not exist");
        var images = world.Images.Values.Where(i => i.State != "deregistered")
            .Where(i => ids.Count == 0 || ids.Contains(i.ImageId))
            .Where(i => owners.Count == 0 || owners.Any(o => OwnedBy(i, o)))
            .Where(i => executableBy.Count == 0 || i.Public || (executableBy.Any(e => e != "all") && i.OwnerId == world.AccountId))
            .Where(i => owners.Count > 0 || ids.Count > 0 || i.Public || i.OwnerId == world.AccountId)
            .Where(i => includeDeprecated || ids.Count > 0 || i.OwnerId == world.AccountId || !i.IsDeprecatedAt(world.Now))
            .Where(i => includeDisabled || i.State != "disabled");
        var list = ImageFilters.Apply(images, query.Filters()).OrderBy(i => i.CreationDate).ThenBy(i => i.ImageId, StringComparer.Ordinal).ToList();
        var (page, next) = Paging.Page(list, query.Number("MaxResults", 1, 1000), query.Text("NextToken"));
        return new JsonObject
        {
            ["imagesSet"] = new JsonArray(page.Select(i => (JsonNode)Ec2Json.Image(i)).ToArray()),
            ["nextToken"] = next,
        };
    }

    private bool OwnedBy(Ec2Image image, string owner) =>
        owner switch
        {
            "self" => image.OwnerId == world.AccountId,
            "amazon" or "aws-marketplace" => image.OwnerAlias == owner,
            _ => image.OwnerId == owner,
        };

    private static readonly FilterSet<InstanceTypeInfo> InstanceTypeFilters = new(new Dictionary<string, Func<InstanceTypeInfo, IEnumerable<string?>>>
    {
        ["instance-type"] = t => [t.InstanceType],
        ["processor-info.supported-architecture"] = t => [t.Architecture],
        ["current-generation"] = _ => ["true"],
        ["burstable-performance-supported"] = t => [t.Burstable ? "true" : "false"],
        ["network-info.efa-supported"] = t => [t.EfaSupported ? "true" : "false"],
        ["vcpu-info.default-vcpus"] = t => [t.VCpus.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        ["memory-info.size-in-mib"] = t => [t.MemoryMiB.ToString(System.Globalization.CultureInfo.InvariantCulture)],
    }, _ => new Dictionary<string, string>());

    /// <summary>
    /// DescribeInstanceTypes: <c>ProcessorInfo.SupportedArchitectures</c> per type (what the AMI architecture checks
    /// read; https://docs.aws.amazon.com/fr_fr/AWSEC2/latest/APIReference/API_ProcessorInfo.html); an unknown type fails the
    /// whole call with <c>InvalidInstanceType</c> naming it (inferred wording, README).
    /// </summary>
    private static JsonObject DescribeInstanceTypes(QueryRequest query)
    {
        var requested = query.List("InstanceType");
        var unknown = requested.Where(t => InstanceTypeCatalogue.Find(t) is null).ToList();
        if (unknown.Count > 0)
            throw Ec2Errors.Error("InvalidInstanceType", $"The following supplied instance types do not exist: [{Ec2Errors.Clip(string.Join(", ", unknown))}]");
        var types = InstanceTypeCatalogue.All.Where(t => requested.Count == 0 || requested.Contains(t.InstanceType));
        var list = InstanceTypeFilters.Apply(types, query.Filters()).ToList();
        var (page, next) = Paging.Page(list, query.Number("MaxResults", 5, 100), query.Text("NextToken"));
        return new JsonObject
        {
            ["instanceTypeSet"] = new JsonArray(page.Select(t => (JsonNode)Ec2Json.InstanceType(t)).ToArray()),
            ["nextToken"] = next,
        };
    }
}

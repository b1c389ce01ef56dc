using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Protocol;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Ec2;

// Capacity Blocks for ML, read as the product reads them: DescribeCapacityReservations, DescribeCapacityBlocks,
// DescribeCapacityBlockStatus (the guide's IAM section names these three, L9048-9058 and L3444-3452) and
// DescribeCapacityBlockExtensionHistory. Request members, filters, paging limits (MaxResults 1-1000) and answer element
// names follow the EC2 model (botocore 1.43 data/ec2/2016-11-15/service-2.json; AWSSDK.EC2 4.0.132.2).
public sealed partial class Ec2Service
{
    /// <summary>
    /// The filters the model documents for DescribeCapacityReservations (and the API reference's
    /// <c>availability-zone-id</c>, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeCapacityReservations.html);
    /// <c>tag:&lt;key&gt;</c>, <c>tag-key</c>, <c>tag-value</c> as on other EC2 resources (README, "Inferred"). The model has
    /// no <c>reservation-type</c> filter, so it is refused like any unknown filter: read <c>ReservationType</c> in the answer.
    /// </summary>
    private FilterSet<CapacityBlock> ReservationFilters => new(new Dictionary<string, Func<CapacityBlock, IEnumerable<string?>>>
    {
        ["instance-type"] = b => [b.InstanceType],
        ["owner-id"] = _ => [world.AccountId],
        ["availability-zone"] = b => [b.AvailabilityZone],
        ["availability-zone-id"] = b => [AvailabilityZones.IdOf(b.AvailabilityZone)],
        ["instance-platform"] = _ => ["Linux/UNIX"],
        ["tenancy"] = _ => ["default"],
        ["outpost-arn"] = _ => [],
        ["state"] = b => [b.StateAt(world.Now)],
        ["start-date"] = b => [AwsTimestamp.Iso8601(b.StartDate)],
        ["end-date"] = b => [AwsTimestamp.Iso8601(b.EndDate)],
        ["end-date-type"] = _ => ["limited"],
        ["instance-match-criteria"] = _ => ["targeted"],
        ["placement-group-arn"] = _ => [],
    }, b => b.Tags);

    /// <summary>DescribeCapacityBlocks' filters ("tags" being the usual <c>tag:&lt;key&gt;</c> family).</summary>
    private FilterSet<CapacityBlock> BlockFilters => new(new Dictionary<string, Func<CapacityBlock, IEnumerable<string?>>>
    {
        ["capacity-block-id"] = b => [b.CapacityBlockId],
        ["ultraserver-type"] = b => [b.IsUltraServer ? "ultraservers" : "instances"],
        ["availability-zone"] = b => [b.AvailabilityZone],
        ["start-date"] = b => [AwsTimestamp.Iso8601(b.StartDate)],
        ["end-date"] = b => [AwsTimestamp.Iso8601(b.EndDate)],
        ["create-date"] = b => [AwsTimestamp.Iso8601(b.CreateDate)],
        ["state"] = b => [b.StateAt(world.Now)],
    }, b => b.Tags);

    private static readonly FilterSet<CapacityBlock> StatusFilters = new(new Dictionary<string, Func<CapacityBlock, IEnumerable<string?>>>
    {
        ["interconnect-status"] = _ => ["ok"],
    }, _ => new Dictionary<string, string>());

    private static readonly FilterSet<(CapacityBlock Block, CapacityBlockExtension Extension)> ExtensionFilters = new(
        new Dictionary<string, Func<(CapacityBlock Block, CapacityBlockExtension Extension), IEnumerable<string?>>>
        {
            ["availability-zone"] = e => [e.Block.AvailabilityZone],
            ["availability-zone-id"] = e => [AvailabilityZones.IdOf(e.Block.AvailabilityZone)],
            ["capacity-block-extension-offering-id"] = _ => [],
            ["capacity-block-extension-status"] = e => [e.Extension.Status],
            ["capacity-reservation-id"] = e => [e.Block.CapacityReservationId],
            ["instance-type"] = e => [e.Block.InstanceType],
        }, _ => new Dictionary<string, string>());

    /// <summary>Capacity Blocks for ML as capacity reservations: state from the dates on the virtual clock (guide L3416, L3468-3470).</summary>
    private JsonObject DescribeCapacityReservations(QueryRequest query) =>
        Listing(query, ReservationFilters, ByReservationIds(query), "capacityReservationSet", b => Ec2Json.CapacityReservation(b, world));

    private JsonObject DescribeCapacityBlocks(QueryRequest query) =>
        Listing(query, BlockFilters, ByBlockIds(query), "capacityBlockSet", b => Ec2Json.CapacityBlock(b, world));

    /// <summary>"Describes the availability of capacity for the specified Capacity blocks, or all of your Capacity Blocks."</summary>
    private JsonObject DescribeCapacityBlockStatus(QueryRequest query) =>
        Listing(query, StatusFilters, ByBlockIds(query), "capacityBlockStatusSet", b => Ec2Json.CapacityBlockStatus(b, world));

    /// <summary>Every extension bought, oldest first, with its payment status (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/capacity-blocks-extend.html).</summary>
    private JsonObject DescribeCapacityBlockExtensionHistory(QueryRequest query) =>
        Listing(query, ExtensionFilters,
            ByReservationIds(query).SelectMany(b => b.Extensions.Select(e => (Block: b, Extension: e)))
                .OrderBy(e => e.Extension.PurchaseDate).ThenBy(e => e.Block.CapacityReservationId, StringComparer.Ordinal),
            "capacityBlockExtensionSet", e => Ec2Json.CapacityBlockExtension(e.Block, e.Extension));

    /// <summary>The filtered items, one MaxResults (1-1000) page of them under <paramref name="setName"/>, and the next token.</summary>
    private static JsonObject Listing<T>(QueryRequest query, FilterSet<T> filters, IEnumerable<T> items, string setName, Func<T, JsonObject> render)
    {
        var list = filters.Apply(items, query.Filters()).ToList();
        var (page, next) = Paging.Page(list, query.Number("MaxResults", 1, 1000), query.Text("NextToken"));
        return new JsonObject
        {
            [setName] = new JsonArray(page.Select(item => (JsonNode)render(item)).ToArray()),
            ["nextToken"] = next,
        };
    }

    /// <summary>The blocks named by <c>CapacityReservationId.N</c> (all when none), in start order; an unknown id fails the call.</summary>
    private List<CapacityBlock> ByReservationIds(QueryRequest query)
    {
        var ids = query.List("CapacityReservationId");
        var missing = ids.Where(id => !world.CapacityBlocks.ContainsKey(id)).ToList();
        if (missing.Count > 0)
            throw Ec2Errors.Error("InvalidCapacityReservationId.NotFound",
                $"The capacity reservation ID '{Ec2Errors.Clip(string.Join(", ", missing))}' does not exist");
        return InStartOrder(world.CapacityBlocks.Values.Where(b => ids.Count == 0 || ids.Contains(b.CapacityReservationId)));
    }

    /// <summary>
    /// The blocks named by <c>CapacityBlockId.N</c> (all when none). EC2 documents no error code for an unknown Capacity
    /// Block id: the generic <c>InvalidParameterValue</c> names it (README, "Inferred").
    /// </summary>
    private List<CapacityBlock> ByBlockIds(QueryRequest query)
    {
        var ids = query.List("CapacityBlockId");
        var known = world.CapacityBlocks.Values.Select(b => b.CapacityBlockId).ToHashSet(StringComparer.Ordinal);
        var missing = ids.Where(id => !known.Contains(id)).ToList();
        if (missing.Count > 0)
            throw Ec2Errors.InvalidParameterValue($"The Capacity Block ID '{Ec2Errors.Clip(string.Join(", ", missing))}' does not exist");
        return InStartOrder(world.CapacityBlocks.Values.Where(b => ids.Count == 0 || ids.Contains(b.CapacityBlockId)));
    }

    private static List<CapacityBlock> InStartOrder(IEnumerable<CapacityBlock> blocks) =>
        blocks.OrderBy(b => b.StartDate).ThenBy(b => b.CapacityReservationId, StringComparer.Ordinal).ToList();
}

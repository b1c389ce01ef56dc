using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.Ec2;

public sealed partial class Ec2Service
{
    /// <summary>
    /// DescribeSubnets (members from the EC2 model, botocore 1.43 <c>data/ec2/2016-11-15/service-2.json</c>: request
    /// <c>SubnetId.N</c>, result <c>subnetSet</c> of <c>subnetId</c>, <c>availabilityZone</c>, <c>availabilityZoneId</c>,
    /// <c>state</c>): the subnets the world's clusters and node groups name, each in the Region's zone <c>a</c>, where
    /// the emulator also places every instance outside a Capacity Block (README, "Inferred"). An id no cluster or group
    /// names is <c>InvalidSubnetID.NotFound</c> (EC2's error code,
    /// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html), and fails the whole request.
    /// </summary>
    private JsonObject DescribeSubnets(QueryRequest query)
    {
        var known = world.Clusters.Values
            .SelectMany(c => (c.Networking["subnetIds"] as JsonArray ?? []).Select(s => s?.GetValue<string>()).Concat(c.NodeGroups.Values.SelectMany(g => g.SubnetIds)))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var requested = query.List("SubnetId");
        foreach (var id in requested.Where(id => !known.Contains(id)))
            throw Ec2Errors.Error("InvalidSubnetID.NotFound", $"The subnet ID '{Ec2Errors.Clip(id)}' does not exist");
        var zone = world.Region + "a";
        var list = (requested.Count > 0 ? requested.Distinct(StringComparer.Ordinal) : known.Order(StringComparer.Ordinal)).ToList();
        var (page, next) = Paging.Page(list, query.Number("MaxResults", 5, 1000), query.Text("NextToken"));
        return new JsonObject
        {
            ["subnetSet"] = new JsonArray(page.Select(id => (JsonNode)new JsonObject
            {
                ["subnetId"] = id,
                ["availabilityZone"] = zone,
                ["availabilityZoneId"] = AvailabilityZones.IdOf(zone),
                ["state"] = "available",
            }).ToArray()),
            ["nextToken"] = next,
        };
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Ec2;

public sealed partial class Ec2Service
{
    private FilterSet<Ec2Instance> InstanceFilters => new(new Dictionary<string, Func<Ec2Instance, IEnumerable<string?>>>
    {
        ["instance-id"] = i => [i.InstanceId],
        ["instance-type"] = i => [i.InstanceType],
        ["instance-state-name"] = i => [i.State],
        ["instance-state-code"] = i => [Ec2Json.StateCode(i.State).ToString(CultureInfo.InvariantCulture)],
        ["image-id"] = i => [i.ImageId],
        ["capacity-reservation-id"] = i => [i.CapacityReservationId],
        ["instance-lifecycle"] = i => [i.InstanceLifecycle],
        ["subnet-id"] = i => [i.SubnetId],
        ["private-ip-address"] = i => [i.PrivateIpAddress],
        ["availability-zone"] = i => [AvailabilityZone(i)],
        ["reservation-id"] = i => [ReservationId(i)],
        ["architecture"] = i => [InstanceTypeCatalogue.Find(i.InstanceType)?.Architecture ?? "x86_64"],
    }, i => i.Tags);

    /// <summary>
    /// Instances in reservations (one per launch here). MaxResults (5-1000) cannot be combined with instance ids,
    /// as in EC2; an unknown id is InvalidInstanceID.NotFound.
    /// </summary>
    private JsonObject DescribeInstances(QueryRequest query)
    {
        var ids = query.List("InstanceId");
        var max = query.Number("MaxResults", 5, 1000);
        if (ids.Count > 0 && max is not null)
            throw Ec2Errors.InvalidParameterCombination("The parameter instancesSet cannot be used with the parameter maxResults");
        var missing = ids.Where(id => !world.Instances.ContainsKey(id)).ToList();
        if (missing.Count > 0)
            throw Ec2Errors.Error(missing.Any(id => !Ec2Ids.IsWellFormed(id, "i")) ? "InvalidInstanceID.Malformed" : "InvalidInstanceID.NotFound",
                missing.Count == 1
                    ? $"The instance ID '{Ec2Errors.Clip(missing[0])}' does not exist"
                    : $"The instance IDs '{Ec2Errors.Clip(string.Join(", ", missing))}' do not exist");
        var instances = world.Instances.Values.Where(i => ids.Count == 0 || ids.Contains(i.InstanceId));
        var list = InstanceFilters.Apply(instances, query.Filters())
            .OrderBy(i => i.LaunchTime).ThenBy(i => i.InstanceId, StringComparer.Ordinal).ToList();
        var (page, next) = Paging.Page(list, max, query.Text("NextToken"));
        var reservations = page.GroupBy(ReservationId).Select(g => (JsonNode)new JsonObject
        {
            ["reservationId"] = g.Key,
            ["ownerId"] = world.AccountId,
            ["groupSet"] = new JsonArray(),
            ["instancesSet"] = new JsonArray(g.Select(i => (JsonNode)Ec2Json.Instance(i, AvailabilityZone(i))).ToArray()),
        });
        return new JsonObject { ["reservationSet"] = new JsonArray(reservations.ToArray()), ["nextToken"] = next };
    }

    /// <summary>Each launch is its own reservation here; the id is derived so that it is stable.</summary>
    private static string ReservationId(Ec2Instance instance) => "r-" + instance.InstanceId[2..];

    private string AvailabilityZone(Ec2Instance instance) =>
        instance.CapacityReservationId is { } id && world.CapacityBlocks.TryGetValue(id, out var block)
            ? block.AvailabilityZone
            : world.Region + "a";
}

using System.Text.Json.Nodes;
using PcsAutomation.Domain.Rotation;
using LocalAwsHost = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Cli.Events.Samples;

/// <summary>The identifiers a generated event names, as given on the command line (names resolve only in a scenario).</summary>
public sealed record SampleRequest(string? Cluster, string? NodeGroup, string? Ami, string? Reservation, string? Instance, string? ResponseUrl);

/// <summary>
/// Fills a <see cref="SampleContext"/>: from the flags alone, or read from an emulator scenario (its account, Region and
/// clock; a cluster by name or id, its secret, its first node group and that group's image; a block's end date and an
/// instance running in it), so that <c>invoke --emulator</c> on the same scenario finds what the event names.
/// </summary>
public static class SampleScenario
{
    /// <summary>Without a scenario: names are taken as ids, the secret ARN gets a made-up suffix (Secrets Manager adds six random characters).</summary>
    public static SampleContext FromFlags(SampleRequest request, string account, string region, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new SampleContext(account, region, time)
        {
            ClusterId = request.Cluster,
            SecretArn = request.Cluster is { } cluster
                ? $"arn:aws:secretsmanager:{region}:{account}:secret:{SecretOwnership.ExpectedSecretName(cluster)}-a1B2c3"
                : null,
            NodeGroupId = request.NodeGroup,
            AmiId = request.Ami,
            ReservationId = request.Reservation,
            InstanceId = request.Instance,
            ResponseUrl = request.ResponseUrl,
        };
    }

    /// <summary>Reads what <paramref name="request"/> names in the running emulator; an unknown name is a usage error listing what is there.</summary>
    public static SampleContext FromEmulator(SampleRequest request, LocalAwsHost aws)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(aws);
        var world = aws.State;
        var context = new SampleContext(aws.Options.AccountId, aws.Options.Region, aws.Clock.GetUtcNow()) { ResponseUrl = request.ResponseUrl, AmiId = request.Ami };
        lock (world.Gate)
        {
            if (request.Cluster is { } name)
            {
                var cluster = world.FindCluster(name)
                    ?? throw new CliException($"No cluster '{name}' in the scenario (clusters: {string.Join(", ", world.Clusters.Values.Select(c => $"{c.Name} ({c.Id})"))}).");
                var group = request.NodeGroup is { } g
                    ? cluster.NodeGroups.Values.FirstOrDefault(n => n.Id == g || n.Name == g)
                      ?? throw new CliException($"No node group '{g}' in cluster {cluster.Name} (groups: {string.Join(", ", cluster.NodeGroups.Values.Select(n => n.Name))}).")
                    : cluster.NodeGroups.Values.OrderBy(n => n.Name, StringComparer.Ordinal).FirstOrDefault();
                context = context with
                {
                    ClusterId = cluster.Id,
                    SecretArn = cluster.SecretArn,
                    NodeGroupId = group?.Id,
                    NodeGroupName = group?.Name,
                    AmiId = request.Ami ?? group?.AmiId ?? (group is null ? null : TemplateImage(world, group.LaunchTemplateId, group.LaunchTemplateVersion)),
                };
            }
            if (request.Reservation is { } reservation)
            {
                var block = world.CapacityBlocks.GetValueOrDefault(reservation)
                    ?? throw new CliException($"No Capacity Block '{reservation}' in the scenario (blocks: {string.Join(", ", world.CapacityBlocks.Keys.Order(StringComparer.Ordinal))}).");
                var instance = request.Instance ?? world.Instances.Values
                    .Where(i => i.CapacityReservationId == reservation && i.IsUp)
                    .OrderBy(i => i.InstanceId, StringComparer.Ordinal).FirstOrDefault()?.InstanceId;
                context = context with
                {
                    ReservationId = reservation,
                    ReservationEnd = block.EndDate,
                    InstanceId = instance,
                };
            }
            else if (request.Instance is { } instance)
            {
                context = context with { InstanceId = instance };
            }
        }
        return context.NodeGroupId is { } id && context.ClusterId is { } clusterId ? context with { NodeGroup = Group(aws, clusterId, id) } : context;
    }

    // A group without amiId runs its launch template version's ImageId (guide L3029).
    private static string? TemplateImage(LocalAws.World.AwsWorld world, string templateId, string version) =>
        world.LaunchTemplates.GetValueOrDefault(templateId)?.Find(version)?.ImageId;

    // The group as PCS answers GetComputeNodeGroup: what CloudTrail records as the call's responseElements.
    private static JsonObject? Group(LocalAwsHost aws, string clusterId, string groupId) =>
        aws.Call("pcs", "GetComputeNodeGroup", new JsonObject { ["clusterIdentifier"] = clusterId, ["computeNodeGroupIdentifier"] = groupId })["computeNodeGroup"] as JsonObject;
}

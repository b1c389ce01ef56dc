using PcsAutomation.Domain.CapacityBlocks;

namespace PcsAutomation.Domain.Tests.CapacityBlocks;

/// <summary>
/// Capacity Blocks, node groups, launch templates and queues for the expiry decisions. The expiring block ends at
/// <see cref="End"/>; groups are <c>pcs_&lt;name&gt;</c> with launch template <c>lt-&lt;name&gt;</c> version 3.
/// </summary>
internal static class Blocks
{
    public static readonly DateTimeOffset End = new(2026, 3, 2, 11, 30, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Start = End.AddDays(-7);

    public const string Expiring = "cr-0aaaaaaaaaaaaaaa1";
    public const string Next = "cr-0bbbbbbbbbbbbbbb2";
    public const string Other = "cr-0ccccccccccccccc3";
    public const string ClusterId = "pcs_cluster001";

    public static CapacityReservationFacts Block(
        string id = Expiring, string type = "p5.48xlarge", string az = "us-east-2a", int count = 16, DateTimeOffset? start = null, DateTimeOffset? end = null,
        string state = "active", string reservationType = "capacity-block", string? ultra = null) =>
        new(id, $"arn:aws:ec2:us-east-2:123456789012:capacity-reservation/{id}", type, az, count, start ?? Start, end ?? End, state, reservationType,
            new Dictionary<string, string>(), ultra);

    /// <summary>A block that follows the expiring one without a gap: starts an hour before its end, lasts a week.</summary>
    public static CapacityReservationFacts Successor(string id = Next, int count = 16, string state = "scheduled", DateTimeOffset? start = null, string az = "us-east-2a", string type = "p5.48xlarge") =>
        Block(id, type, az, count, start ?? End.AddHours(-1), (start ?? End).AddDays(7), state);

    public static CapacityNodeGroupFacts Group(
        string name, int min = 4, int max = 4, string purchase = "CAPACITY_BLOCK", string type = "p5.48xlarge", string[]? zones = null, string status = "ACTIVE",
        Dictionary<string, string>? tags = null, string cluster = ClusterId) =>
        new(cluster, $"pcs_{name}", name, purchase, $"lt-{name}", "3", zones ?? ["us-east-2a", "us-east-2b"], [type], min, max, status, tags ?? []);

    public static LaunchTemplateTarget Template(CapacityNodeGroupFacts group, string? reservationId = Expiring, string? marketType = "capacity-block", string? resourceGroupArn = null) =>
        new(group.LaunchTemplateId, group.LaunchTemplateVersion, reservationId, resourceGroupArn, marketType);

    public static QueueFacts Queue(string name, params string[] groupIds) => new(ClusterId, $"pcs_q{name}", name, "ACTIVE", groupIds);

    public static CapacityClusterFacts Cluster(IReadOnlyList<CapacityNodeGroupFacts> groups, IReadOnlyList<QueueFacts>? queues = null, string id = ClusterId, string name = "demo") =>
        new(id, name, groups, queues ?? []);

    public static Dictionary<string, string> Tags(string key, string value) => new() { [key] = value };

    public static CapacityUsage Discover(IReadOnlyList<CapacityClusterFacts> clusters, IReadOnlyList<LaunchTemplateTarget> templates, params CapacityReservationFacts[] reservations) =>
        CapacityBlockDiscovery.Discover(clusters, templates, reservations, []);
}

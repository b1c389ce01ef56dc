using PcsAutomation.Cli.CapacityBlocks;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Functions.CapacityBlocks;

namespace PcsAutomation.Cli.Tests.CapacityBlocks;

/// <summary>
/// An account as the expiry reads it, in domain records, at <see cref="Now"/>: cluster <c>capacity</c> with a group for
/// each policy (gpu-a successor block, gpu-b failover, gpu-c wind down beside cpu, gpu-d the only group of its queue),
/// a group on an interruptible reservation, one naming a reservation EC2 does not list, and a block that ended; and
/// cluster <c>lab</c>, not managed, whose group lab-gpu is on block E.
/// </summary>
internal static class CapacitySamples
{
    public static readonly DateTimeOffset Now = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    public const string A = "cr-0a000000000000001";
    public const string ASuccessor = "cr-0a000000000000002";
    public const string B = "cr-0b000000000000001";
    public const string C = "cr-0c000000000000001";
    public const string D = "cr-0d000000000000001";
    public const string E = "cr-0e000000000000001";
    public const string Ended = "cr-0f000000000000001";
    public const string Unknown = "cr-0900000000000000f";
    public const string Interruptible = "cr-01000000000000001";
    public const string ClusterId = "pcs_capacity01";
    public const string LabId = "pcs_lab0000001";

    public static CapacityReservationFacts Block(string id, string type, int count, DateTimeOffset start, DateTimeOffset end, string state = "active", string reservationType = "capacity-block") =>
        new(id, null, type, "us-east-1a", count, start, end, state, reservationType, new Dictionary<string, string>());

    public static CapacityNodeGroupFacts Group(string name, string type, int max, string? purchase = "CAPACITY_BLOCK", Dictionary<string, string>? tags = null, int min = 0, string cluster = ClusterId) =>
        new(cluster, $"pcs_{name}", name, purchase, $"lt-{name}", "1", ["us-east-1a"], [type], min, max, "ACTIVE", tags ?? []);

    public static LaunchTemplateTarget Template(CapacityNodeGroupFacts group, string? reservation) =>
        new(group.LaunchTemplateId, group.LaunchTemplateVersion, reservation, null, reservation is null ? null : "capacity-block");

    public static CapacityFacts Account()
    {
        var gpuA = Group("gpu-a", "p5.48xlarge", 4, tags: new() { ["pcs-automation:successor-block"] = ASuccessor });
        var gpuB = Group("gpu-b", "p5e.48xlarge", 2, tags: new() { ["pcs-automation:fallback-node-group"] = "gpu-b-fallback" });
        var fallback = Group("gpu-b-fallback", "p5e.48xlarge", 2, purchase: null);
        var gpuC = Group("gpu-c", "p4d.24xlarge", 2);
        var gpuD = Group("gpu-d", "p5en.48xlarge", 2);
        var cpu = Group("cpu", "c6i.xlarge", 4, purchase: null);
        var spot = Group("gpu-i", "p5.48xlarge", 2, purchase: "INTERRUPTIBLE_CAPACITY_RESERVATION");
        var lost = Group("gpu-x", "p5.48xlarge", 2);
        var groups = new[] { gpuA, gpuB, fallback, gpuC, gpuD, cpu, spot, lost };
        var queues = new[]
        {
            Queue("gpu-a", gpuA), Queue("gpu-b", gpuB), Queue("gpu-c", gpuC, cpu), Queue("gpu-d", gpuD), Queue("gpu-x", lost, cpu),
        };
        var cluster = new CapacityClusterFacts(ClusterId, "capacity", groups, queues);
        var labGpu = Group("lab-gpu", "p5.48xlarge", 2, cluster: LabId);
        var lab = new CapacityClusterFacts(LabId, "lab", [labGpu], [new QueueFacts(LabId, "pcs_q-lab", "lab", "ACTIVE", [labGpu.NodeGroupId])]);
        var reservations = new[]
        {
            Block(A, "p5.48xlarge", 4, Now.AddDays(-2), Now.AddHours(3)),
            Block(ASuccessor, "p5.48xlarge", 4, Now.AddHours(2), Now.AddDays(7), state: "scheduled"),
            Block(B, "p5e.48xlarge", 2, Now.AddDays(-1), Now.AddHours(4)),
            Block(C, "p4d.24xlarge", 2, Now.AddDays(-1), Now.AddHours(5)),
            Block(D, "p5en.48xlarge", 2, Now.AddDays(-1), Now.AddHours(6)),
            Block(E, "p5.48xlarge", 2, Now.AddDays(-1), Now.AddHours(7)),
            Block(Ended, "p5.48xlarge", 2, Now.AddDays(-3), Now.AddHours(-2), state: "expired"),
            Block(Interruptible, "p5.48xlarge", 2, Now.AddDays(-1), Now.AddDays(1), reservationType: "default"),
            Block("cr-0d0000000000000ff", "c6i.xlarge", 2, Now.AddDays(-1), Now.AddDays(1), reservationType: "default"),
        };
        var templates = new[]
        {
            Template(gpuA, A), Template(gpuB, B), Template(fallback, null), Template(gpuC, C), Template(gpuD, D), Template(cpu, null),
            Template(spot, Interruptible), Template(lost, Unknown), Template(labGpu, E),
        };
        var tags = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [ClusterId] = new Dictionary<string, string> { ["pcs-automation:managed"] = "true" },
            [LabId] = new Dictionary<string, string>(),
        };
        return new CapacityFacts(reservations, [cluster, lab], tags, templates, []);
    }

    private static QueueFacts Queue(string name, params CapacityNodeGroupFacts[] groups) =>
        new(ClusterId, $"pcs_q-{name}", name, "ACTIVE", [.. groups.Select(g => g.NodeGroupId)]);
}

using System.Text.Json.Nodes;
using PcsAutomation.Cli.Tests.CapacityBlocks;

namespace PcsAutomation.Cli.Tests.Commands;

/// <summary>
/// <c>capacity-blocks list</c> and <c>plan</c> against the shipped <c>capacity</c> scenario (virtual clock at
/// 2026-01-05 08:00Z): gpu-a's block ends at +3h with a successor, gpu-b's at +4h with a fallback group, gpu-c's at +5h
/// beside cpu in its queue, gpu-d's at +6h alone in its queue, and one block of 8 shared by two clusters ends at +8h.
/// </summary>
public sealed class CapacityBlocksCommandTests : IDisposable
{
    // A cluster the automation does not manage (no pcs-automation:managed tag) with a group on a block ending at +5h.
    private const string UnmanagedScenario = """
        capacityBlocks:
          - name: lab-block
            id: cr-0e000000000000002
            instanceType: p5.48xlarge
            availabilityZone: us-east-1a
            instanceCount: 2
            start: -1d
            end: +5h
        launchTemplates:
          - name: lab-lt
            versions:
              - imageId: ami-0ccccccccccccccc3
                instanceType: p5.48xlarge
                capacityBlock: lab-block
        clusters:
          - name: lab
            slurmVersion: "25.05"
            nodeGroups:
              - name: lab-gpu
                min: 0
                max: 2
                instanceType: p5.48xlarge
                launchTemplate: lab-lt
                purchaseOption: CAPACITY_BLOCK
            queues:
              - name: lab
                nodeGroups: [lab-gpu]
        """;

    private readonly string unmanagedPath = Path.Combine(Path.GetTempPath(), $"lab-{Guid.NewGuid():N}"[..12] + ".yaml");

    public CapacityBlocksCommandTests() => File.WriteAllText(unmanagedPath, UnmanagedScenario);

    public void Dispose() => File.Delete(unmanagedPath);

    private const string GpuA = "cr-0a000000000000001";
    private const string Successor = "cr-0a000000000000002";
    private const string GpuB = "cr-0b000000000000001";
    private const string GpuC = "cr-0c000000000000001";
    private const string Shared = "cr-0e000000000000001";

    private static Task<CliOutcome> RunAsync(params string[] args) => CliRun.RunAsync(host => host, ["capacity-blocks", .. args, "--emulator", "capacity"]);

    [Fact]
    public async Task List_CapacityScenario_EveryBlockTimeLeftAndEachGroupsAction()
    {
        var run = await RunAsync("list");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("Emulator on http://127.0.0.1:", run.Text, StringComparison.Ordinal);
        Assert.Contains("Capacity Blocks at 2026-01-05 08:00:00Z (the emulator's virtual clock)", run.Text, StringComparison.Ordinal);
        var a = ListText.BlockLines(run.Text, GpuA);
        Assert.Equal("  2026-01-03 08:00:00Z → 2026-01-05 11:00:00Z, 3h 00m left", a[1]);
        Assert.Equal("  EC2 terminates its instances from 2026-01-05 10:30:00Z (in 2h 30m); the expiry acts at 2026-01-05 09:30:00Z", a[2]);
        Assert.Matches(@"^  capacity/gpu-a \(pcs_\w+\)  min 0 max 4: successor-block: tag pcs-automation:successor-block: moves to block cr-0a000000000000002", a[3]);
        Assert.Contains(ListText.BlockLines(run.Text, GpuB), l => l.Contains("capacity/gpu-b", StringComparison.Ordinal) && l.Contains(": failover: ", StringComparison.Ordinal));
        Assert.Contains(ListText.BlockLines(run.Text, GpuC), l => l.Contains("capacity/gpu-c", StringComparison.Ordinal) && l.Contains(": wind-down: ", StringComparison.Ordinal));
        Assert.Contains(ListText.BlockLines(run.Text, "cr-0d000000000000001"), l => l.StartsWith("  finding (needs operator) queue-left-waiting", StringComparison.Ordinal));
        Assert.Contains("  no node group uses it", ListText.BlockLines(run.Text, Successor));
    }

    [Fact] // guide L3490-3492: one block split between two clusters
    public async Task List_SharedBlock_BothClustersGroups()
    {
        var run = await RunAsync("list");

        var shared = ListText.BlockLines(run.Text, Shared);
        Assert.Equal($"{Shared}  p5.48xlarge x 8  us-east-1a  active", shared[0]);
        Assert.Contains(shared, l => l.StartsWith("  capacity/shared-a (", StringComparison.Ordinal) && l.Contains("min 4 max 4", StringComparison.Ordinal));
        Assert.Contains(shared, l => l.StartsWith("  capacity-2/shared-b (", StringComparison.Ordinal) && l.Contains("min 4 max 4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_Json_OneDocumentBlocksInEndOrder()
    {
        var run = await RunAsync("list", "--output", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var json = JsonNode.Parse(run.Text)!; // nothing but the JSON on stdout
        var blocks = json["blocks"]!.AsArray();
        Assert.Equal([GpuA, GpuB, GpuC, "cr-0d000000000000001", Shared, Successor], blocks.Select(b => b!["reservationId"]!.GetValue<string>()));
        var a = blocks[0]!;
        Assert.Equal(3 * 3600, a["timeLeftSeconds"]!.GetValue<long>());
        Assert.Equal("2026-01-05T10:30:00Z", a["terminationAt"]!.GetValue<string>());
        var gpuA = Assert.Single(a["nodeGroups"]!.AsArray())!;
        Assert.Equal("successor-block", gpuA["action"]!.GetValue<string>());
        Assert.Equal(Successor, gpuA["successorReservationId"]!.GetValue<string>());
        Assert.Equal(["capacity", "capacity-2"], blocks[4]!["nodeGroups"]!.AsArray().Select(g => g!["clusterName"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Plan_WindDownBesideCpu_TimingQueueEditAndParkedScaling()
    {
        var run = await RunAsync("plan", "--reservation", GpuC);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"Expiry plan for Capacity Block {GpuC} (p4d.24xlarge x 2, us-east-1a, active), planned at 2026-01-05 08:00:00Z", run.Text, StringComparison.Ordinal);
        Assert.Contains("  termination  2026-01-05 12:30:00Z", run.Text, StringComparison.Ordinal);
        Assert.Contains("  deadline     2026-01-05 12:15:00Z", run.Text, StringComparison.Ordinal);
        Assert.Contains("  acts at      2026-01-05 11:30:00Z  lead 1h 30m", run.Text, StringComparison.Ordinal);
        Assert.Matches(@"    queue gpu-c \(pcs_\w+\): gpu-c, cpu → cpu", run.Text);
        Assert.Contains("    parked gpu-c: scaled to 0/0, min 0 max 2 saved", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_LeadMinutes_MovesWhenTheExpiryActs()
    {
        var run = await RunAsync("plan", "--reservation", GpuC, "--lead-minutes", "120");

        Assert.Contains("  acts at      2026-01-05 11:00:00Z  lead 2h 00m", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_FailoverJson_QueueEditToTheFallbackGroup()
    {
        var run = await RunAsync("plan", "--reservation", GpuB, "--output", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var json = JsonNode.Parse(run.Text)!;
        var names = json["nodeGroupNames"]!.AsObject();
        string Name(JsonNode? id) => names[id!.GetValue<string>()]!.GetValue<string>();
        var edit = Assert.Single(json["plan"]!["clusters"]![0]!["queueEdits"]!.AsArray())!;
        Assert.Equal(["gpu-b"], edit["before"]!.AsArray().Select(Name));
        Assert.Equal(["gpu-b-fallback"], edit["after"]!.AsArray().Select(Name));
        Assert.Equal("2026-01-05T10:30:00+00:00", json["plan"]!["timing"]!["actionStartsAt"]!.GetValue<string>());
        Assert.Contains("\"actionStartsAt\": \"2026-01-05T10:30:00+00:00\"", run.Text, StringComparison.Ordinal); // written as read, not as \u002B
    }

    [Fact]
    public async Task Plan_UnknownReservation_UsageErrorNamingIt()
    {
        var run = await RunAsync("plan", "--reservation", "cr-0c000000000000009");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("error: No Capacity Reservation 'cr-0c000000000000009' in this account and Region", run.Text, StringComparison.Ordinal);
    }

    [Fact] // the workflow acts only on clusters tagged pcs-automation:managed=true
    public async Task ListAndPlan_UnmanagedCluster_LeftAloneAndWhy()
    {
        var list = await CliRun.RunAsync(host => host, "capacity-blocks", "list", "--emulator", unmanagedPath);
        var plan = await CliRun.RunAsync(host => host, "capacity-blocks", "plan", "--reservation", "cr-0e000000000000002", "--emulator", unmanagedPath);
        var json = await CliRun.RunAsync(host => host, "capacity-blocks", "plan", "--reservation", "cr-0e000000000000002", "--emulator", unmanagedPath, "--output", "json");

        Assert.Matches(@"lab/lab-gpu \(pcs_\w+\)  min 0 max 2: left alone: cluster lab is not tagged pcs-automation:managed=true", list.Text);
        Assert.Matches(@"cluster lab \(pcs_\w+\): left alone, not tagged pcs-automation:managed=true", plan.Text);
        Assert.Equal("lab", Assert.Single(JsonNode.Parse(json.Text)!["leftAlone"]!.AsArray())!["clusterName"]!.GetValue<string>());
    }
}

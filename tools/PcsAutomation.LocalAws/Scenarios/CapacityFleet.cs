using System.Globalization;

namespace PcsAutomation.LocalAws.Scenarios;

/// <summary>
/// The fleet the Capacity Block reconciler's benchmark runs on (issue 11: 50 clusters x 10 groups and 20 blocks), built
/// in memory: <paramref name="blocks"/> Capacity Blocks <c>block-01</c>... (p5.48xlarge, 10 instances, started a day ago,
/// ending one after the other from <c>firstEnd</c>, <c>endSpacing</c> apart), each with its launch template
/// <c>block-01-lt</c>; <paramref name="clusters"/> managed clusters <c>capacity-01</c>... each with two Capacity Block
/// groups <c>gpu-1</c>, <c>gpu-2</c> (min 0, max 2, in queues of the same name) on blocks taken in turn, so every block
/// serves several clusters, and <c>groupsPerCluster - 2</c> On-Demand groups <c>cpu-3</c>... (min 0, max 4) in the
/// queue <c>batch</c>. Nothing runs (min 0, no jobs), so the emulator stays light.
/// </summary>
public static class CapacityFleet
{
    public static string ClusterName(int index) => $"capacity-{index + 1:00}";

    public static string BlockName(int index) => $"block-{index + 1:00}";

    /// <summary>The fixed reservation id of block <paramref name="index"/> (so a test can name it).</summary>
    public static string BlockId(int index) => "cr-" + (index + 1).ToString("x17", CultureInfo.InvariantCulture);

    /// <summary>The block the <paramref name="gpuGroup"/>-th (0 or 1) Capacity Block group of cluster <paramref name="cluster"/> uses.</summary>
    public static int BlockOf(int cluster, int gpuGroup, int blocks) => (2 * cluster + gpuGroup) % blocks;

    public static Scenario Build(int clusters = 50, int groupsPerCluster = 10, int blocks = 20, TimeSpan? firstEnd = null, TimeSpan? endSpacing = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clusters, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(groupsPerCluster, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(groupsPerCluster, 10); // guide L10922: 10 compute node groups per cluster
        ArgumentOutOfRangeException.ThrowIfLessThan(blocks, 1);
        var end = firstEnd ?? TimeSpan.FromHours(2);
        var spacing = endSpacing ?? TimeSpan.FromHours(1);
        var scenario = Scenario.Empty();
        for (var b = 0; b < blocks; b++)
        {
            scenario = scenario
                .WithCapacityBlock(BlockName(b), "p5.48xlarge", 10, "-1d", Relative(end + spacing * b), id: BlockId(b))
                .WithLaunchTemplate(BlockName(b) + "-lt", new LaunchTemplateVersionDefinition
                {
                    ImageId = "ami-0ccccccccccccccc3", InstanceType = "p5.48xlarge", CapacityBlock = BlockName(b),
                });
        }
        for (var c = 0; c < clusters; c++)
        {
            scenario = scenario.AndCluster(ClusterName(c)).WithTag("pcs-automation:managed", "true");
            for (var g = 0; g < 2; g++)
            {
                scenario = scenario
                    .WithNodeGroup($"gpu-{g + 1}", min: 0, max: 2, instanceType: "p5.48xlarge",
                        launchTemplate: BlockName(BlockOf(c, g, blocks)) + "-lt", purchaseOption: "CAPACITY_BLOCK")
                    .WithQueue($"gpu-{g + 1}", $"gpu-{g + 1}");
            }
            var cpu = Enumerable.Range(3, groupsPerCluster - 2).Select(g => $"cpu-{g}").ToArray();
            foreach (var group in cpu) scenario = scenario.WithNodeGroup(group, min: 0, max: 4);
            if (cpu.Length > 0) scenario = scenario.WithQueue("batch", cpu);
        }
        return scenario;
    }

    private static string Relative(TimeSpan offset) => "+" + ((long)offset.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m";
}

using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.Benchmarks.Rollout;

/// <summary>
/// The fleet: <c>clusters</c> managed Slurm 25.05 clusters <c>fleet-01</c>... in one account and Region, each with a
/// login group (1 node, in no queue) and <c>groups - 1</c> compute groups in one queue. Every third compute group
/// takes its image from a launch template of its own (version 1, ImageId = the old AMI), the others from <c>amiId</c>;
/// about half the compute groups run nodes (static, min = max = 1 or 2), the others run none (dynamic, min 0, no jobs),
/// shifted by one from one cluster to the next so the clusters differ. Two AMIs tagged for Slurm 25.05: the one in use
/// and the target. PCS's default quota is 5 clusters per Region, adjustable (guide L10901): a fleet of 20 needs an increase.
/// </summary>
internal static class FleetScenario
{
    public const string OldAmi = "ami-0000000000000000a";
    public const string NewAmi = "ami-0000000000000000b";
    public const string Login = "login";

    public static string ClusterName(int index) => $"fleet-{index + 1:00}";

    public static Scenario Build(int clusters, int groups)
    {
        var holds = new Dictionary<string, string>(StringComparer.Ordinal) { ["pcs-automation:slurm-versions"] = "25.05" };
        var scenario = Scenario.Empty()
            .WithImage("team-pcs-v1", id: OldAmi, created: "-30d", tags: holds)
            .WithImage("team-pcs-v2", id: NewAmi, created: "-1d", tags: holds);
        for (var c = 0; c < clusters; c++)
        {
            var name = ClusterName(c);
            var templated = Enumerable.Range(1, groups - 1).Where(IsTemplateDriven).ToList();
            foreach (var g in templated)
                scenario = scenario.WithLaunchTemplate(Template(name, g), new LaunchTemplateVersionDefinition { ImageId = OldAmi });
            scenario = scenario.AndCluster(name).WithTag("pcs-automation:managed", "true").WithNodeGroup(Login, min: 1, max: 1);
            var compute = new List<string>();
            for (var g = 1; g < groups; g++)
            {
                var group = $"compute-{g}";
                compute.Add(group);
                var template = IsTemplateDriven(g) ? Template(name, g) : null;
                scenario = RunsNodes(c, g)
                    ? scenario.WithNodeGroup(group, min: 1 + g % 2, max: 1 + g % 2, launchTemplate: template)
                    : scenario.WithNodeGroup(group, min: 0, max: 4, launchTemplate: template);
            }
            scenario = scenario.WithQueue("batch", [.. compute]);
            foreach (var group in scenario.Build().Clusters[^1].NodeGroups.Where(g => g.LaunchTemplate is null))
                group.AmiId = OldAmi;
        }
        return scenario;
    }

    /// <summary>Every third compute group is driven by its launch template (a new version per roll-out), the others by amiId.</summary>
    public static bool IsTemplateDriven(int computeGroup) => computeGroup % 3 == 0;

    /// <summary>About half the compute groups run nodes, alternating, shifted by one from one cluster to the next.</summary>
    public static bool RunsNodes(int cluster, int computeGroup) => (computeGroup + cluster) % 2 == 1;

    private static string Template(string cluster, int computeGroup) => $"{cluster}-compute-{computeGroup}";
}

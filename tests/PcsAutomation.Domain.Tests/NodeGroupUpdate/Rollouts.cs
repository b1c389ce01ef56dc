using PcsAutomation.Domain.Ami;
using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Domain.Tests.Ami;

namespace PcsAutomation.Domain.Tests.NodeGroupUpdate;

/// <summary>Node groups and images for the roll-out decisions (a Slurm 25.05 cluster, "now" fixed by <see cref="Images.Now"/>).</summary>
internal static class Rollouts
{
    public const string OldAmi = "ami-0000000000000000a";
    public const string NewAmi = "ami-0000000000000000b";

    public static readonly ArchitectureDecision X86 = new("x86_64", null);

    public static readonly ClusterFacts Cluster = new("pcs_abcdef1234", "demo", "ACTIVE", "25.05");

    public static AmiImage Team(string id = NewAmi, string versions = "25.05") => Images.Own(id, "team-pcs", tags: Images.SlurmTag(versions));

    /// <summary>A group whose amiId decides its image (<paramref name="amiId"/> set) or whose launch template does.</summary>
    public static NodeGroupFacts Group(
        string name, string? amiId, int running, bool login = false, string status = "ACTIVE", AmiImage? target = null, string templateVersion = "4",
        string? currentImage = null, int? latestVersion = 4, string? targetTemplateImage = null) =>
        new(new NodeGroupImage($"pcs_{name}", name, amiId, $"lt-{name}", templateVersion), status, login, running,
            currentImage ?? amiId ?? OldAmi, target ?? Team(), X86, $"template-{name}", targetTemplateImage, latestVersion);

    public static NodeGroupUpdateRequest Request(
        UpdateTargetText? target = null, IReadOnlyList<string?>? groups = null, string? canary = null, int? batch = null, bool dryRun = false) =>
        NodeGroupUpdateRequest.Validate(Cluster.ClusterId, target ?? new UpdateTargetText(null, null, NewAmi, null), groups, canary, batch, null, dryRun);

    public static NodeGroupUpdatePlan Plan(NodeGroupUpdateRequest request, params NodeGroupFacts[] groups) =>
        NodeGroupUpdatePlanner.Plan(request, Cluster, groups, Images.Now);

    public static IEnumerable<PlannedGroupUpdate> All(NodeGroupUpdatePlan plan) => plan.Canary is null ? plan.Remaining : [plan.Canary, .. plan.Remaining];
}

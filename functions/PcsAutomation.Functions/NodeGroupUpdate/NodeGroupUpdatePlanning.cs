using System.Globalization;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Domain.Ami;
using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Functions.Ami;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;

namespace PcsAutomation.Functions.NodeGroupUpdate;

/// <summary>A node group's image as PCS and EC2 give it: its amiId, else its launch template version's ImageId (guide L3029).</summary>
/// <param name="TemplateName">The launch template's name (null when EC2 does not know it), for the managed-template rule (guide L2669).</param>
internal sealed record CurrentGroupImage(string? ImageId, string? TemplateImageId, LaunchTemplateFacts? Template, ArchitectureDecision Architecture);

/// <summary>
/// The roll-out's plan as AWS makes it: reads a cluster's node groups, their instances, queues and launch templates,
/// resolves the target image per group (a channel is looked up per architecture, <see cref="AmiLookup"/>) and returns
/// <see cref="NodeGroupUpdatePlanner"/>'s plan, refusals included (the caller decides what a refusal means). One
/// planning for the roll-out's first step and for the triggers that ask "would a roll-out change anything?"
/// (<c>PlanNodeGroupUpdate</c>, <c>AmiUpdateReconciler</c>, <c>NodeGroupAmiAudit</c>). Read-only.
/// </summary>
internal sealed class NodeGroupUpdatePlanning(ClusterReader reader, AmiLookup lookup, LaunchTemplates templates, TimeProvider time)
{
    public static NodeGroupUpdatePlanning Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new NodeGroupUpdatePlanning(ClusterReader.Create(services), AmiLookup.Create(services), new LaunchTemplates(services.Aws.CreateEc2()), services.Time);
    }

    public ClusterReader Reader => reader;

    public AmiLookup Lookup => lookup;

    public async Task<NodeGroupUpdatePlan> PlanAsync(Cluster cluster, NodeGroupUpdateRequest request, CancellationToken cancellation) =>
        (await ReadAndPlanAsync(cluster, request, cancellation).ConfigureAwait(false)).Plan;

    /// <summary>The plan and what it was made from: each group's facts, with the image the target gives it (also for a group the plan refuses).</summary>
    public async Task<(NodeGroupUpdatePlan Plan, IReadOnlyList<NodeGroupFacts> Groups)> ReadAndPlanAsync(Cluster cluster, NodeGroupUpdateRequest request, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(request);
        var groups = await reader.GetComputeNodeGroupsAsync(cluster.Id, cancellation).ConfigureAwait(false);
        var queued = await reader.GetQueuedNodeGroupIdsAsync(cluster.Id, cancellation).ConfigureAwait(false);
        var targets = new TargetImages(request.Target, lookup, SlurmVersion.TryParse(cluster.Scheduler.Version, out var slurm) ? slurm : null);
        var facts = new List<NodeGroupFacts>(groups.Count);
        foreach (var group in groups)
            facts.Add(await FactsAsync(group, queued, targets, request.Target, cancellation).ConfigureAwait(false));
        return (NodeGroupUpdatePlanner.Plan(
            request, new ClusterFacts(cluster.Id, cluster.Name, cluster.Status.Value, cluster.Scheduler.Version), facts, time.GetUtcNow()), facts);
    }

    /// <summary>The image the group's new instances get now, its launch template's facts and the group's architecture.</summary>
    public async Task<CurrentGroupImage> CurrentImageAsync(ComputeNodeGroup group, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(group);
        var template = group.CustomLaunchTemplate;
        var templateFacts = await templates.DescribeAsync(template.Id, cancellation).ConfigureAwait(false);
        var templateImage = await templates.ImageOfVersionAsync(template.Id, template.Version, cancellation).ConfigureAwait(false);
        var architecture = await lookup.GroupArchitectureAsync([.. group.InstanceConfigs.Select(c => c.InstanceType).OfType<string>()], cancellation)
            .ConfigureAwait(false);
        return new CurrentGroupImage(group.AmiId ?? templateImage, templateImage, templateFacts, architecture);
    }

    private async Task<NodeGroupFacts> FactsAsync(ComputeNodeGroup group, IReadOnlySet<string> queued, TargetImages targets, UpdateTarget target, CancellationToken cancellation)
    {
        var template = group.CustomLaunchTemplate;
        var current = new NodeGroupImage(group.Id, group.Name, group.AmiId, template.Id, template.Version);
        var instances = await reader.GetNodeGroupInstancesAsync(group.Id, cancellation).ConfigureAwait(false);
        var image = await CurrentImageAsync(group, cancellation).ConfigureAwait(false);

        string? targetTemplateImage = image.TemplateImageId;
        AmiImage? targetImage;
        if (target.Kind == UpdateTargetKind.LaunchTemplateVersion)
        {
            targetTemplateImage = await templates.ImageOfVersionAsync(template.Id, target.LaunchTemplateVersion!.Value.ToString(CultureInfo.InvariantCulture), cancellation)
                .ConfigureAwait(false);
            // The group's amiId overrides whatever the version names (guide L3029).
            targetImage = (group.AmiId ?? targetTemplateImage) is { } id ? await targets.ByIdAsync(id, cancellation).ConfigureAwait(false) : null;
        }
        else
        {
            targetImage = await targets.ForAsync(image.Architecture, cancellation).ConfigureAwait(false);
        }

        return new NodeGroupFacts(
            current, group.Status.Value, IsLogin: !queued.Contains(group.Id), instances.Count(i => i.IsRunning),
            image.ImageId, targetImage, image.Architecture, image.Template?.Name, targetTemplateImage,
            image.Template?.LatestVersion is { } latest ? (int)Math.Min(latest, int.MaxValue) : null);
    }
}

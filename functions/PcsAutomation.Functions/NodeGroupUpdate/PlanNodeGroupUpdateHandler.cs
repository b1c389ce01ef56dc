using System.Globalization;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Domain.Ami;
using PcsAutomation.Domain.Configuration;
using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Functions.Ami;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.NodeGroupUpdate;

/// <summary>
/// <c>PlanNodeGroupUpdate</c>: read-only. Validates the roll-out's input, reads the cluster (managed?), its node groups,
/// their instances, queues and launch templates, resolves the target image per group (a channel is looked up per
/// architecture, <see cref="AmiLookup"/>), and returns <see cref="NodeGroupUpdatePlanner"/>'s plan: which groups change
/// and how, the pre-flight's warnings, the disruption, the canary and the batches. Any refusal is a named error listing
/// every reason. A dry run is this step alone: it makes no mutating call.
/// </summary>
public sealed class PlanNodeGroupUpdateHandler
{
    private readonly ClusterReader reader;
    private readonly AmiLookup lookup;
    private readonly LaunchTemplates templates;
    private readonly AutomationDefaults defaults;
    private readonly TimeProvider time;

    internal PlanNodeGroupUpdateHandler(ClusterReader reader, AmiLookup lookup, LaunchTemplates templates, AutomationDefaults defaults, TimeProvider time) =>
        (this.reader, this.lookup, this.templates, this.defaults, this.time) = (reader, lookup, templates, defaults, time);

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var handler = new PlanNodeGroupUpdateHandler(ClusterReader.Create(services), AmiLookup.Create(services), new LaunchTemplates(services.Aws.CreateEc2()),
            AutomationDefaults.FromEnvironment(services.GetVariable), services.Time);
        return HandlerWrapper.Create(handler.HandleAsync, NodeGroupUpdateJsonContext.Default.PlanNodeGroupUpdateInput, NodeGroupUpdateJsonContext.Default.NodeGroupUpdatePlan);
    }

    public async Task<NodeGroupUpdatePlan> HandleAsync(PlanNodeGroupUpdateInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var request = Validate(input);
        var cancellation = context.CancellationToken;

        var cluster = await reader.RequireClusterAsync(request.ClusterId, cancellation).ConfigureAwait(false);
        var config = ClusterTagConfiguration.Parse(await reader.GetTagsAsync(cluster, cancellation).ConfigureAwait(false), defaults);
        if (!config.IsManaged)
            throw new ClusterNotManaged($"Cluster {cluster.Id} ({cluster.Name}) is not tagged {defaults.ManagedTagKey}=true: AMI roll-outs are not automated for it.");

        var groups = await reader.GetComputeNodeGroupsAsync(cluster.Id, cancellation).ConfigureAwait(false);
        var queued = await reader.GetQueuedNodeGroupIdsAsync(cluster.Id, cancellation).ConfigureAwait(false);
        var targets = new TargetImages(request.Target, lookup, SlurmVersion.TryParse(cluster.Scheduler.Version, out var slurm) ? slurm : null);
        var facts = new List<NodeGroupFacts>(groups.Count);
        foreach (var group in groups)
            facts.Add(await FactsAsync(group, queued, targets, request.Target, cancellation).ConfigureAwait(false));

        var plan = NodeGroupUpdatePlanner.Plan(
            request, new ClusterFacts(cluster.Id, cluster.Name, cluster.Status.Value, cluster.Scheduler.Version), facts, time.GetUtcNow());
        if (plan.Refusals.Count > 0)
            throw PlanRefusals.ToError(plan);
        foreach (var warning in plan.Warnings)
            context.Logger.LogWarning($"Cluster {plan.ClusterId}: {warning}");
        context.Logger.LogInformation(
            $"Roll-out plan for cluster {plan.ClusterId} ({plan.ClusterName}) to {plan.Target}: canary {plan.Canary?.NodeGroupName ?? "none"} ({plan.CanaryRule}); " +
            $"then {string.Join(" | ", plan.Batches.Select(b => string.Join(", ", b)))}; skipped [{string.Join(", ", plan.Skipped.Select(s => s.NodeGroupName))}]; dryRun {plan.DryRun}");
        return plan;
    }

    private static NodeGroupUpdateRequest Validate(PlanNodeGroupUpdateInput input)
    {
        try
        {
            return NodeGroupUpdateRequest.Validate(input.ClusterId, input.Target, input.NodeGroups, input.Canary, input.BatchSize, input.Replacement, input.DryRun);
        }
        catch (NodeGroupUpdateInputException e)
        {
            throw new InvalidWorkflowInput(e.Message, e);
        }
    }

    private async Task<NodeGroupFacts> FactsAsync(ComputeNodeGroup group, IReadOnlySet<string> queued, TargetImages targets, UpdateTarget target, CancellationToken cancellation)
    {
        var template = group.CustomLaunchTemplate;
        var current = new NodeGroupImage(group.Id, group.Name, group.AmiId, template.Id, template.Version);
        var instances = await reader.GetNodeGroupInstancesAsync(group.Id, cancellation).ConfigureAwait(false);
        var templateFacts = await templates.DescribeAsync(template.Id, cancellation).ConfigureAwait(false);
        var currentTemplateImage = await templates.ImageOfVersionAsync(template.Id, template.Version, cancellation).ConfigureAwait(false);
        var architecture = await lookup.GroupArchitectureAsync([.. group.InstanceConfigs.Select(c => c.InstanceType).OfType<string>()], cancellation)
            .ConfigureAwait(false);

        string? targetTemplateImage = currentTemplateImage;
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
            targetImage = await targets.ForAsync(architecture, cancellation).ConfigureAwait(false);
        }

        return new NodeGroupFacts(
            current, group.Status.Value, IsLogin: !queued.Contains(group.Id), instances.Count(i => i.IsRunning),
            group.AmiId ?? currentTemplateImage, targetImage, architecture, templateFacts?.Name, targetTemplateImage,
            templateFacts?.LatestVersion is { } latest ? (int)Math.Min(latest, int.MaxValue) : null);
    }
}

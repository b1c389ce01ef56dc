using PcsAutomation.Domain.Configuration;
using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.NodeGroupUpdate;

/// <summary>
/// <c>PlanNodeGroupUpdate</c>: read-only. Validates the roll-out's input, reads the cluster (managed?), and returns
/// <see cref="NodeGroupUpdatePlanning"/>'s plan (node groups, instances, queues, launch templates, the target image per
/// group: a channel is looked up per architecture): which groups change
/// and how, the pre-flight's warnings, the disruption, the canary and the batches. Any refusal is a named error listing
/// every reason. A dry run is this step alone: it makes no mutating call.
/// </summary>
[LambdaFunction(Policies = "PcsRead, PcsResolveClusterName, Ec2Describe, ReadAmiParameters")]
public sealed class PlanNodeGroupUpdateHandler
{
    private readonly NodeGroupUpdatePlanning planning;
    private readonly AutomationDefaults defaults;

    internal PlanNodeGroupUpdateHandler(NodeGroupUpdatePlanning planning, AutomationDefaults defaults) =>
        (this.planning, this.defaults) = (planning, defaults);

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var handler = new PlanNodeGroupUpdateHandler(NodeGroupUpdatePlanning.Create(services), AutomationDefaults.FromEnvironment(services.GetVariable));
        return HandlerWrapper.Create(handler.HandleAsync, NodeGroupUpdateJsonContext.Strict.PlanNodeGroupUpdateInput, NodeGroupUpdateJsonContext.Strict.NodeGroupUpdatePlan);
    }

    public async Task<NodeGroupUpdatePlan> HandleAsync(PlanNodeGroupUpdateInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var request = Validate(input);
        var cancellation = context.CancellationToken;

        var cluster = await planning.Reader.RequireClusterAsync(request.ClusterId, cancellation).ConfigureAwait(false);
        var config = ClusterTagConfiguration.Parse(await planning.Reader.GetTagsAsync(cluster, cancellation).ConfigureAwait(false), defaults);
        if (!config.IsManaged)
            throw new ClusterNotManaged($"Cluster {cluster.Id} ({cluster.Name}) is not tagged {defaults.ManagedTagKey}=true: AMI roll-outs are not automated for it.");

        var plan = await planning.PlanAsync(cluster, request, cancellation).ConfigureAwait(false);
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
}

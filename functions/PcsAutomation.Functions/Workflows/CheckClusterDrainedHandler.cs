using PcsAutomation.Domain.NodeGroups;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.Workflows;

/// <summary>
/// <c>CheckClusterDrained</c>: one poll of the drain after the scale-down: every node group ACTIVE again and no
/// instance of the cluster still up (<see cref="DrainStatus"/>). The ASL waits <c>waitSeconds</c> between polls.
/// </summary>
[LambdaFunction(Policies = "PcsRead, Ec2DescribeInstances")]
public sealed class CheckClusterDrainedHandler
{
    private readonly ClusterReader reader;

    internal CheckClusterDrainedHandler(ClusterReader reader) => this.reader = reader;

    public static LambdaHandler Create(FunctionServices services)
    {
        var handler = new CheckClusterDrainedHandler(ClusterReader.Create(services));
        return HandlerWrapper.Create(handler.HandleAsync, WorkflowJsonContext.Strict.CheckClusterDrainedInput, WorkflowJsonContext.Strict.CheckClusterDrainedResult);
    }

    public async Task<CheckClusterDrainedResult> HandleAsync(CheckClusterDrainedInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var clusterId = WorkflowInput.ClusterId(input.ClusterId);
        var attempt = WorkflowInput.Attempt(input.Attempt);

        var groups = await reader.GetNodeGroupsAsync(clusterId, context.CancellationToken).ConfigureAwait(false);
        var instances = await reader.GetInstancesUpAsync(clusterId, context.CancellationToken).ConfigureAwait(false);
        var status = DrainStatus.Evaluate([.. groups.Select(g => (g.NodeGroupId, g.Status))], instances);
        var wait = PollingBackoff.NextWaitSeconds(attempt);

        context.Logger.LogInformation(
            $"Cluster {clusterId} drained: {status.Drained} (poll {attempt + 1}); node groups not ACTIVE: [{string.Join(", ", status.NodeGroupsNotActive)}], " +
            $"instances still up: {status.InstancesStillUp.Count}");
        return new CheckClusterDrainedResult(status.Drained, status.NodeGroupsNotActive, status.InstancesStillUp, attempt + 1, wait);
    }
}

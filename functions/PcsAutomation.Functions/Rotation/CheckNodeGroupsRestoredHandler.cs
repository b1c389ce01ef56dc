using PcsAutomation.Domain.Rotation;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.Rotation;

/// <summary>
/// <c>CheckNodeGroupsRestored</c>: one poll after the restore: every saved group ACTIVE with exactly its saved
/// min/max (<see cref="RestoreStatus"/>). Pending groups may still need <c>RestoreNodeGroups</c> again (they were
/// busy when it ran), which the ASL loop does.
/// </summary>
public sealed class CheckNodeGroupsRestoredHandler
{
    private readonly ClusterReader reader;

    internal CheckNodeGroupsRestoredHandler(ClusterReader reader) => this.reader = reader;

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var handler = new CheckNodeGroupsRestoredHandler(RotationClients.Reader(services));
        return HandlerWrapper.Create(handler.HandleAsync, RotationJsonContext.Default.CheckNodeGroupsRestoredInput, RotationJsonContext.Default.CheckNodeGroupsRestoredResult);
    }

    public async Task<CheckNodeGroupsRestoredResult> HandleAsync(CheckNodeGroupsRestoredInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var clusterId = RotationInput.ClusterId(input.ClusterId);
        var saved = RotationInput.SavedScaling(input.SavedScaling);
        var attempt = RotationInput.Attempt(input.Attempt);

        var groups = await reader.GetNodeGroupsAsync(clusterId, context.CancellationToken).ConfigureAwait(false);
        var status = RestoreStatus.Evaluate(saved, [.. groups.Select(g => (g.Scaling, g.Status))]);
        var wait = PollingBackoff.NextWaitSeconds(attempt);

        context.Logger.LogInformation(
            $"Cluster {clusterId} node groups restored: {status.Restored} (poll {attempt + 1}); pending: [{string.Join(", ", status.NodeGroupsPending)}]");
        return new CheckNodeGroupsRestoredResult(status.Restored, status.NodeGroupsPending, attempt + 1, wait);
    }
}

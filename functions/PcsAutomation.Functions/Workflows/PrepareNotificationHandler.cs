using System.Text.Json;
using System.Text.Json.Nodes;
using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.Workflows;

/// <summary>
/// <c>PrepareNotification</c>: writes what a workflow tells people (SNS subject and message) and automation (the custom
/// event's detail-type and detail), from what the state machine knows (<c>facts</c>) and the saved scaling in the lease,
/// the one source every step reads: a notification can never show other values than the restore used. The state machine
/// then publishes both (the notify fragment). Read-only; never holds a secret value.
/// </summary>
[LambdaFunction(Policies = "ClusterLease")]
public sealed class PrepareNotificationHandler
{
    private readonly ClusterLeaseTable leases;

    internal PrepareNotificationHandler(ClusterLeaseTable leases) => this.leases = leases;

    public static LambdaHandler Create(FunctionServices services)
    {
        var handler = new PrepareNotificationHandler(ClusterLeaseTable.Create(services));
        return HandlerWrapper.Create(handler.HandleAsync, WorkflowJsonContext.Strict.PrepareNotificationInput, WorkflowJsonContext.Strict.PrepareNotificationResult);
    }

    public async Task<PrepareNotificationResult> HandleAsync(PrepareNotificationInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var workflow = WorkflowInput.Workflow(input.Workflow);
        var notificationEvent = WorkflowInput.Required(input.Event, "event");
        var clusterId = WorkflowInput.ClusterId(input.ClusterId);
        var clusterName = WorkflowInput.Required(input.ClusterName, "clusterName");
        var executionArn = WorkflowInput.ExecutionArn(input.ExecutionArn);
        var facts = input.Facts is { ValueKind: JsonValueKind.Object } given ? given : EmptyFacts;

        // Only this execution's lease speaks for what it saved (an advance notice holds none).
        var lease = await leases.GetAsync(clusterId, context.CancellationToken).ConfigureAwait(false);
        var scaling = lease?.Owner == executionArn && lease.SavedScaling is { } saved ? new LeaseScaling(saved, lease.RestoredAt is not null) : null;

        var changes = lease?.Owner == executionArn ? lease.SavedChanges : null;
        var composed = NotificationComposers.Compose(workflow, notificationEvent, clusterId, clusterName, executionArn, facts, scaling, changes);
        var detail = new JsonObject
        {
            ["clusterId"] = clusterId,
            ["clusterName"] = clusterName,
            ["executionArn"] = executionArn,
            ["workflow"] = workflow.Name,
            ["event"] = notificationEvent,
        };
        foreach (var (name, value) in composed.Facts)
            detail[name] = value?.DeepClone();
        if (scaling is not null)
        {
            detail["savedScaling"] = JsonSerializer.SerializeToNode(scaling.Saved, WorkflowJsonContext.Strict.IReadOnlyListNodeGroupScaling);
            detail["scalingRestored"] = scaling.Restored;
            if (!scaling.Restored)
                detail["restoreCommands"] = new JsonArray([.. NotificationText.RestoreCommands(clusterId, scaling.Saved).Select(c => (JsonNode)c)]);
        }

        if (changes is { Count: > 0 })
        {
            detail["savedImages"] = JsonSerializer.SerializeToNode(changes, WorkflowJsonContext.Strict.IReadOnlyListNodeGroupChange);
            detail["rollbackCommands"] = new JsonArray([.. NodeGroupUpdateNotifications.RollbackCommands(clusterId, changes).Select(c => (JsonNode)c)]);
        }

        context.Logger.LogInformation($"Notification {workflow.Name} {notificationEvent} for cluster {clusterId}: {composed.Notification.Subject}");
        return new PrepareNotificationResult(composed.Notification.Subject, composed.Notification.Message, composed.Notification.DetailType, detail);
    }

    private static readonly JsonElement EmptyFacts = JsonDocument.Parse("{}").RootElement;
}

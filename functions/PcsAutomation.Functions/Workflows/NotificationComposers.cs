using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Domain.Rotation;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.CapacityBlocks;
using PcsAutomation.Functions.NodeGroupUpdate;
using PcsAutomation.Functions.Rotation;

namespace PcsAutomation.Functions.Workflows;

/// <summary>A composed notification and the facts (camelCase, nulls left out) that go into the event's detail.</summary>
internal sealed record ComposedNotification(Notification Notification, JsonObject Facts);

/// <summary>Each workflow's notification texts, by workflow: the one place the shared notification step names a workflow (like <see cref="HandlerRegistry"/>).</summary>
internal static class NotificationComposers
{
    // Facts go into the event as the domain record has them, without the members the state machine did not send.
    private static readonly JsonSerializerOptions RotationFacts = new(RotationJsonContext.Strict.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true, // the ASL's caught errors are {"Error", "Cause"}
    };

    private static readonly JsonSerializerOptions NodeGroupUpdateFacts = new(NodeGroupUpdateJsonContext.Strict.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
    };

    private static readonly JsonSerializerOptions CapacityBlockFacts = new(CapacityBlockJsonContext.Strict.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
    };

    private static JsonTypeInfo<RotationNotificationFacts> RotationFactsType =>
        (JsonTypeInfo<RotationNotificationFacts>)RotationFacts.GetTypeInfo(typeof(RotationNotificationFacts));

    private static JsonTypeInfo<NodeGroupUpdateNotificationFacts> NodeGroupUpdateFactsType =>
        (JsonTypeInfo<NodeGroupUpdateNotificationFacts>)NodeGroupUpdateFacts.GetTypeInfo(typeof(NodeGroupUpdateNotificationFacts));

    private static JsonTypeInfo<CapacityBlockNotificationFacts> CapacityBlockFactsType =>
        (JsonTypeInfo<CapacityBlockNotificationFacts>)CapacityBlockFacts.GetTypeInfo(typeof(CapacityBlockNotificationFacts));

    public static ComposedNotification Compose(
        WorkflowKind workflow, string notificationEvent, string clusterId, string clusterName, string executionArn, JsonElement facts, LeaseScaling? scaling,
        IReadOnlyList<NodeGroupChange>? changes = null)
    {
        if (workflow == WorkflowKind.ClusterSecretRotation)
        {
            var typed = Read(facts, RotationFactsType);
            return new(
                Compose(() => RotationNotifications.Compose(notificationEvent, clusterId, clusterName, executionArn, typed, scaling)),
                JsonSerializer.SerializeToNode(typed, RotationFactsType)!.AsObject());
        }
        if (workflow == WorkflowKind.NodeGroupUpdate)
        {
            var typed = Read(facts, NodeGroupUpdateFactsType);
            return new(
                Compose(() => NodeGroupUpdateNotifications.Compose(notificationEvent, clusterId, clusterName, executionArn, typed, changes ?? [])),
                JsonSerializer.SerializeToNode(typed, NodeGroupUpdateFactsType)!.AsObject());
        }
        if (workflow == WorkflowKind.CapacityBlockExpiry)
        {
            var typed = Read(facts, CapacityBlockFactsType);
            return new(
                Compose(() => CapacityBlockNotifications.Compose(notificationEvent, clusterId, clusterName, executionArn, typed)),
                JsonSerializer.SerializeToNode(typed, CapacityBlockFactsType)!.AsObject());
        }
        throw new InvalidWorkflowInput($"workflow '{workflow.Name}' has no notifications.");
    }

    private static T Read<T>(JsonElement facts, JsonTypeInfo<T> type)
    {
        try
        {
            return facts.Deserialize(type) ?? throw new InvalidWorkflowInput("facts must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidWorkflowInput($"facts: {e.Message}", e);
        }
    }

    private static Notification Compose(Func<Notification> compose)
    {
        try
        {
            return compose();
        }
        catch (ArgumentException e)
        {
            throw new InvalidWorkflowInput(e.Message, e);
        }
    }
}

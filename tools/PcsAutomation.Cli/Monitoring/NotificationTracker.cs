using System.Text.Json;
using System.Text.Json.Nodes;
using PcsAutomation.Aws.StepFunctions.Model;

namespace PcsAutomation.Cli.Monitoring;

/// <summary>
/// The last notification an execution prepared, read from its history: every workflow notifies through the notify
/// fragment, whose first state <c>PrepareNotification&lt;Event&gt;</c> leaves the composed notification in
/// <c>$.notification</c>; its <c>detail</c> is the pcs-automation event put on the bus (clusterId, executionArn, event,
/// the facts, and the lease's <c>savedScaling</c>, <c>scalingRestored</c>, <c>restoreCommands</c>). That detail is what
/// the execution itself reports about capacity, also for a failed execution, which has no output. Each one is also a
/// line of the live view (its subject, as SNS sends it). Pure: no I/O.
/// </summary>
public sealed class NotificationTracker(string executionArn)
{
    public const string StatePrefix = "PrepareNotification";

    /// <summary>The detail of the newest notification this execution prepared, or null when it prepared none.</summary>
    public JsonObject? LastDetail { get; private set; }

    private long lastId;

    /// <summary>Takes the notifications among <paramref name="events"/> (events already seen are skipped) and returns them, oldest first.</summary>
    public IReadOnlyList<PreparedNotification> Add(IEnumerable<HistoryEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var prepared = new List<PreparedNotification>();
        foreach (var e in events.OrderBy(e => e.Id))
        {
            if (e.Id <= lastId) continue;
            lastId = e.Id;
            if (e.StateExitedEventDetails is { } exited && Notification(exited) is { } notification)
            {
                LastDetail = notification.Detail;
                prepared.Add(new PreparedNotification(e.Timestamp, Text(notification.Detail, "event") ?? "", notification.Subject, notification.Detail));
            }
        }

        return prepared;
    }

    /// <summary>
    /// The state's <c>$.notification.detail</c>, when it is this state's own: a PrepareNotification whose failure was
    /// caught leaves the previous notification in <c>$.notification</c>, which names another event.
    /// </summary>
    private (JsonObject Detail, string? Subject)? Notification(StateExitedEventDetails exited)
    {
        if (!exited.Name.StartsWith(StatePrefix, StringComparison.Ordinal) || exited.Output is not { Length: > 0 } output) return null;
        try
        {
            return JsonNode.Parse(output)?["notification"] is JsonObject notification
                   && notification["detail"] is JsonObject detail
                   && Text(detail, "event") == exited.Name[StatePrefix.Length..]
                   && Text(detail, "executionArn") == executionArn
                ? (detail, Text(notification, "subject"))
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}

/// <summary>One notification the execution prepared: when, its event (Starting, Succeeded...), its SNS subject, its event detail.</summary>
public sealed record PreparedNotification(DateTimeOffset At, string Event, string? Subject, JsonObject Detail);

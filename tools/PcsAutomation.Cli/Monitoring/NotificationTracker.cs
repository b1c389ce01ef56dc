using System.Text.Json;
using System.Text.Json.Nodes;
using PcsAutomation.Aws.StepFunctions.Model;

namespace PcsAutomation.Cli.Monitoring;

/// <summary>
/// The last notification an execution prepared, read from its history: every workflow notifies through the notify
/// fragment, whose first state <c>PrepareNotification&lt;Event&gt;</c> leaves the composed notification in
/// <c>$.notification</c>; its <c>detail</c> is the pcs-automation event put on the bus (clusterId, executionArn, event,
/// the facts, and the lease's <c>savedScaling</c>, <c>scalingRestored</c>, <c>restoreCommands</c>). That detail is what
/// the execution itself reports about capacity, also for a failed execution, which has no output. Pure: no I/O.
/// </summary>
public sealed class NotificationTracker(string executionArn)
{
    public const string StatePrefix = "PrepareNotification";

    /// <summary>The detail of the newest notification this execution prepared, or null when it prepared none.</summary>
    public JsonObject? LastDetail { get; private set; }

    private long lastId;

    public void Add(IEnumerable<HistoryEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events.OrderBy(e => e.Id))
        {
            if (e.Id <= lastId) continue;
            lastId = e.Id;
            if (e.StateExitedEventDetails is { } exited && Detail(exited) is { } detail) LastDetail = detail;
        }
    }

    /// <summary>
    /// The state's <c>$.notification.detail</c>, when it is this state's own: a PrepareNotification whose failure was
    /// caught leaves the previous notification in <c>$.notification</c>, which names another event.
    /// </summary>
    private JsonObject? Detail(StateExitedEventDetails exited)
    {
        if (!exited.Name.StartsWith(StatePrefix, StringComparison.Ordinal) || exited.Output is not { Length: > 0 } output) return null;
        try
        {
            return JsonNode.Parse(output)?["notification"]?["detail"] is JsonObject detail
                   && Text(detail, "event") == exited.Name[StatePrefix.Length..]
                   && Text(detail, "executionArn") == executionArn
                ? detail
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}

using System.Text.Json;
using System.Text.Json.Nodes;
using PcsAutomation.Cli.Events.Samples;
using PcsAutomation.Domain.CustomResources;
using PcsAutomation.LocalAws.EventBridge;
using PcsAutomation.LocalAws.Lambda;

namespace PcsAutomation.Cli.Invoke;

/// <summary>
/// Whether an event has the shape its function takes, before anything runs (pure): a function with EventBridge rules takes
/// an event one of its rules' <c>EventPattern</c>s matches (the emulator's matcher, as EventBridge would route it); a
/// function with a <c>Schedule</c> takes EventBridge's "Scheduled Event" (source aws.events,
/// ../shared/reference/events/scheduled-event.json); the Custom::AMILookup provider takes a CloudFormation custom resource
/// request (<see cref="CustomResourceRequestParser"/>, crpg-ref-requests.html); any other function, a Step Functions task,
/// takes a JSON object (a state's input).
/// </summary>
public static class EventShapeCheck
{
    private static readonly EventPattern ScheduledEvent = EventPattern.Parse("""{"source":["aws.events"],"detail-type":["Scheduled Event"]}""");

    /// <summary>Null when the event fits; else the problem, in a sentence that names the function.</summary>
    public static string? Problem(TemplateFunction function, IReadOnlyList<EventRule> rules, JsonNode evt)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(evt);
        var own = rules.Where(r => r.Targets.Any(t => t.LogicalId == function.LogicalId)).ToList();
        var patterns = own.Where(r => r.Pattern is not null).ToList();
        var schedules = own.Where(r => r.Schedule is not null).ToList();
        if (patterns.Count > 0 || schedules.Count > 0)
        {
            if (patterns.Any(r => r.Pattern!.Matches(evt)) || (schedules.Count > 0 && ScheduledEvent.Matches(evt))) return null;
            var expected = patterns.Select(r => $"the event pattern of rule {r.Name} ({r.Pattern!.Json})")
                .Concat(schedules.Count > 0 ? [$"a Scheduled Event (source aws.events) of {string.Join(", ", schedules.Select(r => r.Name))}"] : []);
            return $"{Describe(evt)} is not what {function.LogicalId} takes: it must match {string.Join(" or ", expected)}";
        }
        if (SampleEventCatalog.For(function.LogicalId).Any(k => k.Shape == SampleShape.CustomResourceRequest))
        {
            using var document = JsonDocument.Parse(evt.ToJsonString());
            var request = CustomResourceRequestParser.Parse(document.RootElement);
            return request.Problems.Count == 0 ? null
                : $"not a CloudFormation custom resource request, which {function.LogicalId} takes: {string.Join("; ", request.Problems)}";
        }
        return evt is JsonObject ? null : $"a JSON {evt.GetValueKind().ToString().ToLowerInvariant()}, but {function.LogicalId} (a Step Functions task) takes a JSON object";
    }

    private static string Describe(JsonNode evt) => evt is JsonObject o
        ? $"the event (source {Text(o["source"])}, detail-type {Text(o["detail-type"])}, eventName {Text(o["detail"]?["eventName"])})"
        : $"a JSON {evt.GetValueKind().ToString().ToLowerInvariant()}";

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : "(none)";
}

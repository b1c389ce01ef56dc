using System.Text.Json.Nodes;

namespace PcsAutomation.Cli.Events.Samples;

/// <summary>
/// EventBridge's "Scheduled Event" (../shared/reference/events/scheduled-event.json; the EventBridge User Guide's
/// scheduled events): source aws.events, an empty <c>detail</c>, the rule's ARN in <c>resources</c>. The rule is named as
/// the emulator names a SAM <c>Schedule</c> event's rule, <c>&lt;function logical id&gt;&lt;event name&gt;</c>; a deployed
/// stack's rule has a name CloudFormation generates, which the handlers do not read.
/// </summary>
internal static class ScheduleSamples
{
    public const string Source = "../shared/reference/events/scheduled-event.json";

    public static Func<SampleContext, JsonObject> For(string kind, TemplateTrigger trigger) => context =>
        EventEnvelope.Create(context, kind, "aws.events", "Scheduled Event", new JsonObject(),
            $"arn:aws:events:{context.Region}:{context.Account}:rule/{trigger.FunctionLogicalId}{trigger.EventName}");
}

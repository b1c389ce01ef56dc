using System.Text.Json.Nodes;

namespace PcsAutomation.Cli.Events.Samples;

/// <summary>An entry of template.yaml's <c>Events</c> (function logical id and event name); for a custom resource provider, the function alone.</summary>
public sealed record TemplateTrigger(string FunctionLogicalId, string? EventName);

/// <summary>The kinds of input a function takes.</summary>
public enum SampleShape
{
    /// <summary>An EventBridge event its rule's <c>EventPattern</c> matches.</summary>
    RuleEvent,

    /// <summary>EventBridge's "Scheduled Event", sent by a <c>Schedule</c>.</summary>
    Scheduled,

    /// <summary>A CloudFormation custom resource request.</summary>
    CustomResourceRequest,
}

/// <summary>One kind of event <c>events generate</c> writes: its name, what it is, where its shape comes from and the trigger it is for.</summary>
/// <param name="Source">The document or reference file its shape follows (every field comes from there).</param>
public sealed record SampleEventKind(
    string Name,
    string Description,
    string Source,
    SampleShape Shape,
    TemplateTrigger Trigger,
    Func<SampleContext, JsonObject> Build);

using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws;

/// <summary>
/// Events AWS services send to the default bus (EC2's Capacity Block events, CloudTrail records) pass through the event
/// faults on the way (<see cref="Faults.EventFaultRule"/>): lost, delivered late, or delivered more than once, as
/// best-effort sources and EventBridge's at-least-once delivery allow. Without a matching rule, an event is published at once.
/// </summary>
public sealed partial class LocalAws
{
    /// <summary>Called under the world's gate (the services raise their events from inside it).</summary>
    private void PublishServiceEvent(JsonObject envelope)
    {
        var source = envelope["source"]?.GetValue<string>() ?? "";
        var detailType = envelope["detail-type"]?.GetValue<string>() ?? "";
        var id = envelope["id"]?.GetValue<string>() ?? "";
        var fate = Faults.EvaluateEvent(source, detailType, id);
        for (var copy = 0; copy < fate.Copies; copy++)
        {
            var delay = fate.Delay + fate.CopyGap * copy;
            var delivered = (JsonObject)envelope.DeepClone();
            if (delay == TimeSpan.Zero) Events.Publish(delivered);
            else State.After(delay, $"deliver {detailType} {id}", () => Events.Publish(delivered));
        }
    }
}

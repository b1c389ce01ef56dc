using System.Text.Json;
using System.Text.Json.Nodes;
using PcsAutomation.Aws.StepFunctions.Model;

namespace PcsAutomation.Cli.Monitoring;

/// <summary>
/// The plan an execution carries, read from its history: every workflow's plan step leaves its plan in <c>$.plan</c>,
/// which the later states pass along. A failed execution has no output, but its history still shows the plan, so the
/// summary can say what each group ran before. The newest state output holding a <c>plan</c> object wins. Pure: no I/O.
/// </summary>
public sealed class PlanTracker
{
    private const string Member = "plan";

    private long lastId;

    /// <summary>The newest plan seen, or null.</summary>
    public JsonObject? LastPlan { get; private set; }

    public void Add(IEnumerable<HistoryEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events.OrderBy(e => e.Id))
        {
            if (e.Id <= lastId) continue;
            lastId = e.Id;
            // Only outputs that can hold it: the member name must appear before parsing a large document.
            if (e.StateExitedEventDetails?.Output is { Length: > 0 } output && output.Contains("\"plan\"", StringComparison.Ordinal) && Plan(output) is { } plan)
                LastPlan = plan;
        }
    }

    private static JsonObject? Plan(string output)
    {
        try
        {
            return JsonNode.Parse(output) is JsonObject o && o[Member] is JsonObject plan ? plan : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

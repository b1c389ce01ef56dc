using System.Text.Json;
using System.Text.Json.Nodes;

namespace PcsAutomation.StateMachines.Diagrams;

/// <summary>
/// Reads an Amazon States Language definition (JSONPath flavour, as statemachines/*.asl.json are) into a
/// <see cref="StateGraph"/>: states in definition order, Next/Choices/Default/Catch as edges, Retry as a summary on the
/// state, Map (ItemProcessor or Iterator) and Parallel (Branches) as nested scopes. Pure.
/// </summary>
public static class AslGraphReader
{
    private const int ConditionLength = 40;

    public static StateGraph Read(string name, string definitionJson)
    {
        ArgumentNullException.ThrowIfNull(definitionJson);
        var root = JsonNode.Parse(definitionJson) as JsonObject
            ?? throw new FragmentException($"{name}: a state machine definition is a JSON object");
        var names = new HashSet<string>(StringComparer.Ordinal);
        return new StateGraph(name, Scope(name, "root", root, names));
    }

    private static StateScope Scope(string file, string id, JsonObject machine, HashSet<string> names)
    {
        var startAt = Text(machine["StartAt"]) ?? throw new FragmentException($"{file}: {id} has no StartAt");
        if (machine["States"] is not JsonObject states)
            throw new FragmentException($"{file}: {id} has no States");
        var nodes = new List<StateNode>();
        var edges = new List<StateEdge>();
        foreach (var (stateName, value) in states)
        {
            if (value is not JsonObject state) throw new FragmentException($"{file}: state {stateName} is not an object");
            if (!names.Add(stateName)) throw new FragmentException($"{file}: state {stateName} is defined twice (names are unique in a state machine)");
            var type = Text(state["Type"]) ?? throw new FragmentException($"{file}: state {stateName} has no Type");
            nodes.Add(new StateNode(stateName, type, Retries(state), Children(file, stateName, type, state, names), state["End"] is JsonValue end && end.GetValueKind() == JsonValueKind.True));
            // Two rules of a Choice to the same state are one arrow: their conditions joined.
            edges.AddRange(Edges(stateName, state)
                .GroupBy(e => (e.To, e.Kind))
                .Select(g => g.First() with { Label = Shorten(string.Join(" or ", g.Select(e => e.Label))) }));
        }

        return new StateScope(id, startAt, nodes, edges);
    }

    private static List<StateScope> Children(string file, string stateName, string type, JsonObject state, HashSet<string> names)
    {
        if (type == "Map" && (state["ItemProcessor"] ?? state["Iterator"]) is JsonObject processor)
            return [Scope(file, $"{stateName}/iteration", processor, names)];
        if (type == "Parallel" && state["Branches"] is JsonArray branches)
            return [.. branches.Select((b, i) => Scope(file, $"{stateName}/branch-{i + 1}", b as JsonObject
                ?? throw new FragmentException($"{file}: {stateName} branch {i + 1} is not an object"), names))];
        return [];
    }

    private static IEnumerable<StateEdge> Edges(string from, JsonObject state)
    {
        if (Text(state["Next"]) is { } next) yield return new StateEdge(from, next, EdgeKind.Next, "");
        if (state["Choices"] is JsonArray choices)
        {
            foreach (var choice in choices.OfType<JsonObject>())
            {
                if (Text(choice["Next"]) is { } target)
                    yield return new StateEdge(from, target, EdgeKind.Choice, ChoiceCondition.Describe(choice));
            }
        }

        if (Text(state["Default"]) is { } fallback) yield return new StateEdge(from, fallback, EdgeKind.Default, "default");
        if (state["Catch"] is JsonArray catchers)
        {
            foreach (var catcher in catchers.OfType<JsonObject>())
            {
                if (Text(catcher["Next"]) is { } target)
                    yield return new StateEdge(from, target, EdgeKind.Catch, "catch " + Errors(catcher));
            }
        }
    }

    /// <summary>"TransientAwsError,… ×10" per retrier: what it retries and how many times (Step Functions' default is 3).</summary>
    private static List<string> Retries(JsonObject state) =>
        state["Retry"] is JsonArray retriers
            ? [.. retriers.OfType<JsonObject>().Select(r => $"{Shorten(Errors(r))} ×{(r["MaxAttempts"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : 3)}")]
            : [];

    private static string Errors(JsonObject catcherOrRetrier) =>
        catcherOrRetrier["ErrorEquals"] is JsonArray errors ? string.Join(",", errors.Select(e => Text(e) ?? "?")) : "?";

    private static string Shorten(string text) => text.Length <= ConditionLength ? text : string.Concat(text.AsSpan(0, ConditionLength - 1), "…");

    internal static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}

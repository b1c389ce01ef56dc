using System.Text.Json.Nodes;
using PcsAutomation.States.Errors;

namespace PcsAutomation.States.Definition;

/// <summary>
/// Reads a definition into <see cref="StateMachineDefinition"/>, collecting every problem (state, field, message)
/// instead of stopping at the first, as the Step Functions console does.
/// </summary>
internal sealed partial class DefinitionParser
{
    private static readonly string[] MachineFields = ["StartAt", "States", "Comment", "TimeoutSeconds", "Version", "QueryLanguage"];

    private static readonly string[] BranchFields = ["StartAt", "States", "Comment", "ProcessorConfig", "QueryLanguage"];

    public List<DefinitionProblem> Problems { get; } = [];

    public StateMachineDefinition? ParseMachine(JsonNode? node, string location, bool topLevel)
    {
        if (node is not JsonObject obj)
        {
            Problem(location, "(root)", "must be a JSON object");
            return null;
        }

        CheckFields(obj, location, topLevel ? MachineFields : BranchFields);
        CheckQueryLanguage(obj, location);
        var startAt = RequiredString(obj, location, "StartAt");
        var timeout = topLevel ? PositiveInt(obj, location, "TimeoutSeconds") : null;
        var comment = OptionalString(obj, location, "Comment");
        if (obj["States"] is not JsonObject statesObject || statesObject.Count == 0)
        {
            Problem(location, "States", "must be a non-empty object of states");
            return null;
        }

        var states = new Dictionary<string, State>(StringComparer.Ordinal);
        foreach (var (name, value) in statesObject)
        {
            if (name.Length > 80)
                Problem(location, "States", $"state name '{name}' is longer than 80 characters");
            var state = ParseState(name, value, $"{location}.States.{name}");
            if (state is not null)
                states[name] = state;
        }

        if (startAt is not null && !statesObject.ContainsKey(startAt))
            Problem(location, "StartAt", $"state '{startAt}' does not exist");
        if (startAt is null)
            return null;
        var machine = new StateMachineDefinition(startAt, states, timeout, comment);
        if (states.Count == statesObject.Count && statesObject.ContainsKey(startAt))
            CheckTransitions(machine, location);
        return machine;
    }

    private void CheckQueryLanguage(JsonObject obj, string location)
    {
        var language = OptionalString(obj, location, "QueryLanguage");
        if (language is not null && language != "JSONPath")
        {
            Problem(location, "QueryLanguage", language == "JSONata"
                ? "JSONata is not supported by this engine; use the JSONPath query language"
                : $"unknown query language '{language}'");
        }
    }

    /// <summary>Every Next/Default/Catch target exists and every state is reachable from StartAt.</summary>
    private void CheckTransitions(StateMachineDefinition machine, string location)
    {
        foreach (var state in machine.States.Values)
        {
            foreach (var (field, target) in Targets(state))
            {
                if (!machine.States.ContainsKey(target))
                    Problem($"{location}.States.{state.Name}", field, $"target state '{target}' does not exist");
            }
        }

        var reached = new HashSet<string>(StringComparer.Ordinal) { machine.StartAt };
        var pending = new Stack<string>([machine.StartAt]);
        while (pending.Count > 0)
        {
            foreach (var (_, target) in Targets(machine.States[pending.Pop()]))
            {
                if (machine.States.ContainsKey(target) && reached.Add(target))
                    pending.Push(target);
            }
        }

        foreach (var name in machine.States.Keys.Where(n => !reached.Contains(n)))
            Problem($"{location}.States.{name}", "(state)", "is not reachable from StartAt");
    }

    private static IEnumerable<(string Field, string Target)> Targets(State state)
    {
        if (state.Next is not null)
            yield return ("Next", state.Next);
        if (state.Default is not null)
            yield return ("Default", state.Default);
        for (var i = 0; i < state.Choices.Count; i++)
            yield return ($"Choices[{i}].Next", state.Choices[i].Next!);
        for (var i = 0; i < state.Catch.Count; i++)
            yield return ($"Catch[{i}].Next", state.Catch[i].Next);
    }

    private void Problem(string location, string field, string message) =>
        Problems.Add(new DefinitionProblem(location, field, message));

    private void CheckFields(JsonObject obj, string location, IEnumerable<string> allowed)
    {
        var set = allowed.ToHashSet(StringComparer.Ordinal);
        foreach (var key in obj.Select(p => p.Key).Where(k => !set.Contains(k)))
            Problem(location, key, "is not a supported field here");
    }
}

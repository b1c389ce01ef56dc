using System.Text.Json;
using System.Text.Json.Nodes;

namespace PcsAutomation.Cli.Monitoring;

/// <summary>
/// A wait loop of a definition: the states of one cycle through a Wait state (check task, Choice, Wait, and whatever
/// else the cycle passes), the Wait state that names it, and the <c>ResultPath</c> member each of its Task states
/// writes (where the check's answer is in the state output).
/// </summary>
public sealed record WaitLoop(string WaitState, IReadOnlySet<string> States, IReadOnlyDictionary<string, string> ResultMembers);

/// <summary>
/// What the grouped live view needs from a States Language definition (DescribeStateMachine's <c>definition</c>): each
/// state's type, and the wait loops: the strongly connected parts of the transition graph (<c>Next</c>, <c>Default</c>,
/// the Choices' <c>Next</c>, the Catchers' <c>Next</c>) that hold a Wait state. Nested Parallel branches and Map
/// iterators are read too: a state's name is unique in a definition (the whole machine is one naming scope in the
/// States Language spec, https://states-language.net/spec.html "States"). Pure.
/// </summary>
public sealed class StateMachineShape
{
    private readonly Dictionary<string, string> types;
    private readonly Dictionary<string, WaitLoop> loopOf;
    private readonly Dictionary<string, string> parentOf;

    private StateMachineShape(Dictionary<string, string> types, Dictionary<string, WaitLoop> loopOf, Dictionary<string, string> parentOf)
    {
        this.types = types;
        this.loopOf = loopOf;
        this.parentOf = parentOf;
    }

    /// <summary>A definition no loop is known of (the definition could not be read): every state is its own step.</summary>
    public static StateMachineShape Unknown { get; } = new([], [], []);

    /// <summary>The Parallel or Map state whose branch or iterator holds the state, or null at the top.</summary>
    public string? ParentOf(string state) => parentOf.GetValueOrDefault(state);

    /// <summary>The state's type (Task, Choice, Wait, Pass, Map, Parallel, Succeed, Fail), or null when not in the definition.</summary>
    public string? TypeOf(string state) => types.GetValueOrDefault(state);

    /// <summary>The wait loop the state belongs to, or null.</summary>
    public WaitLoop? LoopOf(string state) => loopOf.GetValueOrDefault(state);

    /// <summary>Reads a definition; a definition that is not a States Language JSON object gives <see cref="Unknown"/>.</summary>
    public static StateMachineShape Parse(string? definition)
    {
        if (string.IsNullOrWhiteSpace(definition)) return Unknown;
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(definition) as JsonObject;
        }
        catch (JsonException)
        {
            return Unknown;
        }

        if (root?["States"] is not JsonObject) return Unknown;
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var loops = new Dictionary<string, WaitLoop>(StringComparer.Ordinal);
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        Scope(root, null, types, loops, parents);
        return new StateMachineShape(types, loops, parents);
    }

    /// <summary>One <c>States</c> scope (the machine, a branch, an iterator): its graph, then the scopes nested in it.</summary>
    private static void Scope(
        JsonObject scope, string? parent, Dictionary<string, string> types, Dictionary<string, WaitLoop> loops, Dictionary<string, string> parents)
    {
        if (scope["States"] is not JsonObject states) return;
        var next = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, node) in states)
        {
            if (node is not JsonObject state) continue;
            types[name] = Text(state["Type"]) ?? "";
            if (parent is not null) parents[name] = parent;
            next[name] = [.. Targets(state).Where(states.ContainsKey)];
            foreach (var nested in Nested(state)) Scope(nested, name, types, loops, parents);
        }

        foreach (var component in StronglyConnected(next))
        {
            if (component.Count < 2 && !next[component[0]].Contains(component[0])) continue;
            var wait = component.FirstOrDefault(s => types[s] == "Wait");
            if (wait is null) continue;
            var members = component.ToHashSet(StringComparer.Ordinal);
            var results = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var s in component)
                if (types[s] == "Task" && states[s] is JsonObject task && Member(Text(task["ResultPath"])) is { } member)
                    results[s] = member;
            var loop = new WaitLoop(wait, members, results);
            foreach (var s in component) loops[s] = loop;
        }
    }

    private static IEnumerable<string> Targets(JsonObject state)
    {
        if (Text(state["Next"]) is { } next) yield return next;
        if (Text(state["Default"]) is { } fallback) yield return fallback;
        foreach (var list in new[] { state["Choices"], state["Catch"] })
            if (list is JsonArray items)
                foreach (var item in items.OfType<JsonObject>())
                    if (Text(item["Next"]) is { } target) yield return target;
    }

    private static IEnumerable<JsonObject> Nested(JsonObject state)
    {
        if (state["Branches"] is JsonArray branches)
            foreach (var branch in branches.OfType<JsonObject>()) yield return branch;
        if ((state["ItemProcessor"] ?? state["Iterator"]) is JsonObject iterator) yield return iterator;
    }

    /// <summary>"$.drain" → "drain"; other paths (none, "$", deeper ones) → null.</summary>
    private static string? Member(string? resultPath) =>
        resultPath is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) && !p[2..].Contains('.', StringComparison.Ordinal) ? p[2..] : null;

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>Tarjan's strongly connected components (recursive: a definition has at most a few hundred states).</summary>
    private static List<List<string>> StronglyConnected(Dictionary<string, List<string>> graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<List<string>>();
        var counter = 0;

        void Visit(string v)
        {
            index[v] = low[v] = counter++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in graph[v])
            {
                if (!index.TryGetValue(w, out var seen))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], seen);
                }
            }

            if (low[v] != index[v]) return;
            var component = new List<string>();
            string popped;
            do
            {
                popped = stack.Pop();
                onStack.Remove(popped);
                component.Add(popped);
            }
            while (popped != v);
            result.Add(component);
        }

        foreach (var v in graph.Keys)
            if (!index.ContainsKey(v)) Visit(v);
        return result;
    }
}

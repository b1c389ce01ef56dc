namespace PcsAutomation.StateMachines.Diagrams;

/// <summary>How one state leads to another in a diagram.</summary>
public enum EdgeKind
{
    /// <summary><c>Next</c> (or a Map/Parallel's <c>Next</c>).</summary>
    Next,

    /// <summary>One of a Choice state's <c>Choices</c>; the label is its condition.</summary>
    Choice,

    /// <summary>A Choice state's <c>Default</c>.</summary>
    Default,

    /// <summary>A <c>Catch</c>; the label names the errors.</summary>
    Catch,
}

/// <summary>One transition of a state machine: inside one scope (the top level, a Map's iteration, a Parallel branch).</summary>
public sealed record StateEdge(string From, string To, EdgeKind Kind, string Label);

/// <summary>
/// One state: its name (unique in the state machine, as Step Functions requires), its type, the retriers it has (a
/// summary per retrier: errors and attempts) and, for a Map or a Parallel, the scopes it runs (one for a Map's
/// iteration, one per Parallel branch).
/// </summary>
public sealed record StateNode(string Name, string Type, IReadOnlyList<string> Retries, IReadOnlyList<StateScope> Children, bool End)
{
    public bool IsGroup => Children.Count > 0;
}

/// <summary>States that run together and their transitions: the top level, a Map's iteration or a Parallel branch.</summary>
/// <param name="Id">A stable id: "root", "&lt;Map&gt;/iteration", "&lt;Parallel&gt;/branch-1".</param>
public sealed record StateScope(string Id, string StartAt, IReadOnlyList<StateNode> States, IReadOnlyList<StateEdge> Edges);

/// <summary>A state machine definition as a graph, for the diagrams (<see cref="SvgDiagram"/>, <see cref="MermaidDiagram"/>).</summary>
/// <param name="Name">The definition's name (the file name without <c>.asl.json</c>).</param>
public sealed record StateGraph(string Name, StateScope Root)
{
    /// <summary>Every state, nested ones included, depth first in definition order.</summary>
    public IEnumerable<StateNode> AllStates => All(Root);

    private static IEnumerable<StateNode> All(StateScope scope) =>
        scope.States.SelectMany(s => new[] { s }.Concat(s.Children.SelectMany(All)));
}

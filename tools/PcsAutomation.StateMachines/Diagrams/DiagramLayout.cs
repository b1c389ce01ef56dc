namespace PcsAutomation.StateMachines.Diagrams;

/// <summary>A rectangle in a scope's own coordinates (top left corner, size).</summary>
public sealed record Box(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;

    public double CenterX => X + (Width / 2);

    public double CenterY => Y + (Height / 2);
}

/// <summary>Where a state sits in its scope, its layer, and (for a Map or a Parallel) its scopes' layouts inside its box.</summary>
public sealed record PlacedState(StateNode State, Box Box, int Layer, IReadOnlyList<PlacedScope> Children);

/// <summary>
/// How an edge is drawn in its scope: an SVG path (cubic curves), where its label goes, and whether it goes back up
/// (a loop: drawn along the scope's right side).
/// </summary>
public sealed record RoutedEdge(StateEdge Edge, string Path, double LabelX, double LabelY, bool Back);

/// <summary>A scope laid out: its size, its states by name, its edges; a child scope's <see cref="Offset"/> is its place in the group's box.</summary>
public sealed record PlacedScope(StateScope Scope, double Width, double Height, IReadOnlyList<PlacedState> States, IReadOnlyList<RoutedEdge> Edges, double OffsetX, double OffsetY)
{
    public PlacedState this[string name] => States.Single(s => s.State.Name == name);
}

using System.Globalization;

namespace PcsAutomation.StateMachines.Diagrams;

/// <summary>
/// A layered, top-down layout of our own, deterministic (the same graph gives the same numbers, whatever the culture):
/// per scope, states are put in layers by the longest path from <c>StartAt</c> over the edges that go forward (an edge
/// back to a state on the current depth-first path is a loop, drawn up the right side), ordered in each layer by the mean
/// place of their predecessors, and placed under them as far as the gap between boxes allows. A Map or a Parallel is a
/// box holding its scopes' layouts (a Parallel's branches side by side). Sizes come from the text: about 7 px a character
/// at the 12 px font the SVG uses.
/// </summary>
public static class LayeredLayout
{
    public const double CharWidth = 7;
    public const double StateHeight = 40;
    public const double LayerGap = 44;
    public const double BoxGap = 26;
    public const double Margin = 14;
    public const double GroupHeader = 24;
    public const double GroupPadding = 10;
    public const double LoopLane = 10;
    private const double MinStateWidth = 104;
    private const int OrderingSweeps = 4;

    public static PlacedScope Layout(StateGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return Scope(graph.Root, 0, 0);
    }

    /// <summary>The width of a leaf state's box: its name and its type line fit.</summary>
    public static double LeafWidth(StateNode state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Math.Max(MinStateWidth, (Math.Max(state.Name.Length, state.Type.Length + 8) * CharWidth) + 20);
    }

    private static PlacedScope Scope(StateScope scope, double offsetX, double offsetY)
    {
        var order = DiscoveryOrder(scope);
        var index = order.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var edges = scope.Edges.Where(e => index.ContainsKey(e.From) && index.ContainsKey(e.To)).ToList();
        var back = BackEdges(scope, order, edges);
        var forward = edges.Where(e => !back.Contains(e) && e.From != e.To).ToList();
        var layer = Layers(order, forward);

        // Children first: a group's size is its scopes' size.
        var sized = scope.States.ToDictionary(s => s.Name, Size, StringComparer.Ordinal);
        var layers = Enumerable.Range(0, layer.Values.DefaultIfEmpty(0).Max() + 1)
            .Select(l => order.Where(n => layer[n] == l).ToList()).ToList();
        Order(layers, forward);

        var centers = new Dictionary<string, double>(StringComparer.Ordinal);
        var tops = new Dictionary<string, double>(StringComparer.Ordinal);
        var y = Margin;
        foreach (var row in layers)
        {
            var previousRight = double.NegativeInfinity;
            foreach (var name in row)
            {
                var half = sized[name].Width / 2;
                var predecessors = forward.Where(e => e.To == name && centers.ContainsKey(e.From)).Select(e => centers[e.From]).ToList();
                var wanted = predecessors.Count > 0 ? predecessors.Average() : Margin + half;
                var center = Math.Max(wanted, previousRight + BoxGap + half);
                centers[name] = center;
                tops[name] = y;
                previousRight = center + half;
            }

            y += row.Select(n => sized[n].Height).DefaultIfEmpty(0).Max() + LayerGap;
        }

        // Edges that skip layers run down a lane on the left, one lane per target (a bus: every catch to StartRestore shares
        // it); loops run up a lane on the right, one per target too. Lanes keep lines out of the boxes they would cross.
        var leftTargets = forward.Where(e => layer[e.To] - layer[e.From] > 1).Select(e => e.To).Distinct(StringComparer.Ordinal).ToList();
        var rightTargets = edges.Where(e => !forward.Contains(e)).Select(e => e.To).Distinct(StringComparer.Ordinal).ToList();
        var shift = Margin + (leftTargets.Count * LoopLane) - centers.Select(c => c.Value - (sized[c.Key].Width / 2)).DefaultIfEmpty(Margin).Min();
        var boxes = order.ToDictionary(
            n => n,
            n => new Box(Round(centers[n] - (sized[n].Width / 2) + shift), Round(tops[n]), sized[n].Width, sized[n].Height),
            StringComparer.Ordinal);
        var contentRight = boxes.Values.Select(b => b.Right).DefaultIfEmpty(Margin).Max();
        var lanes = new Lanes(
            leftTargets.Select((t, i) => (t, Margin + ((leftTargets.Count - 1 - i) * LoopLane))).ToDictionary(p => p.t, p => p.Item2, StringComparer.Ordinal),
            rightTargets.Select((t, i) => (t, contentRight + Margin + (i * LoopLane))).ToDictionary(p => p.t, p => p.Item2, StringComparer.Ordinal));
        var routed = Route(edges, forward, boxes, layer, lanes);
        var width = Round(contentRight + Margin + (rightTargets.Count * LoopLane) + (rightTargets.Count > 0 ? Margin : 0));
        var height = Round(y - LayerGap + Margin);

        var placed = scope.States
            .Select(s => new PlacedState(s, boxes[s.Name], layer[s.Name], Children(s, boxes[s.Name])))
            .ToList();
        return new PlacedScope(scope, width, height, placed, routed, offsetX, offsetY);
    }

    private static (double Width, double Height) Size(StateNode state)
    {
        if (!state.IsGroup) return (Round(LeafWidth(state)), StateHeight);
        var children = state.Children.Select(c => Scope(c, 0, 0)).ToList();
        var width = children.Sum(c => c.Width) + (GroupPadding * (children.Count + 1));
        var title = ((state.Name.Length + state.Type.Length + 3) * CharWidth) + (2 * GroupPadding);
        return (Round(Math.Max(width, title)), Round(GroupHeader + children.Max(c => c.Height) + GroupPadding));
    }

    private static List<PlacedScope> Children(StateNode state, Box box)
    {
        var placed = new List<PlacedScope>();
        var x = box.X + GroupPadding;
        foreach (var child in state.Children)
        {
            var scope = Scope(child, x, box.Y + GroupHeader);
            placed.Add(scope);
            x += scope.Width + GroupPadding;
        }

        return placed;
    }

    /// <summary>Depth first from StartAt, edges in definition order; states not reached follow in definition order.</summary>
    private static List<string> DiscoveryOrder(StateScope scope)
    {
        var known = scope.States.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<string>();
        void Visit(string name)
        {
            if (!known.Contains(name) || !seen.Add(name)) return;
            order.Add(name);
            foreach (var edge in scope.Edges.Where(e => e.From == name)) Visit(edge.To);
        }

        Visit(scope.StartAt);
        foreach (var state in scope.States) Visit(state.Name);
        return order;
    }

    /// <summary>The edges that close a loop: to a state on the depth-first path (iterative, so deep machines cannot overflow the stack).</summary>
    private static HashSet<StateEdge> BackEdges(StateScope scope, List<string> order, List<StateEdge> edges)
    {
        var back = new HashSet<StateEdge>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1: on the path, 2: done
        foreach (var root in new[] { scope.StartAt }.Concat(order))
        {
            if (state.ContainsKey(root) || !order.Contains(root)) continue;
            var stack = new Stack<(string Name, int Next)>();
            stack.Push((root, 0));
            state[root] = 1;
            while (stack.Count > 0)
            {
                var (name, next) = stack.Pop();
                var outgoing = edges.Where(e => e.From == name).ToList();
                if (next >= outgoing.Count)
                {
                    state[name] = 2;
                    continue;
                }

                stack.Push((name, next + 1));
                var edge = outgoing[next];
                if (!state.TryGetValue(edge.To, out var mark))
                {
                    state[edge.To] = 1;
                    stack.Push((edge.To, 0));
                }
                else if (mark == 1)
                {
                    back.Add(edge);
                }
            }
        }

        return back;
    }

    /// <summary>Longest path over the forward edges (a DAG), in discovery order for ties.</summary>
    private static Dictionary<string, int> Layers(List<string> order, List<StateEdge> forward)
    {
        var layer = order.ToDictionary(n => n, _ => 0, StringComparer.Ordinal);
        var incoming = order.ToDictionary(n => n, n => forward.Count(e => e.To == n), StringComparer.Ordinal);
        var ready = new List<string>(order.Where(n => incoming[n] == 0));
        var position = order.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        while (ready.Count > 0)
        {
            var name = ready.MinBy(n => position[n])!;
            ready.Remove(name);
            foreach (var edge in forward.Where(e => e.From == name))
            {
                layer[edge.To] = Math.Max(layer[edge.To], layer[name] + 1);
                if (--incoming[edge.To] == 0) ready.Add(edge.To);
            }
        }

        return layer;
    }

    /// <summary>Barycenter sweeps: each state by the mean rank of its predecessors above (ties keep their order).</summary>
    private static void Order(List<List<string>> layers, List<StateEdge> forward)
    {
        for (var sweep = 0; sweep < OrderingSweeps; sweep++)
        {
            var rank = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var row in layers)
            {
                var current = row.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => (double)p.i, StringComparer.Ordinal);
                var keys = row.ToDictionary(
                    n => n,
                    n => forward.Where(e => e.To == n && rank.ContainsKey(e.From)).Select(e => rank[e.From]).DefaultIfEmpty(current[n]).Average(),
                    StringComparer.Ordinal);
                var sorted = row.Select((n, i) => (n, i)).OrderBy(p => keys[p.n]).ThenBy(p => p.i).Select(p => p.n).ToList();
                row.Clear();
                row.AddRange(sorted);
                for (var i = 0; i < row.Count; i++) rank[row[i]] = i;
            }
        }
    }

    /// <summary>The x of each target's lane: left for edges that skip layers, right for loops.</summary>
    private sealed record Lanes(Dictionary<string, double> Left, Dictionary<string, double> Right);

    private const double Corner = 6;

    private static List<RoutedEdge> Route(List<StateEdge> edges, List<StateEdge> forward, Dictionary<string, Box> boxes, Dictionary<string, int> layer, Lanes lanes)
    {
        var routed = new List<RoutedEdge>();
        var rowBottom = boxes.GroupBy(b => layer[b.Key]).ToDictionary(g => g.Key, g => g.Max(b => b.Value.Bottom));
        foreach (var group in edges.GroupBy(e => e.From, StringComparer.Ordinal))
        {
            var from = boxes[group.Key];
            var next = group.Where(e => forward.Contains(e) && layer[e.To] == layer[e.From] + 1).ToList();
            for (var i = 0; i < next.Count; i++)
            {
                var to = boxes[next[i].To];
                var spread = Math.Min(14, from.Width / (next.Count + 1));
                var sx = from.CenterX + ((i - ((next.Count - 1) / 2.0)) * spread);
                var (sy, ex, ey) = (from.Bottom, to.CenterX, to.Y);
                var bend = (ey - sy) / 2;
                // the label sits just above the target, where arrows to different targets are apart
                routed.Add(new RoutedEdge(next[i], $"M{N(sx)},{N(sy)} C{N(sx)},{N(sy + bend)} {N(ex)},{N(ey - bend)} {N(ex)},{N(ey)}",
                    Round(ex), Round(ey - 9), false));
            }

            foreach (var edge in group.Where(e => !next.Contains(e)))
            {
                var to = boxes[edge.To];
                if (forward.Contains(edge))
                {
                    // down the left lane: out of the box's bottom left corner, along the gap under its row, into the target's left side
                    var lane = lanes.Left[edge.To];
                    var (sx, sy, ex, ey) = (from.X + 10, from.Bottom, to.X, to.CenterY);
                    var gap = rowBottom[layer[edge.From]] + (LayerGap / 2);
                    var path = $"M{N(sx)},{N(sy)} L{N(sx)},{N(gap - Corner)} Q{N(sx)},{N(gap)} {N(sx - Corner)},{N(gap)} L{N(lane + Corner)},{N(gap)} Q{N(lane)},{N(gap)} {N(lane)},{N(gap + Corner)} "
                        + $"L{N(lane)},{N(ey - Corner)} Q{N(lane)},{N(ey)} {N(lane + Corner)},{N(ey)} L{N(ex)},{N(ey)}";
                    routed.Add(new RoutedEdge(edge, path, Round(sx + 3), Round(sy + 11), false));
                }
                else
                {
                    // up the right lane: out of the source's right side into the target's (loops end to the right of the flow)
                    var lane = lanes.Right[edge.To];
                    var (sx, sy, ex, ey) = (from.Right, from.CenterY, to.Right, to.CenterY);
                    var vertical = ey > sy ? 1 : -1;
                    var path = $"M{N(sx)},{N(sy)} L{N(lane - Corner)},{N(sy)} Q{N(lane)},{N(sy)} {N(lane)},{N(sy + (vertical * Corner))} "
                        + $"L{N(lane)},{N(ey - (vertical * Corner))} Q{N(lane)},{N(ey)} {N(lane - Corner)},{N(ey)} L{N(ex)},{N(ey)}";
                    routed.Add(new RoutedEdge(edge, path, Round(sx + 3), Round(sy - 5), true));
                }
            }
        }

        return routed;
    }

    private static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    /// <summary>A coordinate as SVG reads it: invariant culture, one decimal at most.</summary>
    public static string N(double value) => Round(value).ToString("0.#", CultureInfo.InvariantCulture);
}

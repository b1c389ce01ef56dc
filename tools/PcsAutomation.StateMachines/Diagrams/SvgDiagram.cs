using System.Globalization;
using System.Text;
using static PcsAutomation.StateMachines.Diagrams.LayeredLayout;

namespace PcsAutomation.StateMachines.Diagrams;

/// <summary>
/// What a run did on the diagram: how many times each state was entered, the transitions taken by a Next, Choice or
/// Default, and those taken by a Catch (<paramref name="Caught"/>): the same two states can be joined by both, and only
/// the edge the run followed is drawn taken.
/// </summary>
public sealed record DiagramHighlight(
    IReadOnlyDictionary<string, int> Visits, IReadOnlySet<(string From, string To)> Taken, IReadOnlySet<(string From, string To)> Caught);

/// <summary>
/// A laid-out state machine as one self-contained SVG (no script, no external font or stylesheet): states as boxes
/// with their type (a Choice as a hexagon, Succeed/Fail rounded), Map and Parallel as framed groups holding their
/// scopes, edges styled by kind (next, choice with its condition, default, catch with its errors, retry as a dotted
/// loop), and a legend. With a <see cref="DiagramHighlight"/> the states visited carry their count and the rest fade.
/// </summary>
public static class SvgDiagram
{
    private const double LegendHeight = 30;

    private static readonly Dictionary<EdgeKind, (string Color, string Dash)> EdgeStyles = new()
    {
        [EdgeKind.Next] = ("#475569", ""),
        [EdgeKind.Choice] = ("#2563eb", ""),
        [EdgeKind.Default] = ("#2563eb", "5 3"),
        [EdgeKind.Catch] = ("#dc2626", "6 3"),
    };

    private const string RetryColor = "#d97706";

    private static readonly Dictionary<string, string> Fills = new(StringComparer.Ordinal)
    {
        ["Task"] = "#dbeafe", ["Choice"] = "#fef3c7", ["Wait"] = "#ede9fe", ["Pass"] = "#f1f5f9",
        ["Succeed"] = "#dcfce7", ["Fail"] = "#fee2e2", ["Map"] = "#f8fafc", ["Parallel"] = "#f8fafc",
    };

    public static string Render(StateGraph graph, DiagramHighlight? highlight = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var layout = LayeredLayout.Layout(graph);
        var width = Math.Max(layout.Width, 440);
        var height = layout.Height + LegendHeight;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{N(width)}" height="{N(height)}" viewBox="0 0 {N(width)} {N(height)}" font-family="Helvetica, Arial, sans-serif" font-size="12" role="img" aria-label="State machine {Escape(graph.Name)}">""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Escape(graph.Name)}</title>\n");
        Defs(svg);
        svg.Append(CultureInfo.InvariantCulture, $"""<rect width="{N(width)}" height="{N(height)}" fill="#ffffff"/>""").Append('\n');
        Legend(svg, graph.Name);
        svg.Append(CultureInfo.InvariantCulture, $"""<g transform="translate(0,{N(LegendHeight)})">""").Append('\n');
        Scope(svg, layout, highlight);
        svg.Append("</g>\n</svg>\n");
        return svg.ToString();
    }

    private static void Defs(StringBuilder svg)
    {
        svg.Append("<defs>\n");
        foreach (var (kind, style) in EdgeStyles.Where(s => s.Key != EdgeKind.Default))
            Marker(svg, kind.ToString().ToLowerInvariant(), style.Color);
        Marker(svg, "retry", RetryColor);
        svg.Append("</defs>\n");
    }

    private static void Marker(StringBuilder svg, string id, string color) =>
        svg.Append(CultureInfo.InvariantCulture, $"""<marker id="arrow-{id}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{color}"/></marker>""").Append('\n');

    private static void Legend(StringBuilder svg, string name)
    {
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{N(Margin)}" y="19" font-weight="bold">{Escape(name)}</text>""").Append('\n');
        var x = Margin + (name.Length * CharWidth) + 24;
        foreach (var (label, kind) in new[] { ("next", EdgeKind.Next), ("choice", EdgeKind.Choice), ("default", EdgeKind.Default), ("catch", EdgeKind.Catch) })
        {
            var (color, dash) = EdgeStyles[kind];
            svg.Append(CultureInfo.InvariantCulture, $"""<path d="M{N(x)},15 h24" stroke="{color}" stroke-width="1.5" fill="none"{Dash(dash)} marker-end="url(#arrow-{(kind == EdgeKind.Default ? "choice" : kind.ToString().ToLowerInvariant())})"/><text x="{N(x + 30)}" y="19" font-size="11">{label}</text>""").Append('\n');
            x += 30 + (label.Length * 7) + 16;
        }

        svg.Append(CultureInfo.InvariantCulture, $"""<path d="M{N(x)},19 c12,-14 24,-14 24,0" stroke="{RetryColor}" stroke-width="1.5" fill="none" stroke-dasharray="2 2"/><text x="{N(x + 30)}" y="19" font-size="11">retry</text>""").Append('\n');
    }

    private static void Scope(StringBuilder svg, PlacedScope scope, DiagramHighlight? highlight)
    {
        svg.Append(CultureInfo.InvariantCulture, $"""<g class="scope" data-scope="{Escape(scope.Scope.Id)}" transform="translate({N(scope.OffsetX)},{N(scope.OffsetY)})">""").Append('\n');
        foreach (var state in scope.States) State(svg, state, highlight);
        foreach (var edge in scope.Edges) Edge(svg, edge, highlight);
        svg.Append("</g>\n");
    }

    private static void Edge(StringBuilder svg, RoutedEdge routed, DiagramHighlight? highlight)
    {
        var (color, dash) = EdgeStyles[routed.Edge.Kind];
        var pair = (routed.Edge.From, routed.Edge.To);
        var taken = highlight is null ? (bool?)null : routed.Edge.Kind == EdgeKind.Catch ? highlight.Caught.Contains(pair) : highlight.Taken.Contains(pair);
        var width = taken == true ? 3 : 1.3;
        var opacity = taken == false ? " opacity=\"0.35\"" : "";
        var marker = routed.Edge.Kind == EdgeKind.Default ? "choice" : routed.Edge.Kind.ToString().ToLowerInvariant();
        svg.Append(CultureInfo.InvariantCulture, $"""<g class="edge {routed.Edge.Kind.ToString().ToLowerInvariant()}{(taken == true ? " taken" : "")}" data-from="{Escape(routed.Edge.From)}" data-to="{Escape(routed.Edge.To)}"{opacity}>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<path d="{routed.Path}" stroke="{color}" stroke-width="{N(width)}" fill="none"{Dash(dash)} marker-end="url(#arrow-{marker})"/>""");
        if (routed.Edge.Label.Length > 0)
        {
            var anchor = routed.Back || routed.Path.Contains('Q', StringComparison.Ordinal) ? "start" : "middle";
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{N(routed.LabelX)}" y="{N(routed.LabelY + 4)}" font-size="10" text-anchor="{anchor}" fill="{color}" stroke="#ffffff" stroke-width="3" paint-order="stroke">{Escape(routed.Edge.Label)}</text>""");
        }

        svg.Append("</g>\n");
    }

    private static void State(StringBuilder svg, PlacedState placed, DiagramHighlight? highlight)
    {
        var (state, box) = (placed.State, placed.Box);
        var visits = highlight is null ? (int?)null : highlight.Visits.GetValueOrDefault(state.Name);
        var fill = Fills.GetValueOrDefault(state.Type, "#f1f5f9");
        var stroke = visits > 0 ? "#15803d" : "#334155";
        var strokeWidth = visits > 0 ? 2.5 : 1;
        var faded = visits == 0 ? " opacity=\"0.45\"" : "";
        var tooltip = $"{state.Name} ({state.Type})" + (state.Retries.Count > 0 ? "\nretry: " + string.Join("; ", state.Retries) : "")
            + (visits is { } count ? $"\nentered {count} time(s)" : "");
        svg.Append(CultureInfo.InvariantCulture, $"""<g class="state {state.Type.ToLowerInvariant()}{(visits > 0 ? " visited" : "")}" data-state="{Escape(state.Name)}"{(visits is { } v ? $" data-visits=\"{v}\"" : "")}{faded}><title>{Escape(tooltip)}</title>""");
        if (state.IsGroup)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{N(box.X)}" y="{N(box.Y)}" width="{N(box.Width)}" height="{N(box.Height)}" rx="8" fill="{fill}" stroke="{stroke}" stroke-width="{N(strokeWidth)}" stroke-dasharray="6 3"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{N(box.X + GroupPadding)}" y="{N(box.Y + 16)}"><tspan font-weight="bold">{Escape(state.Name)}</tspan><tspan fill="#64748b"> {Escape(state.Type)}</tspan></text>""");
            if (state.Retries.Count > 0) RetryLoop(svg, box);
            if (visits > 0) Badge(svg, box, visits.Value);
            svg.Append('\n');
            foreach (var child in placed.Children)
            {
                if (state.Type == "Parallel")
                    svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{N(child.OffsetX)}" y="{N(child.OffsetY)}" width="{N(child.Width)}" height="{N(child.Height)}" rx="4" fill="#ffffff" stroke="#94a3b8" stroke-dasharray="2 3"/>""").Append('\n');
                Scope(svg, child, highlight);
            }

            svg.Append("</g>\n");
            return;
        }

        svg.Append(Shape(state.Type, box, fill, stroke, strokeWidth));
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{N(box.CenterX)}" y="{N(box.Y + 17)}" text-anchor="middle">{Escape(state.Name)}</text><text x="{N(box.CenterX)}" y="{N(box.Y + 32)}" text-anchor="middle" font-size="10" fill="#64748b">{Escape(state.Type)}</text>""");
        if (state.Retries.Count > 0) RetryLoop(svg, box);
        if (visits > 0) Badge(svg, box, visits.Value);
        svg.Append("</g>\n");
    }

    private static string Shape(string type, Box box, string fill, string stroke, double strokeWidth)
    {
        var paint = $"fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{N(strokeWidth)}\"";
        return type switch
        {
            "Choice" => $"<polygon points=\"{N(box.X + 10)},{N(box.Y)} {N(box.Right - 10)},{N(box.Y)} {N(box.Right)},{N(box.CenterY)} {N(box.Right - 10)},{N(box.Bottom)} {N(box.X + 10)},{N(box.Bottom)} {N(box.X)},{N(box.CenterY)}\" {paint}/>",
            "Succeed" or "Fail" => $"<rect x=\"{N(box.X)}\" y=\"{N(box.Y)}\" width=\"{N(box.Width)}\" height=\"{N(box.Height)}\" rx=\"18\" {paint}/>",
            _ => $"<rect x=\"{N(box.X)}\" y=\"{N(box.Y)}\" width=\"{N(box.Width)}\" height=\"{N(box.Height)}\" rx=\"4\" {paint}/>",
        };
    }

    /// <summary>Retry: a dotted loop on the box's top right corner back into the same state.</summary>
    private static void RetryLoop(StringBuilder svg, Box box) =>
        svg.Append(CultureInfo.InvariantCulture, $"""<path class="retry" d="M{N(box.Right - 22)},{N(box.Y)} c0,-14 18,-14 18,0" stroke="{RetryColor}" stroke-width="1.5" fill="none" stroke-dasharray="2 2" marker-end="url(#arrow-retry)"/>""");

    private static void Badge(StringBuilder svg, Box box, int visits)
    {
        var text = visits.ToString(CultureInfo.InvariantCulture);
        var width = 10 + (text.Length * 7);
        svg.Append(CultureInfo.InvariantCulture, $"""<rect class="badge" x="{N(box.X - 6)}" y="{N(box.Y - 8)}" width="{width}" height="16" rx="8" fill="#15803d"/><text x="{N(box.X - 6 + (width / 2.0))}" y="{N(box.Y + 4)}" text-anchor="middle" font-size="10" font-weight="bold" fill="#ffffff">{text}</text>""");
    }

    private static string Dash(string dash) => dash.Length == 0 ? "" : $" stroke-dasharray=\"{dash}\"";

    /// <summary>Text for an SVG/XML text node or attribute.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
    }
}

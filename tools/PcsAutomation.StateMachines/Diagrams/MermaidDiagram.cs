using System.Text;

namespace PcsAutomation.StateMachines.Diagrams;

/// <summary>
/// The same graph as a Mermaid flowchart (top-down), for Markdown pages that render Mermaid: a Choice as a rhombus,
/// Succeed/Fail as stadiums, Map and Parallel as subgraphs (a Parallel's branches as nested subgraphs), choice and
/// default edges labelled, catch edges dotted with their errors, retries as dotted loops.
/// </summary>
public static class MermaidDiagram
{
    public static string Render(StateGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var text = new StringBuilder();
        text.Append("flowchart TD\n");
        var edges = new StringBuilder();
        Scope(text, edges, graph.Root, "  ");
        text.Append(edges);
        return text.ToString();
    }

    private static void Scope(StringBuilder text, StringBuilder edges, StateScope scope, string indent)
    {
        foreach (var state in scope.States)
        {
            if (state.IsGroup)
            {
                text.Append($"{indent}subgraph {Id(state.Name)}[\"{Label(state.Type)}: {Label(state.Name)}\"]\n");
                text.Append($"{indent}  direction TB\n");
                foreach (var (child, i) in state.Children.Select((c, i) => (c, i)))
                {
                    if (state.Type == "Parallel")
                    {
                        text.Append($"{indent}  subgraph {Id(child.Id)}[\"branch {i + 1}\"]\n");
                        Scope(text, edges, child, indent + "    ");
                        text.Append($"{indent}  end\n");
                    }
                    else
                    {
                        Scope(text, edges, child, indent + "  ");
                    }
                }

                text.Append($"{indent}end\n");
            }
            else
            {
                text.Append(indent).Append(Node(state)).Append('\n');
            }

            if (state.Retries.Count > 0)
                edges.Append($"  {Id(state.Name)} -.->|retry| {Id(state.Name)}\n");
        }

        foreach (var edge in scope.Edges)
        {
            var (from, to) = (Id(edge.From), Id(edge.To));
            edges.Append(edge.Kind switch
            {
                EdgeKind.Next => $"  {from} --> {to}\n",
                EdgeKind.Catch => $"  {from} -.->|\"{Label(edge.Label)}\"| {to}\n",
                _ => $"  {from} -->|\"{Label(edge.Label)}\"| {to}\n",
            });
        }
    }

    private static string Node(StateNode state)
    {
        var label = $"\"{Label(state.Name)}<br/><small>{Label(state.Type)}</small>\"";
        return state.Type switch
        {
            "Choice" => $"{Id(state.Name)}{{{label}}}",
            "Succeed" or "Fail" => $"{Id(state.Name)}([{label}])",
            "Wait" => $"{Id(state.Name)}[/{label}/]",
            _ => $"{Id(state.Name)}[{label}]",
        };
    }

    /// <summary>A Mermaid node id: letters, digits and '_' only (state names are PascalCase; anything else is replaced).</summary>
    public static string Id(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return "s_" + new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
    }

    /// <summary>Text inside a quoted Mermaid label: quotes and angle brackets as entities so they cannot end it.</summary>
    private static string Label(string text) =>
        text.Replace("\"", "#quot;", StringComparison.Ordinal).Replace("<", "#lt;", StringComparison.Ordinal).Replace(">", "#gt;", StringComparison.Ordinal);
}

using System.Text;

namespace PcsAutomation.StateMachines.Diagrams;

/// <summary>One file the diagram generator owns (or, for the Markdown page, the part between its markers), relative to the repository root.</summary>
public sealed record GeneratedFile(string Path, string Text);

/// <summary>
/// The pictures of the definitions: <c>docs/diagrams/&lt;name&gt;.svg</c> per definition, and the same graphs as Mermaid in
/// <c>docs/state-machines.md</c> between <see cref="Begin"/> and <see cref="End"/> (the rest of the page is hand-written).
/// Made from the definitions as generated now, so one command regenerates definitions and pictures together.
/// </summary>
public sealed class DiagramFiles(string repositoryRoot)
{
    public const string Folder = "docs/diagrams";
    public const string Page = "docs/state-machines.md";
    public const string Begin = "<!-- BEGIN GENERATED DIAGRAMS: written by `" + DefinitionGenerator.Command + "` from statemachines/*.asl.json; do not edit by hand -->";
    public const string End = "<!-- END GENERATED DIAGRAMS -->";

    public string Root { get; } = System.IO.Path.GetFullPath(repositoryRoot);

    /// <summary>The SVG of every definition and the page with its generated part, in definition order.</summary>
    public IReadOnlyList<GeneratedFile> Generate(IReadOnlyList<GeneratedDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var graphs = definitions.Select(d => AslGraphReader.Read(Name(d.Output), d.Text)).ToList();
        var files = graphs.Select(g => new GeneratedFile($"{Folder}/{g.Name}.svg", SvgDiagram.Render(g))).ToList();
        var page = File.Exists(Full(Page)) ? File.ReadAllText(Full(Page)) : "";
        files.Add(new GeneratedFile(Page, WithSection(page, Section(graphs))));
        return files;
    }

    /// <summary>One line per file that is not what <see cref="Generate"/> gives, and per SVG in the folder that no definition gives.</summary>
    public IReadOnlyList<string> Problems(IReadOnlyList<GeneratedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<string>();
        foreach (var file in files)
        {
            if (!File.Exists(Full(file.Path)))
                problems.Add($"{file.Path} is missing: the diagram of its definition");
            else if (File.ReadAllText(Full(file.Path)) != file.Text)
                problems.Add(file.Path == Page
                    ? $"{Page}: the generated diagrams (between its markers) are not what statemachines/*.asl.json give now"
                    : $"{file.Path} is out of date: not what its definition gives now");
        }

        var expected = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        if (Directory.Exists(Full(Folder)))
        {
            problems.AddRange(Directory.GetFiles(Full(Folder), "*.svg")
                .Select(p => $"{Folder}/{System.IO.Path.GetFileName(p)}")
                .Where(p => !expected.Contains(p))
                .Order(StringComparer.Ordinal)
                .Select(p => $"{p} has no definition: delete it"));
        }

        return problems;
    }

    /// <summary>Writes the files that differ; returns their paths.</summary>
    public IReadOnlyList<string> Write(IReadOnlyList<GeneratedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        Directory.CreateDirectory(Full(Folder));
        var written = new List<string>();
        foreach (var file in files)
        {
            if (File.Exists(Full(file.Path)) && File.ReadAllText(Full(file.Path)) == file.Text) continue;
            File.WriteAllText(Full(file.Path), file.Text);
            written.Add(file.Path);
        }

        return written;
    }

    /// <summary>The page with its generated part replaced (or, without markers, appended at the end).</summary>
    public static string WithSection(string page, string section)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(section);
        var begin = page.IndexOf(Begin, StringComparison.Ordinal);
        var end = page.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
            return page.TrimEnd('\n') + (page.Length > 0 ? "\n\n" : "") + Begin + "\n" + section + End + "\n";
        return string.Concat(page.AsSpan(0, begin + Begin.Length), "\n", section, page.AsSpan(end));
    }

    private static string Section(IEnumerable<StateGraph> graphs)
    {
        var text = new StringBuilder();
        foreach (var graph in graphs)
        {
            text.Append($"\n### {graph.Name}\n\n");
            text.Append($"![{graph.Name}: states, choices, catches and retries](diagrams/{graph.Name}.svg)\n\n");
            text.Append("<details><summary>as Mermaid</summary>\n\n```mermaid\n");
            text.Append(MermaidDiagram.Render(graph));
            text.Append("```\n\n</details>\n\n");
        }

        return text.ToString();
    }

    private static string Name(string output) =>
        System.IO.Path.GetFileName(output)[..^StateMachineFolder.DefinitionSuffix.Length];

    private string Full(string relative) => System.IO.Path.Combine(Root, relative);
}

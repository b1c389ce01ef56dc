namespace PcsAutomation.StateMachines;

/// <summary>
/// The repository's <c>statemachines/</c> folder: sources in <c>src/&lt;name&gt;.json</c>, shared pieces in
/// <c>fragments/*.json</c>, and the generated <c>&lt;name&gt;.asl.json</c> that template.yaml deploys.
/// </summary>
public sealed class StateMachineFolder(string repositoryRoot)
{
    public const string Folder = "statemachines";
    public const string SourcesFolder = Folder + "/src";
    public const string FragmentsFolder = Folder + "/fragments";
    public const string DefinitionSuffix = ".asl.json";

    /// <summary>The repository root this folder belongs to.</summary>
    public string Root { get; } = Path.GetFullPath(repositoryRoot);

    /// <summary>Generates every source's definition, in source name order. Reads only.</summary>
    public IReadOnlyList<GeneratedDefinition> Generate()
    {
        var library = FragmentLibrary.Load(Full(FragmentsFolder), FragmentsFolder);
        var sources = Directory.Exists(Full(SourcesFolder))
            ? Directory.GetFiles(Full(SourcesFolder), "*.json").Order(StringComparer.Ordinal).ToList()
            : [];
        return [.. sources.Select(path =>
        {
            var name = Path.GetFileNameWithoutExtension(path);
            return DefinitionGenerator.Generate(
                File.ReadAllText(path), $"{SourcesFolder}/{name}.json", $"{Folder}/{name}{DefinitionSuffix}", FragmentsFolder, library);
        })];
    }

    /// <summary>
    /// What differs from the committed files, one line each: a definition that is not what its source gives (or is
    /// missing), and a definition without a source (hand-written, so nothing checks it against the fragments).
    /// </summary>
    public IReadOnlyList<string> Problems(IReadOnlyList<GeneratedDefinition> generated)
    {
        ArgumentNullException.ThrowIfNull(generated);
        var problems = new List<string>();
        foreach (var definition in generated)
        {
            var path = Full(definition.Output);
            if (!File.Exists(path))
                problems.Add($"{definition.Output} is missing: {definition.Source} generates it");
            else if (File.ReadAllText(path) != definition.Text)
                problems.Add($"{definition.Output} is not what {definition.Source} and the fragments give now");
        }
        var outputs = generated.Select(d => d.Output).ToHashSet(StringComparer.Ordinal);
        if (Directory.Exists(Full(Folder)))
        {
            problems.AddRange(Directory.GetFiles(Full(Folder), "*" + DefinitionSuffix)
                .Select(path => $"{Folder}/{Path.GetFileName(path)}")
                .Where(output => !outputs.Contains(output))
                .Order(StringComparer.Ordinal)
                .Select(output => $"{output} has no source: write it as {SourcesFolder}/{Path.GetFileName(output)[..^DefinitionSuffix.Length]}.json"));
        }
        return problems;
    }

    /// <summary>Writes the definitions that differ from the files; returns their paths (relative).</summary>
    public IReadOnlyList<string> Write(IReadOnlyList<GeneratedDefinition> generated)
    {
        ArgumentNullException.ThrowIfNull(generated);
        var written = new List<string>();
        foreach (var definition in generated)
        {
            var path = Full(definition.Output);
            if (File.Exists(path) && File.ReadAllText(path) == definition.Text)
                continue;
            File.WriteAllText(path, definition.Text);
            written.Add(definition.Output);
        }
        return written;
    }

    /// <summary>The repository root above <paramref name="start"/>: the first folder holding PcsAutomation.sln.</summary>
    public static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PcsAutomation.sln")))
                return dir.FullName;
        }
        return null;
    }

    private string Full(string relative) => Path.Combine(Root, relative);
}

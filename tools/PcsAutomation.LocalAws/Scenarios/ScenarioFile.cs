using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PcsAutomation.LocalAws.Scenarios;

/// <summary>
/// Reads scenario YAML files; a bare name ("demo") means the file shipped in the project's Scenarios folder. A file a
/// user got wrong (bad YAML, an unknown key, a wrong type, a value the emulated API would refuse) fails with one
/// <see cref="ScenarioException"/> line naming the file, the line and the problem.
/// </summary>
public static partial class ScenarioFile
{
    /// <summary>Parses <paramref name="yaml"/>; <paramref name="source"/> names it in errors (the file path).</summary>
    public static ScenarioDefinition Parse(string yaml, string source = "scenario")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var marks = ScenarioShape.Check(yaml, source);
        ScenarioDefinition scenario;
        try
        {
            var deserializer = new DeserializerBuilder()
                .WithNamingConvention(CamelCaseNamingConvention.Instance)
                .Build();
            scenario = deserializer.Deserialize<ScenarioDefinition>(yaml) ?? new ScenarioDefinition();
        }
        catch (YamlException e)
        {
            throw ScenarioException.At(source, e.Start, Describe(e), e);
        }
        if (ScenarioValidator.FirstProblem(scenario) is { } problem)
            throw ScenarioException.At(source, MarkOf(marks, problem.Path), $"{problem.Item}: {problem.Message}");
        return scenario;
    }

    /// <summary>Loads a path, or a shipped scenario by name (<c>Scenarios/&lt;name&gt;.yaml</c> beside the assembly).</summary>
    public static ScenarioDefinition Load(string pathOrName)
    {
        ArgumentNullException.ThrowIfNull(pathOrName);
        var path = File.Exists(pathOrName)
            ? pathOrName
            : Path.Combine(AppContext.BaseDirectory, "Scenarios", pathOrName + ".yaml");
        if (!File.Exists(path)) throw new FileNotFoundException($"No scenario file '{pathOrName}' (looked for {path}).", path);
        return Parse(File.ReadAllText(path), File.Exists(pathOrName) ? pathOrName : $"{pathOrName} ({path})");
    }

    /// <summary>
    /// The deepest cause's message without YamlDotNet's "(Line: 3, Col: 1, Idx: 20) - (...): " prefix (the caller prints
    /// the position): a bad value ("two" for a number) comes wrapped in "Exception during deserialization".
    /// </summary>
    internal static string Describe(Exception e)
    {
        while (e.InnerException is { } inner) e = inner;
        return PositionPrefix().Replace(e.Message, "");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial System.Text.RegularExpressions.Regex PositionPrefix();

    // The value's own line when the file has it, else the nearest enclosing item's (a default that breaks a rule).
    private static Mark MarkOf(IReadOnlyDictionary<string, Mark> marks, string path)
    {
        for (var at = path; ; at = Parent(at))
        {
            if (marks.TryGetValue(at, out var mark)) return mark;
            if (at.Length == 0) return Mark.Empty;
        }
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }
}

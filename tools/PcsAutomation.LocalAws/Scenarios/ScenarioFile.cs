using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PcsAutomation.LocalAws.Scenarios;

/// <summary>Reads scenario YAML files; a bare name ("demo") means the file shipped in the project's Scenarios folder.</summary>
public static class ScenarioFile
{
    public static ScenarioDefinition Parse(string yaml)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .Build();
        return deserializer.Deserialize<ScenarioDefinition>(yaml) ?? new ScenarioDefinition();
    }

    /// <summary>Loads a path, or a shipped scenario by name (<c>Scenarios/&lt;name&gt;.yaml</c> beside the assembly).</summary>
    public static ScenarioDefinition Load(string pathOrName)
    {
        ArgumentNullException.ThrowIfNull(pathOrName);
        var path = File.Exists(pathOrName)
            ? pathOrName
            : Path.Combine(AppContext.BaseDirectory, "Scenarios", pathOrName + ".yaml");
        if (!File.Exists(path)) throw new FileNotFoundException($"No scenario file '{pathOrName}' (looked for {path}).", path);
        return Parse(File.ReadAllText(path));
    }
}

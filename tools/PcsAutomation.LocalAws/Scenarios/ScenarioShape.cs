using System.Reflection;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization.NamingConventions;

namespace PcsAutomation.LocalAws.Scenarios;

/// <summary>
/// Checks a scenario file's keys against <see cref="ScenarioDefinition"/> before it is read, so a typo is reported
/// with its line and the keys allowed there instead of a deserializer stack trace; and remembers where each item and
/// value sits, so later checks can point at the line too.
/// </summary>
internal static class ScenarioShape
{
    /// <summary>Path (<c>clusters[0].slurmVersion</c>; "" for the document) → where it starts in the file.</summary>
    public static IReadOnlyDictionary<string, Mark> Check(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw ScenarioException.At(source, e.Start, ScenarioFile.Describe(e), e);
        }
        var marks = new Dictionary<string, Mark>(StringComparer.Ordinal);
        if (stream.Documents.Count > 0) Walk(stream.Documents[0].RootNode, typeof(ScenarioDefinition), "", source, marks);
        return marks;
    }

    private static void Walk(YamlNode node, Type type, string path, string source, Dictionary<string, Mark> marks)
    {
        marks[path] = node.Start;
        if (ListElement(type) is { } element)
        {
            if (node is YamlSequenceNode sequence)
                for (var i = 0; i < sequence.Children.Count; i++) Walk(sequence.Children[i], element, $"{path}[{i}]", source, marks);
            return;
        }
        // Scalars and string maps (tags) are left to the deserializer, which reports a wrong type with its line.
        if (!IsDefinition(type) || node is not YamlMappingNode mapping) return;
        var members = Members(type);
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (!members.TryGetValue(name, out var property))
                throw ScenarioException.At(source, key.Start,
                    $"unknown key '{name}' in {(path.Length == 0 ? "the scenario" : path)}; allowed keys: {string.Join(", ", members.Keys)}");
            Walk(value, property.PropertyType, path.Length == 0 ? name : $"{path}.{name}", source, marks);
        }
    }

    /// <summary>The YAML key of each settable property, in declaration order (the naming convention the deserializer uses).</summary>
    public static IReadOnlyDictionary<string, PropertyInfo> Members(Type type)
    {
        var members = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
            members[CamelCaseNamingConvention.Instance.Apply(property.Name)] = property;
        return members;
    }

    private static Type? ListElement(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;

    private static bool IsDefinition(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("PcsAutomation.LocalAws", StringComparison.Ordinal) == true;
}

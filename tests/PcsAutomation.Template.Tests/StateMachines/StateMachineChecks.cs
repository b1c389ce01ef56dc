using PcsAutomation.Template.Tests.Template;
using PcsAutomation.Template.Tests.Yaml;

namespace PcsAutomation.Template.Tests.StateMachines;

/// <summary>
/// Ties a template's state machines to the definitions under its <c>statemachines/</c> folder: each
/// <c>DefinitionUri</c> exists, each <c>${Name}</c> is substituted, and no definition sits unused
/// (an unused file's placeholders could not be checked against anything).
/// </summary>
public static class StateMachineChecks
{
    /// <summary>The definition files SAM would upload: <c>statemachines/*.asl.json</c> beside the template.</summary>
    public static IReadOnlyList<string> DefinitionFiles(string templatePath)
    {
        var folder = Path.Combine(Path.GetDirectoryName(templatePath)!, "statemachines");
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "*.asl.json").Order(StringComparer.Ordinal)] : [];
    }

    /// <summary>Every problem found, one readable line each; empty when the template and definitions agree.</summary>
    public static IReadOnlyList<string> Problems(string templatePath)
    {
        var root = Path.GetDirectoryName(Path.GetFullPath(templatePath))!;
        var machines = SamTemplate.StateMachines(CloudFormationYaml.Load(templatePath)!);
        var problems = new List<string>();
        var referenced = new HashSet<string>(StringComparer.Ordinal);

        foreach (var machine in machines)
        {
            string definition;
            if (machine.DefinitionUri is { } uri)
            {
                var path = Path.GetFullPath(Path.Combine(root, uri));
                referenced.Add(path);
                if (!File.Exists(path))
                {
                    problems.Add($"{machine.LogicalId}: DefinitionUri {uri} does not exist");
                    continue;
                }
                definition = File.ReadAllText(path);
            }
            else
            {
                definition = machine.Definition?.ToJsonString() ?? string.Empty;
            }

            problems.AddRange(DefinitionSubstitutions.Undefined(definition, machine.SubstitutionNames)
                .Select(name => $"{machine.LogicalId}: ${{{name}}} is not in DefinitionSubstitutions"));
        }

        problems.AddRange(DefinitionFiles(templatePath)
            .Where(file => !referenced.Contains(Path.GetFullPath(file)))
            .Select(file => $"{Path.GetRelativePath(root, file)} is not the DefinitionUri of any state machine"));
        return problems;
    }
}

using PcsAutomation.StateMachines;
using PcsAutomation.StateMachines.Diagrams;

// Regenerates statemachines/<name>.asl.json from statemachines/src/<name>.json and statemachines/fragments/*.json,
// and their diagrams (docs/diagrams/<name>.svg, the Mermaid part of docs/state-machines.md).
// Exit codes: 0 done (or, with --check, up to date), 1 --check found a difference, 2 bad usage or a source/fragment error.
const string Usage = """
    usage: dotnet run --project tools/PcsAutomation.StateMachines [-- [--check] [--repo <dir>]]

    Writes statemachines/<name>.asl.json for every statemachines/src/<name>.json, expanding the fragment references
    ({ "$fragment": "notify", ... }) from statemachines/fragments/ (see tools/PcsAutomation.StateMachines/README.md),
    and the diagram of each: docs/diagrams/<name>.svg and the Mermaid part of docs/state-machines.md.
      --check       write nothing; exit 1 when a definition is not what its source gives, or has no source, or a
                    diagram is not what its definition gives
      --repo <dir>  the repository root (default: the folder holding PcsAutomation.sln, upward from here)
    """;

var check = false;
string? repo = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--check":
            check = true;
            break;
        case "--repo" when i + 1 < args.Length:
            repo = args[++i];
            break;
        case "-h" or "--help":
            Console.WriteLine(Usage);
            return 0;
        default:
            Console.Error.WriteLine($"unexpected argument '{args[i]}'\n{Usage}");
            return 2;
    }
}

repo ??= StateMachineFolder.FindRoot(Directory.GetCurrentDirectory());
if (repo is null || !Directory.Exists(repo))
{
    Console.Error.WriteLine($"no repository root: run from inside the repository or give --repo <dir>\n{Usage}");
    return 2;
}

var folder = new StateMachineFolder(repo);
var diagrams = new DiagramFiles(repo);
IReadOnlyList<GeneratedDefinition> generated;
IReadOnlyList<GeneratedFile> pictures;
try
{
    generated = folder.Generate();
    pictures = diagrams.Generate(generated);
}
catch (FragmentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

if (check)
{
    var problems = folder.Problems(generated).Concat(diagrams.Problems(pictures)).ToList();
    foreach (var problem in problems)
        Console.Error.WriteLine(problem);
    if (problems.Count > 0)
    {
        Console.Error.WriteLine($"run `{DefinitionGenerator.Command}` and commit the result");
        return 1;
    }
    Console.WriteLine($"{generated.Count} definition(s) and their diagrams up to date");
    return 0;
}

var written = folder.Write(generated).ToHashSet(StringComparer.Ordinal);
foreach (var definition in generated)
    Console.WriteLine($"{(written.Contains(definition.Output) ? "wrote    " : "unchanged")} {definition.Output} ({definition.Source} + {definition.Fragments.Count} fragment(s))");
foreach (var path in diagrams.Write(pictures))
    Console.WriteLine($"wrote     {path}");
var orphans = folder.Problems(generated).Concat(diagrams.Problems(pictures)).ToList();
foreach (var orphan in orphans)
    Console.Error.WriteLine(orphan);
return orphans.Count > 0 ? 1 : 0;

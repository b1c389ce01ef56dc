using System.Text.Json.Nodes;
using PcsAutomation.StateMachines;

namespace PcsAutomation.Template.Tests.StateMachines;

/// <summary>
/// statemachines/*.asl.json are generated from statemachines/src and statemachines/fragments
/// (tools/PcsAutomation.StateMachines): the committed files are what the generator gives now, and what is shared is
/// written once.
/// </summary>
public class GeneratedDefinitionTests
{
    private static readonly StateMachineFolder Folder = new(RepoPaths.Root);

    [Fact]
    public void Repo_EveryDefinition_IsWhatTheGeneratorProducesNow()
    {
        var generated = Folder.Generate();
        var problems = Folder.Problems(generated);

        Assert.NotEmpty(generated);
        Assert.True(problems.Count == 0,
            string.Join("\n", problems) + $"\nRun `{DefinitionGenerator.Command}` from the repository root and commit the result.");
    }

    [Fact]
    public void Rotation_CommonSequences_ComeFromTheSharedFragments()
    {
        var rotation = Folder.Generate().Single(d => d.Output == "statemachines/cluster-secret-rotation.asl.json");

        Assert.Superset(
            new HashSet<string>(["lease-acquire", "lease-release", "notify", "scale-to-zero-and-drain", "restore-exact", "lambda-retry", "conflict-retry", "notification-retry"], StringComparer.Ordinal),
            rotation.Fragments.ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public void Repo_EveryFragment_IsUsedByADefinition()
    {
        var used = Folder.Generate().SelectMany(d => d.Fragments).ToHashSet(StringComparer.Ordinal);

        var unused = Library().All.Select(f => f.Name).Where(name => !used.Contains(name)).ToList();

        Assert.True(unused.Count == 0, $"no definition uses {string.Join(", ", unused)}: delete it or use it");
    }

    [Fact]
    public void Repo_SourcesAndFragments_NeverRepeatAParameterlessFragmentInline()
    {
        // "the same Lambda Retry block written 12 times": a retrier that has a fragment is referenced, not pasted
        var library = Library();
        var blocks = library.All.Where(f => f.Parameters.Count == 0).ToList();
        Assert.NotEmpty(blocks);
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Root, StateMachineFolder.SourcesFolder), "*.json")
            .Select(path => (Name: Path.GetRelativePath(RepoPaths.Root, path), Json: JsonNode.Parse(File.ReadAllText(path))))
            .Concat(library.All.Select(f => (Name: f.Origin, Json: (JsonNode?)f.Body)))
            .ToList();

        var pasted = files
            .SelectMany(file => Nodes(file.Json)
                .SelectMany(node => blocks.Where(b => !ReferenceEquals(b.Body, node) && JsonNode.DeepEquals(b.Body, node))
                    .Select(b => $"{file.Name}: {node.GetPath()} is fragment '{b.Name}' written out: use {{ \"$fragment\": \"{b.Name}\" }}")))
            .ToList();

        Assert.True(pasted.Count == 0, string.Join("\n", pasted));
    }

    private static FragmentLibrary Library() =>
        FragmentLibrary.Load(Path.Combine(RepoPaths.Root, StateMachineFolder.FragmentsFolder), StateMachineFolder.FragmentsFolder);

    private static IEnumerable<JsonNode> Nodes(JsonNode? node) => node switch
    {
        JsonObject obj => [obj, .. obj.SelectMany(p => Nodes(p.Value))],
        JsonArray array => [array, .. array.SelectMany(Nodes)],
        null => [],
        _ => [node],
    };
}

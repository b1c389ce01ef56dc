using System.Xml.Linq;
using PcsAutomation.LocalAws.Tests.EventBridge;

namespace PcsAutomation.Architecture.Tests;

/// <summary>
/// The layering on the project graph (what each .csproj references, directly or through others), so a reference that
/// no type uses yet, or one added by hand, is caught too. The allowed reach is <see cref="Layers.MayReach"/>.
/// </summary>
public sealed class ProjectGraphTests
{
    [Fact]
    public void ProjectGraph_EveryProjectOfOurs_ReachesOnlyWhatItsLayerMay()
    {
        var graph = ProjectGraph.Load(RepoPaths.Root);

        var offences = graph.Projects.Keys
            .SelectMany(project => graph.Reach(project)
                .Where(reached => !Layers.MayReach.TryGetValue(project, out var allowed) || !allowed.Contains(reached))
                .Select(reached => $"{project} references {reached} ({graph.Chain(project, reached)}), which its layer may not"))
            .ToList();

        Assert.Contains(Layers.Functions, graph.Reach(Layers.ProductHost)); // non-vacuity: the walk follows references
        Assert.True(offences.Count == 0, string.Join('\n', offences));
    }

    [Fact]
    public void ProjectGraph_EveryProjectUnderFunctionsAndTools_HasALayer()
    {
        var graph = ProjectGraph.Load(RepoPaths.Root);

        Assert.True(graph.Projects.Count >= 10, $"found {graph.Projects.Count} projects");
        Assert.All(graph.Projects.Keys, project => Assert.True(Layers.MayReach.ContainsKey(project),
            $"{project} has no layer: add it to Layers.MayReach with what it may reference"));
    }

    [Fact]
    public void ProjectGraph_EmulatorReferencingTheProduct_IsAnOffence()
    {
        // The rule itself, on a graph where tools/PcsAutomation.LocalAws references the product through Testing again.
        var graph = new ProjectGraph(new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            [Layers.LocalAws] = [Layers.States, Layers.Testing],
            [Layers.Testing] = [Layers.Functions],
            [Layers.Functions] = [Layers.Domain],
            [Layers.Domain] = [],
            [Layers.States] = [],
        });

        Assert.Contains(Layers.Functions, graph.Reach(Layers.LocalAws));
        Assert.DoesNotContain(Layers.Functions, Layers.MayReach[Layers.LocalAws]);
        Assert.Equal($"{Layers.LocalAws} -> {Layers.Testing} -> {Layers.Functions}", graph.Chain(Layers.LocalAws, Layers.Functions));
    }
}

/// <summary>Project name → the names of the projects it references (ProjectReference items of its .csproj).</summary>
internal sealed class ProjectGraph(IReadOnlyDictionary<string, string[]> projects)
{
    public IReadOnlyDictionary<string, string[]> Projects { get; } = projects;

    /// <summary>The .csproj files under functions/ and tools/ (tests and benchmarks may reference anything).</summary>
    public static ProjectGraph Load(string root)
    {
        var projects = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var folder in new[] { "functions", "tools" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.csproj", SearchOption.AllDirectories))
            {
                var references = XDocument.Load(file).Descendants("ProjectReference")
                    .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
                    .ToArray();
                projects[Path.GetFileNameWithoutExtension(file)] = references;
            }
        }
        return new ProjectGraph(projects);
    }

    /// <summary>Every project reachable from <paramref name="project"/> through references.</summary>
    public IReadOnlySet<string> Reach(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(Projects.GetValueOrDefault(project) ?? []);
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next)) continue;
            foreach (var further in Projects.GetValueOrDefault(next) ?? []) pending.Push(further);
        }
        return seen;
    }

    /// <summary>One chain of references from <paramref name="from"/> to <paramref name="to"/>, "A -> B -> C".</summary>
    public string Chain(string from, string to)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var next in Projects.GetValueOrDefault(current) ?? [])
            {
                if (next == from || !previous.TryAdd(next, current)) continue;
                if (next == to)
                {
                    var chain = new List<string> { to };
                    for (var at = to; at != from; at = previous[at]) chain.Add(previous[at]);
                    chain.Reverse();
                    return string.Join(" -> ", chain);
                }
                queue.Enqueue(next);
            }
        }
        return "unreachable";
    }
}

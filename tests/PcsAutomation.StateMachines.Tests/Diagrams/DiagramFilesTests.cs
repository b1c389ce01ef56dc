using PcsAutomation.StateMachines.Diagrams;

namespace PcsAutomation.StateMachines.Tests.Diagrams;

/// <summary>The diagram files on a scratch repository: written from the definitions, a stale or stray one named.</summary>
public sealed class DiagramFilesTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("diagrams-").FullName;

    private static readonly GeneratedDefinition[] Definitions =
        [new("statemachines/src/polling.json", "statemachines/polling.asl.json", Diagrams.Definitions.Polling, [])];

    public DiagramFilesTests()
    {
        Directory.CreateDirectory(Path.Combine(root, "docs"));
        File.WriteAllText(Path.Combine(root, "docs", "state-machines.md"), "# State machines\n");
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Problems_NothingWritten_TheMissingSvgAndThePage()
    {
        var files = new DiagramFiles(root);

        Assert.Equal(
            ["docs/diagrams/polling.svg is missing: the diagram of its definition",
             "docs/state-machines.md: the generated diagrams (between its markers) are not what statemachines/*.asl.json give now"],
            files.Problems(files.Generate(Definitions)));
    }

    [Fact]
    public void Write_ThenEditAndStray_UpToDateThenEachNamed()
    {
        var files = new DiagramFiles(root);
        Assert.Equal(["docs/diagrams/polling.svg", "docs/state-machines.md"], files.Write(files.Generate(Definitions)));
        Assert.Empty(files.Problems(files.Generate(Definitions)));
        Assert.Contains("```mermaid\nflowchart TD\n", File.ReadAllText(Path.Combine(root, "docs", "state-machines.md")), StringComparison.Ordinal);

        File.AppendAllText(Path.Combine(root, "docs", "diagrams", "polling.svg"), "<!-- edited -->");
        File.WriteAllText(Path.Combine(root, "docs", "diagrams", "gone.svg"), "<svg/>");

        Assert.Equal(
            ["docs/diagrams/polling.svg is out of date: not what its definition gives now", "docs/diagrams/gone.svg has no definition: delete it"],
            files.Problems(files.Generate(Definitions)));
    }
}

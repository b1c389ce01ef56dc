using PcsAutomation.StateMachines;
using PcsAutomation.StateMachines.Diagrams;

namespace PcsAutomation.Template.Tests.StateMachines;

/// <summary>
/// docs/diagrams/*.svg and the Mermaid part of docs/state-machines.md are generated from the definitions with them
/// (tools/PcsAutomation.StateMachines): the committed pictures are what the generator gives now.
/// </summary>
public class GeneratedDiagramTests
{
    [Fact]
    public void Repo_EveryDiagram_IsWhatTheGeneratorProducesNow()
    {
        var definitions = new StateMachineFolder(RepoPaths.Root).Generate();
        var diagrams = new DiagramFiles(RepoPaths.Root);
        var files = diagrams.Generate(definitions);

        var problems = diagrams.Problems(files);

        Assert.Equal(definitions.Count + 1, files.Count);
        Assert.True(problems.Count == 0,
            string.Join("\n", problems) + $"\nRun `{DefinitionGenerator.Command}` from the repository root and commit the result.");
    }
}

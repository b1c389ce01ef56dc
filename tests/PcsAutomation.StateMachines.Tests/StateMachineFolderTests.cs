using PcsAutomation.StateMachines;

namespace PcsAutomation.StateMachines.Tests;

/// <summary>The folder layer on a scratch repository: sources and fragments in, definitions out, differences named.</summary>
public sealed class StateMachineFolderTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("statemachines-").FullName;

    public StateMachineFolderTests()
    {
        Directory.CreateDirectory(Path.Combine(root, "statemachines", "src"));
        Directory.CreateDirectory(Path.Combine(root, "statemachines", "fragments"));
        File.WriteAllText(Path.Combine(root, "statemachines", "fragments", "retry.json"),
            """{ "Comment": "a retrier", "Fragment": { "ErrorEquals": ["Transient"], "MaxAttempts": 3 } }""");
        File.WriteAllText(Path.Combine(root, "statemachines", "src", "demo.json"),
            """{ "Comment": "demo", "StartAt": "A", "States": { "A": { "Type": "Task", "Resource": "x", "Retry": [ { "$fragment": "retry" } ], "End": true } } }""");
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Problems_NothingWrittenYet_NamesTheMissingDefinition()
    {
        var folder = new StateMachineFolder(root);

        Assert.Equal(["statemachines/demo.asl.json is missing: statemachines/src/demo.json generates it"], folder.Problems(folder.Generate()));
    }

    [Fact]
    public void Write_ThenProblems_UpToDateAndASecondWriteChangesNothing()
    {
        var folder = new StateMachineFolder(root);

        Assert.Equal(["statemachines/demo.asl.json"], folder.Write(folder.Generate()));
        Assert.Empty(folder.Problems(folder.Generate()));
        Assert.Empty(folder.Write(folder.Generate()));
        Assert.Contains("\"MaxAttempts\": 3", File.ReadAllText(Path.Combine(root, "statemachines", "demo.asl.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_FragmentEditedAfterTheWrite_NamesTheStaleDefinition()
    {
        var folder = new StateMachineFolder(root);
        folder.Write(folder.Generate());
        File.WriteAllText(Path.Combine(root, "statemachines", "fragments", "retry.json"),
            """{ "Comment": "a retrier", "Fragment": { "ErrorEquals": ["Transient"], "MaxAttempts": 4 } }""");

        Assert.Equal(["statemachines/demo.asl.json is not what statemachines/src/demo.json and the fragments give now"], folder.Problems(folder.Generate()));
    }

    [Fact]
    public void Problems_HandWrittenDefinitionWithoutSource_IsNamed()
    {
        var folder = new StateMachineFolder(root);
        folder.Write(folder.Generate());
        File.WriteAllText(Path.Combine(root, "statemachines", "other.asl.json"), "{}");

        Assert.Equal(["statemachines/other.asl.json has no source: write it as statemachines/src/other.json"], folder.Problems(folder.Generate()));
    }

    [Fact]
    public void FindRoot_FromASubfolder_FindsTheSolutionsFolder()
    {
        File.WriteAllText(Path.Combine(root, "PcsAutomation.sln"), "");

        Assert.Equal(root, StateMachineFolder.FindRoot(Path.Combine(root, "statemachines", "src")));
    }
}

namespace PcsAutomation.Template.Tests.StateMachines;

public class StateMachineChecksTests
{
    [Fact]
    public void Problems_FixtureTemplate_ReportsEachProblemOnce()
    {
        var problems = StateMachineChecks.Problems(RepoPaths.Fixture("Substitutions/template.yaml"));

        Assert.Equal(
            [
                "Incomplete: ${AlertTopicArn} is not in DefinitionSubstitutions",
                "Inline: ${TopicArn} is not in DefinitionSubstitutions",
                "Missing: DefinitionUri statemachines/missing.asl.json does not exist",
                $"statemachines{Path.DirectorySeparatorChar}orphan.asl.json is not the DefinitionUri of any state machine",
            ],
            problems);
    }

    [Fact]
    public void DefinitionFiles_FixtureFolder_ListsAslJsonOnly() =>
        Assert.Equal(
            ["complete.asl.json", "incomplete.asl.json", "orphan.asl.json"],
            StateMachineChecks.DefinitionFiles(RepoPaths.Fixture("Substitutions/template.yaml")).Select(Path.GetFileName));

    [Fact]
    public void Template_StateMachines_AgreeWithTheirDefinitions() =>
        Assert.Empty(StateMachineChecks.Problems(RepoPaths.Template));
}

using System.Text.Json.Nodes;
using PcsAutomation.StateMachines;

namespace PcsAutomation.StateMachines.Tests;

public class DefinitionGeneratorTests
{
    private static readonly FragmentLibrary Library = Fragments.Library(Fragments.Retry, Fragments.Poll);

    private const string Source = """
        {
          "Comment": "Checks until done.",
          "StartAt": "Check",
          "States": {
            "Check": { "$fragment": "poll", "next": "Done" },
            "Done": { "Type": "Succeed" }
          }
        }
        """;

    private static GeneratedDefinition Generate(string source = Source) =>
        DefinitionGenerator.Generate(source, "statemachines/src/x.json", "statemachines/x.asl.json", "statemachines/fragments", Library);

    [Fact]
    public void Generate_Comment_SaysGeneratedFromWhatAndHowThenKeepsTheSourcesComment()
    {
        var definition = JsonNode.Parse(Generate().Text)!.AsObject();

        Assert.Equal("Comment", definition.First().Key);
        Assert.Equal(
            "GENERATED from statemachines/src/x.json and statemachines/fragments/{poll,retry}.json by "
            + "`dotnet run --project tools/PcsAutomation.StateMachines`: edit those, not this file. Checks until done.",
            (string?)definition["Comment"]);
    }

    [Fact]
    public void Generate_Definition_HasTheSourcesMembersInOrderWithReferencesExpanded()
    {
        var generated = Generate();
        var definition = JsonNode.Parse(generated.Text)!.AsObject();

        Assert.Equal(["Comment", "StartAt", "States"], definition.Select(p => p.Key));
        Assert.Equal(["Check", "IsCheckDone", "Done"], definition["States"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["poll", "retry"], generated.Fragments);
        Assert.DoesNotContain("$fragment", generated.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_Text_IsTwoSpaceIndentedWithUnescapedQuotesAndAFinalNewline()
    {
        var text = Generate("""{ "Comment": "c", "States": { "A": { "Type": "Pass", "Result": "it's 1 -> 2 & <3>", "End": true } } }""").Text;

        Assert.Contains("\n  \"States\": {\n    \"A\": {\n      \"Type\": \"Pass\",\n", text, StringComparison.Ordinal);
        Assert.Contains("\"it's 1 -> 2 & <3>\"", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_SameSourceTwice_SameText() => Assert.Equal(Generate().Text, Generate().Text);

    [Theory]
    [InlineData("""{ "StartAt": "A", "States": {} }""", "Comment is missing")]
    [InlineData("""{ "Comment": "c", "States": { "A": { "Type": "Pass", "Next": "{{next}}" } } }""", "{{next}} outside a fragment")]
    [InlineData("""{ "Comment": "c", "States": { "A": { "Type": "Pass" }, "A": { "Type": "Pass" } } }""", "not valid JSON")]
    [InlineData("""[]""", "a definition source is a JSON object")]
    public void Generate_BadSource_FailsNamingTheSource(string source, string expected)
    {
        var error = Assert.Throws<FragmentException>(() => Generate(source));

        Assert.StartsWith("statemachines/src/x.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}

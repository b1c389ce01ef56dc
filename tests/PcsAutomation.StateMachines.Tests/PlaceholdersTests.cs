using System.Text.Json.Nodes;
using PcsAutomation.StateMachines;

namespace PcsAutomation.StateMachines.Tests;

public class PlaceholdersTests
{
    private static Dictionary<string, JsonNode?> Args(string json) =>
        JsonNode.Parse(json)!.AsObject().ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal);

    [Fact]
    public void Substitute_WholeString_BecomesTheArgumentsJsonValue()
    {
        var result = Placeholders.Substitute(Fragments.Json("""{ "Detail": "{{detail}}", "Max": "{{max}}", "Path": "{{path}}" }"""),
            Args("""{ "detail": { "clusterId.$": "$.plan.clusterId" }, "max": 20, "path": null }"""), "here");

        Assert.Equal("""{"Detail":{"clusterId.$":"$.plan.clusterId"},"Max":20,"Path":null}""", result!.ToJsonString());
    }

    [Fact]
    public void Substitute_InsideTextAndKeys_InsertsStringsAndNumbers()
    {
        var result = Placeholders.Substitute(Fragments.Json("""{ "Publish{{event}}": { "Next": "After{{event}}{{n}}" } }"""),
            Args("""{ "event": "Starting", "n": 2 }"""), "here");

        Assert.Equal("""{"PublishStarting":{"Next":"AfterStarting2"}}""", result!.ToJsonString());
    }

    [Fact]
    public void Substitute_ArgumentHoldingPlaceholders_IsInsertedAsItIs()
    {
        var result = Placeholders.Substitute(Fragments.Json("""{ "Comment": "{{comment}}", "Note": "x {{comment}}" }"""),
            Args("""{ "comment": "{{next}}" }"""), "here");

        Assert.Equal("""{"Comment":"{{next}}","Note":"x {{next}}"}""", result!.ToJsonString());
    }

    [Fact]
    public void Substitute_ObjectInsideText_FailsNamingThePlaceholder()
    {
        var error = Assert.Throws<FragmentException>(() =>
            Placeholders.Substitute(Fragments.Json("""{ "Next": "Wait{{detail}}" }"""), Args("""{ "detail": { "a": 1 } }"""), "fragments/x.json"));

        Assert.Contains("fragments/x.json.Next", error.Message, StringComparison.Ordinal);
        Assert.Contains("{{detail}} sits inside a longer text", error.Message, StringComparison.Ordinal);
        Assert.Contains("not object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Substitute_KeysThatBecomeEqual_FailsInsteadOfDroppingOne()
    {
        var error = Assert.Throws<FragmentException>(() =>
            Placeholders.Substitute(Fragments.Json("""{ "A{{x}}": 1, "Ab": 2 }"""), Args("""{ "x": "b" }"""), "here"));

        Assert.Contains("two keys become 'Ab'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Substitute_UndeclaredPlaceholder_Fails()
    {
        var error = Assert.Throws<FragmentException>(() => Placeholders.Substitute(Fragments.Json("""["{{nope}}"]"""), Args("{}"), "here"));

        Assert.Contains("{{nope}} is not a parameter", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ next }}")]
    [InlineData("Wait{{1st}}")]
    [InlineData("{{next}")]
    public void Names_MalformedPlaceholder_Fails(string text)
    {
        var error = Assert.Throws<FragmentException>(() => Placeholders.Names(JsonValue.Create(text), "fragments/x.json"));

        Assert.Contains("malformed placeholder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_KeysAndNestedStrings_AreAllFound()
    {
        var names = Placeholders.Names(Fragments.Json("""{ "{{name}}": { "Next": "{{next}}", "List": ["x{{a}}y", 3, "${Substitution}", "States.Format('{}', $.x)"] } }"""), "here");

        Assert.Equal(["a", "name", "next"], names.Order(StringComparer.Ordinal));
    }
}

using System.Text.Json.Nodes;
using PcsAutomation.Template.Tests.Yaml;

namespace PcsAutomation.Template.Tests.Iam;

public class TemplateConditionsTests
{
    private const string Template = """
        Parameters:
          Mode: {Type: String, Default: 'off'}
          Size: {Type: Number, Default: 3}
        Conditions:
          On: !Equals [!Ref Mode, 'on']
          Off: !Not [!Condition On]
          Three: !And [!Condition Off, !Equals [!Ref Size, 3]]
        Resources:
          Thing:
            Properties:
              Kept: !If [On, yes-on, yes-off]
              Optional: !If [On, {Bool: {x: 'true'}}, !Ref AWS::NoValue]
              List: [a, !If [Three, !Ref AWS::NoValue, b]]
        """;

    [Fact]
    public void Render_Defaults_PicksTheFalseBranchesAndDropsNoValue()
    {
        var properties = Render()["Resources"]!["Thing"]!["Properties"]!.AsObject();

        Assert.Equal("yes-off", (string?)properties["Kept"]);
        Assert.False(properties.ContainsKey("Optional"));
        Assert.Equal("""["a"]""", properties["List"]!.ToJsonString());
    }

    [Fact]
    public void Render_ParameterOverridden_PicksTheTrueBranches()
    {
        var properties = Render(("Mode", "on"))["Resources"]!["Thing"]!["Properties"]!.AsObject();

        Assert.Equal("yes-on", (string?)properties["Kept"]);
        Assert.Equal("""{"Bool":{"x":"true"}}""", properties["Optional"]!.ToJsonString());
        Assert.Equal("""["a","b"]""", properties["List"]!.ToJsonString());
    }

    [Fact]
    public void Conditions_ParameterOverridden_EveryEntryEvaluated()
    {
        var conditions = TemplateConditions.Conditions(CloudFormationYaml.Parse(Template)!, new Dictionary<string, string> { ["Mode"] = "on" });

        Assert.Equal([("Off", false), ("On", true), ("Three", false)], conditions.Select(c => (c.Key, c.Value)).Order());
    }

    [Theory] // a Rules assertion is written with the same functions
    [InlineData("off", true)]
    [InlineData("on", false)]
    public void Holds_AnExpressionOverParametersAndConditions_Evaluated(string mode, bool expected)
    {
        var expression = CloudFormationYaml.Parse("!And [!Condition Off, !Not [!Equals [!Ref Size, 4]]]")!;

        Assert.Equal(expected, TemplateConditions.Holds(expression, CloudFormationYaml.Parse(Template)!, new Dictionary<string, string> { ["Mode"] = mode }));
    }

    [Fact]
    public void Render_UnknownParameter_FailsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => Render(("Mood", "on")));

        Assert.Contains("Mood", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnsupportedConditionFunction_Fails() =>
        Assert.Throws<NotSupportedException>(() => TemplateConditions.Render(
            CloudFormationYaml.Parse("Conditions:\n  X: !Select [0, [a]]\nResources: {}\n")!, new Dictionary<string, string>()));

    private static JsonNode Render(params (string Name, string Value)[] parameters) =>
        TemplateConditions.Render(CloudFormationYaml.Parse(Template)!, parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal));
}

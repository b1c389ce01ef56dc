using PcsAutomation.Template.Tests.Yaml;

namespace PcsAutomation.Template.Tests.Template;

public class SamTemplateTests
{
    private const string TwoFunctions = """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Handler: Diagnostics
            Environment: {Variables: {A: global, B: global}}
            Layers: [g]
        Resources:
          Inherits:
            Type: AWS::Serverless::Function
            Metadata: {BuildMethod: makefile}
          Overrides:
            Type: AWS::Serverless::Function
            Properties:
              Handler: AmiLookup
              Environment: {Variables: {B: own}}
              Layers: [r]
          Topic:
            Type: AWS::SNS::Topic
        """;

    [Fact]
    public void Functions_NoHandlerOfItsOwn_InheritsGlobals()
    {
        var inherits = Function("Inherits");

        Assert.Equal("Diagnostics", inherits.Handler);
        Assert.Equal("makefile", inherits.BuildMethod);
    }

    [Fact]
    public void Functions_OwnHandler_WinsOverGlobals() => Assert.Equal("AmiLookup", Function("Overrides").Handler);

    [Fact]
    public void Functions_MapsAndLists_MergedLikeSam()
    {
        var overrides = Function("Overrides");

        Assert.Equal("global", (string?)overrides.Properties["Environment"]!["Variables"]!["A"]);
        Assert.Equal("own", (string?)overrides.Properties["Environment"]!["Variables"]!["B"]);
        Assert.Equal(["g", "r"], overrides.Properties["Layers"]!.AsArray().Select(n => (string?)n));
    }

    [Fact]
    public void Functions_OtherResourceTypes_AreIgnored() =>
        Assert.Equal(["Inherits", "Overrides"], SamTemplate.Functions(CloudFormationYaml.Parse(TwoFunctions)!).Select(f => f.LogicalId));

    [Fact]
    public void StateMachines_DefinitionUriAndSubstitutions_AreRead()
    {
        var template = CloudFormationYaml.Parse("""
            Resources:
              Rotate:
                Type: AWS::Serverless::StateMachine
                Properties:
                  DefinitionUri: statemachines/rotate.asl.json
                  DefinitionSubstitutions: {FnArn: !GetAtt F.Arn, Table: !Ref T}
            """)!;

        var machine = Assert.Single(SamTemplate.StateMachines(template));

        Assert.Equal("statemachines/rotate.asl.json", machine.DefinitionUri);
        Assert.Equal(["FnArn", "Table"], machine.SubstitutionNames.Order(StringComparer.Ordinal));
    }

    private static SamFunction Function(string logicalId) =>
        SamTemplate.Functions(CloudFormationYaml.Parse(TwoFunctions)!).Single(f => f.LogicalId == logicalId);
}

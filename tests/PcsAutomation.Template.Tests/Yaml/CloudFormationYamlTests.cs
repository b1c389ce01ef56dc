using System.Text.Json.Nodes;
using PcsAutomation.Template.Tests.Yaml;

namespace PcsAutomation.Template.Tests.Yaml;

public class CloudFormationYamlTests
{
    [Theory]
    [InlineData("V: !Ref MyBucket", """{"V":{"Ref":"MyBucket"}}""")]
    [InlineData("V: !Ref AWS::Region", """{"V":{"Ref":"AWS::Region"}}""")]
    [InlineData("V: !GetAtt MyFunction.Arn", """{"V":{"Fn::GetAtt":["MyFunction","Arn"]}}""")]
    [InlineData("V: !GetAtt Nested.Outputs.TopicArn", """{"V":{"Fn::GetAtt":["Nested","Outputs.TopicArn"]}}""")]
    [InlineData("V: !GetAtt [MyFunction, Arn]", """{"V":{"Fn::GetAtt":["MyFunction","Arn"]}}""")]
    [InlineData("V: !Sub 'arn:${AWS::Partition}:s3:::${B}'", """{"V":{"Fn::Sub":"arn:${AWS::Partition}:s3:::${B}"}}""")]
    [InlineData("V: !Sub ['${A}-x', {A: !Ref N}]", """{"V":{"Fn::Sub":["${A}-x",{"A":{"Ref":"N"}}]}}""")]
    [InlineData("V: !Join ['', [a, !Ref B]]", """{"V":{"Fn::Join":["",["a",{"Ref":"B"}]]}}""")]
    [InlineData("V: !Select [0, !GetAZs '']", """{"V":{"Fn::Select":[0,{"Fn::GetAZs":""}]}}""")]
    [InlineData("V: !Split [',', !ImportValue Shared-Subnets]", """{"V":{"Fn::Split":[",",{"Fn::ImportValue":"Shared-Subnets"}]}}""")]
    [InlineData("V: !If [IsProd, 30, !Ref AWS::NoValue]", """{"V":{"Fn::If":["IsProd",30,{"Ref":"AWS::NoValue"}]}}""")]
    [InlineData("V: !Equals [!Ref Env, prod]", """{"V":{"Fn::Equals":[{"Ref":"Env"},"prod"]}}""")]
    [InlineData("V: !Not [!Condition IsProd]", """{"V":{"Fn::Not":[{"Condition":"IsProd"}]}}""")]
    [InlineData("V: !And [!Condition A, !Or [!Condition B, !Condition C]]", """{"V":{"Fn::And":[{"Condition":"A"},{"Fn::Or":[{"Condition":"B"},{"Condition":"C"}]}]}}""")]
    [InlineData("V: !FindInMap [Sizes, !Ref Env, Memory]", """{"V":{"Fn::FindInMap":["Sizes",{"Ref":"Env"},"Memory"]}}""")]
    [InlineData("V: !Base64 'echo hi'", """{"V":{"Fn::Base64":"echo hi"}}""")]
    [InlineData("V: !Cidr [10.0.0.0/16, 4, 8]", """{"V":{"Fn::Cidr":["10.0.0.0/16",4,8]}}""")]
    [InlineData("V: !GetAZs ''", """{"V":{"Fn::GetAZs":""}}""")]
    [InlineData("V: !Condition IsProd", """{"V":{"Condition":"IsProd"}}""")]
    public void Parse_ShortFormTag_BecomesLongForm(string yaml, string expectedJson) =>
        AssertJson(expectedJson, CloudFormationYaml.Parse(yaml));

    [Fact]
    public void Parse_SubWithMultilineBlock_KeepsTheText()
    {
        const string yaml = """
            V: !Sub |
              line ${A}
              line two
            W: 1
            """;

        AssertJson("""{"V":{"Fn::Sub":"line ${A}\nline two\n"},"W":1}""", CloudFormationYaml.Parse(yaml));
    }

    [Fact]
    public void Parse_LongFormAlreadyWritten_IsUnchanged() =>
        AssertJson("""{"V":{"Fn::GetAtt":["F","Arn"]}}""", CloudFormationYaml.Parse("V: {'Fn::GetAtt': [F, Arn]}"));

    [Theory]
    [InlineData("V: 512", """{"V":512}""")]
    [InlineData("V: '512'", """{"V":"512"}""")]
    [InlineData("V: 1.5", """{"V":1.5}""")]
    [InlineData("V: true", """{"V":true}""")]
    [InlineData("V: \"true\"", """{"V":"true"}""")]
    [InlineData("V: ~", """{"V":null}""")]
    [InlineData("V:", """{"V":null}""")]
    [InlineData("V: 2010-09-09", """{"V":"2010-09-09"}""")]
    [InlineData("V: !!str 30", """{"V":"30"}""")]
    [InlineData("V: [x86_64]", """{"V":["x86_64"]}""")]
    public void Parse_PlainAndQuotedScalars_TypedLikeYamlCoreSchema(string yaml, string expectedJson) =>
        AssertJson(expectedJson, CloudFormationYaml.Parse(yaml));

    [Fact]
    public void Parse_UnknownTag_FailsWithPosition()
    {
        var error = Assert.Throws<FormatException>(() => CloudFormationYaml.Parse("A: 1\nV: !Reff X"));

        Assert.Contains("!Reff", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GetAttWithoutAttribute_Fails() =>
        Assert.Throws<FormatException>(() => CloudFormationYaml.Parse("V: !GetAtt MyFunction"));

    [Fact]
    public void Parse_DuplicateKey_Fails() =>
        Assert.Throws<FormatException>(() => CloudFormationYaml.Parse("V: 1\nV: 2"));

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual),
            $"expected {expected}\nactual   {actual?.ToJsonString()}");
}

using System.Text.Json.Nodes;
using PcsAutomation.Template.Tests.Iam;
using PcsAutomation.Template.Tests.Yaml;

namespace PcsAutomation.Template.Tests.Template;

/// <summary>The Custom::AMILookup provider in the real template: its function, its one permission, its exported ServiceToken.</summary>
public class AmiLookupCustomResourceTemplateTests
{
    private const string Function = "AmiLookupCustomResourceFunction";
    private static readonly JsonNode Template = CloudFormationYaml.Load(RepoPaths.Template)!;

    [Fact]
    public void Template_AmiLookupProvider_HasItsFunctionAndLogGroup()
    {
        var function = Assert.Single(SamTemplate.Functions(Template), f => f.LogicalId == Function);

        Assert.Equal("AmiLookupCustomResource", function.Handler);
        Assert.Equal("makefile", function.BuildMethod);
        Assert.Equal("""{"Ref":"AmiLookupLogGroup"}""", function.Properties["LoggingConfig"]?["LogGroup"]?.ToJsonString());
        Assert.Equal("AWS::Logs::LogGroup", (string?)Template["Resources"]!["AmiLookupLogGroup"]!["Type"]);
    }

    [Fact] // it calls DescribeImages and nothing else (the ResponseURL PUT needs no permission)
    public void Template_AmiLookupProvider_MayOnlyDescribeImages()
    {
        var statements = IamStatements.Read(TemplateConditions.Load()).Where(s => s.Owner == Function).ToList();

        var statement = Assert.Single(statements);
        Assert.Equal(["ec2:DescribeImages"], statement.Actions);
        Assert.Equal(["*"], statement.Resources);
        Assert.Null(statement.Condition);
    }

    [Fact] // other stacks use it as ServiceToken: !ImportValue <stack>-AmiLookupServiceToken
    public void Template_AmiLookupServiceToken_ExportsTheFunctionsArn()
    {
        var output = Template["Outputs"]!["AmiLookupServiceToken"]!;

        Assert.Equal($$"""{"Fn::GetAtt":["{{Function}}","Arn"]}""", output["Value"]!.ToJsonString());
        Assert.Equal("""{"Fn::Sub":"${AWS::StackName}-AmiLookupServiceToken"}""", output["Export"]!["Name"]!.ToJsonString());
    }
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PcsAutomation.Template.Tests.Iam;
using PcsAutomation.Template.Tests.Yaml;

namespace PcsAutomation.Template.Tests.Template;

/// <summary>The Slurm REST API's deployment in the real template (issue 12, item 5): the network parameters, their condition and rule.</summary>
public class SlurmRestTemplateTests
{
    private const string Subnets = "SlurmRestSubnetIds";
    private const string Group = "SlurmRestSecurityGroupId";
    private const string TwoSubnets = "subnet-0123456789abcdef0,subnet-0fedcba9";
    private const string AGroup = "sg-0123456789abcdef0";

    private static readonly JsonNode Template = CloudFormationYaml.Load(RepoPaths.Template)!;

    private static Dictionary<string, string> Values(string subnets, string group) => new(StringComparer.Ordinal) { [Subnets] = subnets, [Group] = group };

    [Theory]
    [InlineData(Subnets, "", true)]
    [InlineData(Subnets, "subnet-0123456789abcdef0", true)]
    [InlineData(Subnets, TwoSubnets, true)]
    [InlineData(Subnets, "subnet-0123456789abcdef0, subnet-0fedcba9", false)]
    [InlineData(Subnets, "subnet-0123", false)]
    [InlineData(Subnets, "sg-0123456789abcdef0", false)]
    [InlineData(Subnets, "subnet-0123456789abcdef0,", false)]
    [InlineData(Group, "", true)]
    [InlineData(Group, AGroup, true)]
    [InlineData(Group, "sg-0123456789abcdef0,sg-0fedcba9", false)]
    [InlineData(Group, "default", false)]
    public void Template_RestNetworkParameter_EmptyByDefaultAndOnlyIdsAllowed(string parameter, string value, bool allowed)
    {
        var declared = Template["Parameters"]![parameter]!;

        Assert.Equal(("String", ""), ((string?)declared["Type"], (string?)declared["Default"]));
        Assert.Equal(allowed, Regex.IsMatch(value, (string)declared["AllowedPattern"]!, RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    [Fact] // guide L6709, L7070-7072: the cluster's group must let this one reach 6820, and the stack does not change clusters
    public void Template_SecurityGroupParameter_SaysTheOperatorAllowsPort6820()
    {
        var description = (string)Template["Parameters"]![Group]!["Description"]!;

        Assert.Contains("inbound rule allowing TCP port 6820 from this group", description, StringComparison.Ordinal);
        Assert.Contains("The stack does not change your clusters", description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PCS_AUTOMATION_SLURM_REST_SUBNET_IDS", Subnets)]
    [InlineData("PCS_AUTOMATION_SLURM_REST_SECURITY_GROUP_ID", Group)]
    public void Template_EveryFunction_GetsTheRestNetworkParameter(string variable, string parameter)
    {
        var functions = SamTemplate.Functions(Template);

        Assert.NotEmpty(functions);
        Assert.All(functions, f => Assert.Equal($$"""{"Ref":"{{parameter}}"}""", f.Properties["Environment"]?["Variables"]?[variable]?.ToJsonString()));
    }

    [Theory]
    [InlineData("", "", false)]
    [InlineData(TwoSubnets, "", false)]
    [InlineData("", AGroup, false)]
    [InlineData(TwoSubnets, AGroup, true)]
    public void Template_SlurmRestNetworkConfigured_OnlyWithBothParameters(string subnets, string group, bool configured) =>
        Assert.Equal(configured, TemplateConditions.Conditions(Template, Values(subnets, group))["SlurmRestNetworkConfigured"]);

    [Theory] // one without the other is refused at deploy time
    [InlineData("", "", true)]
    [InlineData(TwoSubnets, AGroup, true)]
    [InlineData(TwoSubnets, "", false)]
    [InlineData("", AGroup, false)]
    public void Template_SlurmRestNetworkRule_BothOrNeither(string subnets, string group, bool accepted)
    {
        var assertion = Assert.Single(Template["Rules"]!["SlurmRestNetworkComplete"]!["Assertions"]!.AsArray())!;

        Assert.Null(Template["Rules"]!["SlurmRestNetworkComplete"]!["RuleCondition"]); // always checked
        Assert.Equal(accepted, TemplateConditions.Holds(assertion["Assert"]!, Template, Values(subnets, group)));
        Assert.Contains("SlurmRestSubnetIds and SlurmRestSecurityGroupId go together", (string?)assertion["AssertDescription"], StringComparison.Ordinal);
    }

    [Fact] // the output reminds the operator which group to allow, and exists only with the network
    public void Template_SecurityGroupOutput_OnlyWhenConfigured()
    {
        var output = Template["Outputs"]!["SlurmRestClientSecurityGroup"]!;

        Assert.Equal(("SlurmRestNetworkConfigured", """{"Ref":"SlurmRestSecurityGroupId"}"""), ((string?)output["Condition"], output["Value"]!.ToJsonString()));
    }

    [Theory] // no function is in a VPC unless the stack is given the network (none calls slurmrestd yet)
    [InlineData("", "")]
    [InlineData(TwoSubnets, AGroup)]
    public void Template_Functions_InAVpcOnlyThroughTheRestNetwork(string subnets, string group)
    {
        var rendered = TemplateConditions.Render(Template, Values(subnets, group));
        var functions = SamTemplate.Functions(rendered);

        Assert.NotEmpty(functions);
        Assert.All(functions.Where(f => f.Properties["VpcConfig"] is not null), f =>
        {
            Assert.True(subnets.Length > 0, $"{f.LogicalId} is in a VPC without the REST network parameters");
            Assert.Equal("""{"Fn::Split":[",",{"Ref":"SlurmRestSubnetIds"}]}""", f.Properties["VpcConfig"]!["SubnetIds"]!.ToJsonString());
            Assert.Equal("""[{"Ref":"SlurmRestSecurityGroupId"}]""", f.Properties["VpcConfig"]!["SecurityGroupIds"]!.ToJsonString());
        });
    }
}

using System.Text.RegularExpressions;
using PcsAutomation.Template.Tests.Yaml;

namespace PcsAutomation.Template.Tests.Template;

/// <summary>
/// Names template.yaml builds fit their AWS limits for every stack name CloudFormation accepts and every NamePrefix the
/// parameter allows: the state machines are named from NamePrefix, whose MaxLength (validated by CloudFormation before
/// anything is created) is what their 80 characters leave. What the deploy guide and samconfig.toml say about it.
/// </summary>
public partial class NameLengthsTests
{
    private const int Prefix = 56;

    [Fact]
    public void Template_EveryBuiltName_FitsForEveryStackNameAndEveryAllowedPrefix()
    {
        var template = CloudFormationYaml.Load(RepoPaths.Template)!;
        var names = NameLengths.Names(template);

        // non-vacuity: the three workflows' state machines and their log groups are among them
        Assert.Contains(names, n => n.Text == "${NamePrefix}-cluster-secret-rotation" && n.MaxLength == 80 && n.Longest == 80);
        Assert.Contains(names, n => n.Text == "${NamePrefix}-capacity-block-expiry" && n.MaxLength == 80);
        Assert.Contains(names, n => n.Text == "/aws/vendedlogs/states/${NamePrefix}-node-group-update" && n.MaxLength == 512);
        Assert.All(names, n => Assert.True(n.Fits, $"{n.Where} ('{n.Text}') can be {n.Longest} characters; its limit is {n.MaxLength}"));
        Assert.DoesNotContain(names, n => n.Text.Contains("${AWS::StackName}", StringComparison.Ordinal) && n.MaxLength is not null && n.MaxLength < 80 + NameLengths.CloudFormationMax);
    }

    [Fact]
    public void Template_NamePrefix_MaxLengthIsWhatTheLongestStateMachineNameLeaves()
    {
        var template = CloudFormationYaml.Load(RepoPaths.Template)!;
        var prefix = template["Parameters"]!["NamePrefix"]!;

        Assert.Equal(Prefix, (long)prefix["MaxLength"]!);
        var longestSuffix = NameLengths.Names(template).Where(n => n.MaxLength == 80).Max(n => n.Text.Replace("${NamePrefix}", "", StringComparison.Ordinal).Length);
        Assert.Equal(Prefix, 80 - longestSuffix);                                             // not a character more, none wasted
        Assert.Matches((string)prefix["AllowedPattern"]!, (string)prefix["Default"]!);
        Assert.Contains("56", (string)prefix["ConstraintDescription"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void DeployGuide_NamePrefixLimit_TheDerivedNumber()
    {
        var guide = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "deploy.md"));

        Assert.Contains($"**`NamePrefix`: at most {Prefix} characters, one per stack in an account and Region.**", guide, StringComparison.Ordinal);
    }

    [Fact]
    public void SamConfig_EveryStackNameAndNamePrefix_Valid()
    {
        var config = File.ReadAllText(Path.Combine(RepoPaths.Root, "samconfig.toml"));
        var stackNames = StackNameLine().Matches(config).Select(m => m.Groups[1].Value).ToList();
        var prefixes = PrefixValue().Matches(config).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(stackNames);
        Assert.All(stackNames, name => Assert.Matches("^[A-Za-z][A-Za-z0-9-]{0,127}$", name));
        Assert.Equal(stackNames.Count, prefixes.Count);                                       // every environment names its prefix
        Assert.Equal(prefixes.Count, prefixes.Distinct(StringComparer.Ordinal).Count());      // two stacks never share one
        Assert.All(prefixes, prefix => Assert.Matches("^[A-Za-z][A-Za-z0-9-]{0,55}$", prefix));
    }

    [Fact]
    public void Names_ASuffixLongerThanThePrefixLeaves_DoesNotFit()
    {
        var template = CloudFormationYaml.Parse("""
            Parameters:
              NamePrefix:
                Type: String
                MaxLength: 56
            Resources:
              M:
                Type: AWS::Serverless::StateMachine
                Properties:
                  Name: !Sub ${NamePrefix}-a-much-longer-state-machine-name-suffix
            """)!;

        var name = Assert.Single(NameLengths.Names(template));
        Assert.Equal((56 + 40, false), (name.Longest, name.Fits));
    }

    [Fact]
    public void Names_TheStackNameInAStateMachineName_DoesNotFit()
    {
        var template = CloudFormationYaml.Parse("""
            Resources:
              M:
                Type: AWS::Serverless::StateMachine
                Properties:
                  Name: !Sub ${AWS::StackName}-rotation
            """)!;

        Assert.False(Assert.Single(NameLengths.Names(template)).Fits);                         // 128 + 9 > 80
    }

    [Fact]
    public void Names_AParameterWithoutMaxLength_ErrorNamingIt()
    {
        var template = CloudFormationYaml.Parse("""
            Parameters:
              Prefix:
                Type: String
            Resources:
              M:
                Type: AWS::Serverless::StateMachine
                Properties:
                  Name: !Sub ${Prefix}-rotation
            """)!;

        var error = Assert.Throws<InvalidOperationException>(() => NameLengths.Names(template));
        Assert.Contains("Prefix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_ABuiltPropertyWithoutAKnownLimit_ErrorNamingIt()
    {
        var template = CloudFormationYaml.Parse("""
            Resources:
              Q:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !Sub ${AWS::StackName}-work
            """)!;

        var error = Assert.Throws<InvalidOperationException>(() => NameLengths.Names(template));
        Assert.Contains("Q (AWS::SQS::Queue) QueueName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_AnArnPatternInAPolicy_NotAName()
    {
        var template = CloudFormationYaml.Parse("""
            Parameters:
              NamePrefix:
                Type: String
                MaxLength: 56
            Resources:
              F:
                Type: AWS::Serverless::Function
                Properties:
                  Policies:
                    - Statement:
                        - Effect: Allow
                          Action: states:StartExecution
                          Resource: !Sub 'arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:${NamePrefix}-x'
            """)!;

        Assert.Empty(NameLengths.Names(template));
    }

    [GeneratedRegex("""^\s*stack_name\s*=\s*"([^"]*)"\s*$""", RegexOptions.Multiline)]
    private static partial Regex StackNameLine();

    [GeneratedRegex(@"NamePrefix=\\""([^""\\]*)\\""")]
    private static partial Regex PrefixValue();
}

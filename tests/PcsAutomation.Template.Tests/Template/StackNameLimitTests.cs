using System.Text.RegularExpressions;
using PcsAutomation.Template.Tests.Yaml;

namespace PcsAutomation.Template.Tests.Template;

/// <summary>
/// The longest stack name template.yaml can be deployed under (CloudFormation Rules cannot measure the stack name's
/// length: docs/deploy.md), derived from the names it builds from the stack name, and what the deploy guide and
/// samconfig.toml say about it.
/// </summary>
public partial class StackNameLimitTests
{
    private const int Documented = 56;

    [Fact]
    public void Template_NamesFromTheStackName_TheStateMachinesBoundItAt56()
    {
        var names = StackNameLimit.Names(CloudFormationYaml.Load(RepoPaths.Template)!);

        // non-vacuity: the three workflows' state machines and their log groups are among them
        Assert.Contains(names, n => n.Text == "${AWS::StackName}-cluster-secret-rotation" && n.MaxLength == 80);
        Assert.Contains(names, n => n.Text == "/aws/vendedlogs/states/${AWS::StackName}-node-group-update" && n.MaxLength == 512);
        Assert.Equal(Documented, StackNameLimit.MaxStackName(names));
    }

    [Fact]
    public void DeployGuide_StackNameLimit_TheDerivedNumber()
    {
        var guide = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "deploy.md"));

        Assert.Contains($"**Stack name: at most {Documented} characters.**", guide, StringComparison.Ordinal);
    }

    [Fact]
    public void SamConfig_EveryStackName_ValidAndWithinTheLimit()
    {
        var config = File.ReadAllText(Path.Combine(RepoPaths.Root, "samconfig.toml"));
        var stackNames = StackNameLine().Matches(config).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(stackNames);
        Assert.All(stackNames, name =>
        {
            Assert.Matches("^[A-Za-z][A-Za-z0-9-]*$", name);
            Assert.True(name.Length <= Documented, $"stack_name '{name}' is {name.Length} characters; template.yaml's names allow {Documented}");
        });
    }

    [Fact]
    public void MaxStackName_ALongerSuffix_LowersIt()
    {
        var template = CloudFormationYaml.Parse("""
            Resources:
              M:
                Type: AWS::Serverless::StateMachine
                Properties:
                  Name: !Sub ${AWS::StackName}-a-much-longer-state-machine-name-suffix
            """)!;

        Assert.Equal(80 - 40, StackNameLimit.MaxStackName(StackNameLimit.Names(template)));
    }

    [Fact]
    public void Names_AStackNamedPropertyWithoutAKnownLimit_ErrorNamingIt()
    {
        var template = CloudFormationYaml.Parse("""
            Resources:
              Q:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !Sub ${AWS::StackName}-work
            """)!;

        var error = Assert.Throws<InvalidOperationException>(() => StackNameLimit.Names(template));
        Assert.Contains("Q (AWS::SQS::Queue) QueueName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_AnArnPatternInAPolicy_NotAName()
    {
        var template = CloudFormationYaml.Parse("""
            Resources:
              F:
                Type: AWS::Serverless::Function
                Properties:
                  Policies:
                    - Statement:
                        - Effect: Allow
                          Action: states:StartExecution
                          Resource: !Sub 'arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:${AWS::StackName}-x'
            """)!;

        Assert.Empty(StackNameLimit.Names(template));
    }

    [GeneratedRegex("""^\s*stack_name\s*=\s*"([^"]*)"\s*$""", RegexOptions.Multiline)]
    private static partial Regex StackNameLine();
}

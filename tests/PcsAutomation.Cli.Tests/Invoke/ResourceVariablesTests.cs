using PcsAutomation.Cli.Invoke;
using PcsAutomation.LocalAws.Tests.EventBridge;

namespace PcsAutomation.Cli.Tests.Invoke;

public class ResourceVariablesTests
{
    private static readonly string Template = File.ReadAllText(Path.Combine(RepoPaths.Root, "template.yaml"));

    [Fact]
    public void Of_RotationReconcilerInTheTemplate_TheLeaseTableAndItsStateMachinesOnly()
    {
        var names = ResourceVariables.Of(Template, "RotationReconcilerFunction");

        Assert.Equal(
            ["PCS_AUTOMATION_LEASE_TABLE", "PCS_AUTOMATION_NOTICE_STATE_MACHINE_ARN", "PCS_AUTOMATION_ROTATION_STATE_MACHINE_ARN"],
            names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Of_SubAndGetAtt_BothNameResources()
    {
        const string yaml = """
            Parameters:
              P: {Type: String}
            Resources:
              T: {Type: AWS::DynamoDB::Table}
              F:
                Type: AWS::Serverless::Function
                Properties:
                  Environment:
                    Variables:
                      SUB: !Sub '${T}-x'
                      ATT: !GetAtt T.Arn
                      PARAM: !Ref P
                      STACK: !Sub '${AWS::StackName}-y'
                      TEXT: plain
            """;

        Assert.Equal(["ATT", "SUB"], ResourceVariables.Of(yaml, "F").Order(StringComparer.Ordinal));
    }
}

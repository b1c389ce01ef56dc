using System.Text.Json.Nodes;
using PcsAutomation.Template.Tests.Iam;
using PcsAutomation.Template.Tests.Yaml;

namespace PcsAutomation.Template.Tests.Template;

/// <summary>The AMI roll-out's triggers in the real template (issue 10, item 6): the schedule, the CloudTrail rule, their least privilege.</summary>
public class AmiTriggerTemplateTests
{
    private static readonly JsonNode Template = CloudFormationYaml.Load(RepoPaths.Template)!;

    private static SamFunction Function(string logicalId) => Assert.Single(SamTemplate.Functions(Template), f => f.LogicalId == logicalId);

    [Theory]
    [InlineData("AmiUpdateReconciler")]
    [InlineData("NodeGroupAmiAudit")]
    public void Template_Trigger_StartsTheRolloutAndTheSharedNoticeStateMachines(string handler)
    {
        var function = Function(handler + "Function");
        var variables = function.Properties["Environment"]!["Variables"]!;

        Assert.Equal(handler, function.Handler);
        Assert.Equal("makefile", function.BuildMethod);
        Assert.Equal("""{"Ref":"WorkflowLogGroup"}""", function.Properties["LoggingConfig"]?["LogGroup"]?.ToJsonString());
        Assert.Equal("""{"Ref":"NodeGroupUpdateStateMachine"}""", variables["PCS_AUTOMATION_NODE_GROUP_UPDATE_STATE_MACHINE_ARN"]!.ToJsonString());
        Assert.Equal("""{"Ref":"RotationNoticeStateMachine"}""", variables["PCS_AUTOMATION_NOTICE_STATE_MACHINE_ARN"]!.ToJsonString());
    }

    [Fact]
    public void Template_AmiUpdateReconciler_RunsOnItsOwnScheduleParameter()
    {
        var schedule = Assert.Single(Function("AmiUpdateReconcilerFunction").Properties["Events"]!.AsObject()).Value!;

        Assert.Equal("Schedule", (string?)schedule["Type"]);
        Assert.Equal("""{"Ref":"AmiUpdateReconcileSchedule"}""", schedule["Properties"]!["Schedule"]!.ToJsonString());
        Assert.Equal("rate(1 hour)", (string?)Template["Parameters"]!["AmiUpdateReconcileSchedule"]!["Default"]);
    }

    [Fact] // guide L10748: CreateComputeNodeGroup and UpdateComputeNodeGroup are recorded by CloudTrail
    public void Template_NodeGroupAmiAudit_ListensToPcsNodeGroupCallsViaCloudTrail()
    {
        var rule = Assert.Single(Function("NodeGroupAmiAuditFunction").Properties["Events"]!.AsObject()).Value!;

        Assert.Equal("EventBridgeRule", (string?)rule["Type"]);
        Assert.Equal(
            """{"source":["aws.pcs"],"detail-type":["AWS API Call via CloudTrail"],"detail":{"eventSource":["pcs.amazonaws.com"],"eventName":["CreateComputeNodeGroup","UpdateComputeNodeGroup"]}}""",
            rule["Properties"]!["Pattern"]!.ToJsonString());
    }

    [Theory]
    [InlineData("AmiUpdateReconcilerFunction", "dynamodb:GetItem,ec2:DescribeImages,ec2:DescribeInstanceTypes,ec2:DescribeInstances,ec2:DescribeLaunchTemplateVersions,ec2:DescribeLaunchTemplates,pcs:GetCluster,pcs:GetComputeNodeGroup,pcs:GetQueue,pcs:ListClusters,pcs:ListComputeNodeGroups,pcs:ListQueues,pcs:ListTagsForResource,ssm:GetParameter,states:StartExecution")]
    [InlineData("NodeGroupAmiAuditFunction", "dynamodb:GetItem,ec2:DescribeImages,ec2:DescribeInstanceTypes,ec2:DescribeInstances,ec2:DescribeLaunchTemplateVersions,ec2:DescribeLaunchTemplates,pcs:GetCluster,pcs:GetComputeNodeGroup,pcs:GetQueue,pcs:ListComputeNodeGroups,pcs:ListQueues,pcs:ListTagsForResource,ssm:GetParameter,states:StartExecution")]
    public void Template_Trigger_ReadsAndStartsOnlyWhatItNeeds(string function, string actions) =>
        Assert.Equal(actions.Split(','), Statements(function).SelectMany(s => s.Actions).Distinct().Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("AmiUpdateReconcilerFunction")]
    [InlineData("NodeGroupAmiAuditFunction")]
    public void Template_Trigger_StartsExecutionsOfTheRolloutAndNoticeStateMachinesOnly(string function)
    {
        var start = Assert.Single(Statements(function), s => s.Actions.Contains("states:StartExecution"));

        Assert.Equal(["""{"Ref":"NodeGroupUpdateStateMachine"}""", """{"Ref":"RotationNoticeStateMachine"}"""], start.Resources);
    }

    private static IEnumerable<IamStatement> Statements(string owner) => IamStatements.Read(TemplateConditions.Load()).Where(s => s.Owner == owner);
}

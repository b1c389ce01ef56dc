using System.Text.Json.Nodes;
using PcsAutomation.Template.Tests.Yaml;

namespace PcsAutomation.Template.Tests.Template;

/// <summary>The AMI roll-out's resources in the real template (issue 10, items 4 and 8).</summary>
public class NodeGroupUpdateTemplateTests
{
    private static readonly JsonNode Template = CloudFormationYaml.Load(RepoPaths.Template)!;

    [Theory]
    [InlineData("PlanNodeGroupUpdate")]
    [InlineData("UpdateNodeGroup")]
    [InlineData("CheckNodeGroupUpdated")]
    [InlineData("RollbackNodeGroups")]
    [InlineData("DrainCanaryNodes")]
    [InlineData("ResumeCanaryNodes")]
    public void Template_RolloutHandler_HasItsFunctionLoggingWithTheOtherWorkflowSteps(string handler)
    {
        var function = Assert.Single(SamTemplate.Functions(Template), f => f.LogicalId == handler + "Function");

        Assert.Equal(handler, function.Handler);
        Assert.Equal("makefile", function.BuildMethod);
        Assert.Equal("""{"Ref":"WorkflowLogGroup"}""", function.Properties["LoggingConfig"]?["LogGroup"]?.ToJsonString());
    }

    [Fact]
    public void Template_RolloutStateMachine_RunsTheSharedStepsAndItsOwnAndLogsAndTraces()
    {
        var machine = Resource("NodeGroupUpdateStateMachine", "AWS::Serverless::StateMachine");
        var substitutions = machine["DefinitionSubstitutions"]!.AsObject();

        Assert.Equal("statemachines/node-group-update.asl.json", (string?)machine["DefinitionUri"]);
        Assert.Equal("""{"Fn::Sub":"${NamePrefix}-node-group-update"}""", machine["Name"]!.ToJsonString());
        Assert.Equal(
            ["AcquireClusterLeaseFunctionArn", "CheckNodeGroupUpdatedFunctionArn", "DrainCanaryNodesFunctionArn", "PlanNodeGroupUpdateFunctionArn",
             "PrepareNotificationFunctionArn", "ReleaseClusterLeaseFunctionArn", "ResumeCanaryNodesFunctionArn", "RollbackNodeGroupsFunctionArn",
             "RotationTopicArn", "UpdateNodeGroupFunctionArn"],
            substitutions.Select(s => s.Key).Order(StringComparer.Ordinal));
        Assert.Equal("""{"Fn::GetAtt":["NodeGroupUpdateStateMachineLogGroup","Arn"]}""",
            machine["Logging"]!["Destinations"]![0]!["CloudWatchLogsLogGroup"]!["LogGroupArn"]!.ToJsonString());
        Assert.True((bool)machine["Tracing"]!["Enabled"]!);
    }

    [Fact]
    public void Template_RolloutFailuresAlarm_WatchesTheRolloutStateMachine()
    {
        var alarm = Resource("NodeGroupUpdateFailuresAlarm", "AWS::CloudWatch::Alarm");
        var watched = alarm["Metrics"]!.AsArray().Select(m => m!["MetricStat"]?["Metric"]).OfType<JsonNode>()
            .Select(m => ((string?)m["Dimensions"]![0]!["Value"]!["Ref"], (string?)m["MetricName"])).ToHashSet();

        Assert.Equal("""[{"Ref":"RotationTopic"}]""", alarm["AlarmActions"]!.ToJsonString());
        Assert.Equal(
            new HashSet<(string?, string?)>([("NodeGroupUpdateStateMachine", "ExecutionsFailed"), ("NodeGroupUpdateStateMachine", "ExecutionsTimedOut"), ("NodeGroupUpdateStateMachine", "ExecutionsAborted")]),
            watched);
    }

    private static JsonObject Resource(string logicalId, string type)
    {
        var resource = Template["Resources"]![logicalId];
        Assert.NotNull(resource);
        Assert.Equal(type, (string?)resource["Type"]);
        return resource["Properties"]!.AsObject();
    }
}

using System.Text.Json.Nodes;
using PcsAutomation.Template.Tests.Yaml;

namespace PcsAutomation.Template.Tests.Template;

/// <summary>The Capacity Block expiry's resources in the real template (issue 11, items 3 and 6).</summary>
public class CapacityBlockExpiryTemplateTests
{
    private static readonly JsonNode Template = CloudFormationYaml.Load(RepoPaths.Template)!;

    public static TheoryData<string> Handlers =>
    [
        "PlanCapacityBlockExpiry", "ExpiryLeaseWait", "SwitchLaunchTemplates", "UpdateExpiryQueue", "ParkNodeGroups", "RestoreParkedNodeGroups",
        "CheckCapacityBlockExpiry", "ReportCapacityBlockExpiry",
    ];

    [Theory]
    [MemberData(nameof(Handlers))]
    public void Template_ExpiryHandler_HasItsFunctionLoggingWithTheOtherWorkflowSteps(string handler)
    {
        var function = Assert.Single(SamTemplate.Functions(Template), f => f.LogicalId == handler + "Function");

        Assert.Equal(handler, function.Handler);
        Assert.Equal("makefile", function.BuildMethod);
        Assert.Equal("""{"Ref":"WorkflowLogGroup"}""", function.Properties["LoggingConfig"]?["LogGroup"]?.ToJsonString());
    }

    [Fact]
    public void Template_ExpiryStateMachine_HasTheContractNameRunsItsStepsAndLogsToTheWorkflowLogGroup()
    {
        var machine = Resource("CapacityBlockExpiryStateMachine", "AWS::Serverless::StateMachine");
        var substitutions = machine["DefinitionSubstitutions"]!.AsObject();

        Assert.Equal("statemachines/capacity-block-expiry.asl.json", (string?)machine["DefinitionUri"]);
        // the name the triggers (reconciler, event router) and the CLI start it by
        Assert.Equal("""{"Fn::Sub":"${NamePrefix}-capacity-block-expiry"}""", machine["Name"]!.ToJsonString());
        Assert.Equal(
            ["AcquireClusterLeaseFunctionArn", "CheckCapacityBlockExpiryFunctionArn", "ExpiryLeaseWaitFunctionArn", "ParkNodeGroupsFunctionArn",
             "PlanCapacityBlockExpiryFunctionArn", "PlanJobProtectionFunctionArn", "PrepareNotificationFunctionArn", "ReleaseClusterLeaseFunctionArn",
             "ReleaseJobProtectionFunctionArn", "ReportCapacityBlockExpiryFunctionArn", "RestoreParkedNodeGroupsFunctionArn", "RotationTopicArn",
             "SwitchLaunchTemplatesFunctionArn", "UpdateExpiryQueueFunctionArn", "WaitForRunningJobsFunctionArn"],
            substitutions.Select(s => s.Key).Order(StringComparer.Ordinal));
        Assert.Equal("""{"Fn::GetAtt":["WorkflowLogGroup","Arn"]}""",
            machine["Logging"]!["Destinations"]![0]!["CloudWatchLogsLogGroup"]!["LogGroupArn"]!.ToJsonString());
        Assert.True((bool)machine["Tracing"]!["Enabled"]!);
    }

    [Fact]
    public void Template_ExpiryFailuresAlarm_WatchesTheExpiryStateMachine()
    {
        var alarm = Resource("CapacityBlockExpiryFailuresAlarm", "AWS::CloudWatch::Alarm");
        var watched = alarm["Metrics"]!.AsArray().Select(m => m!["MetricStat"]?["Metric"]).OfType<JsonNode>()
            .Select(m => ((string?)m["Dimensions"]![0]!["Value"]!["Ref"], (string?)m["MetricName"])).ToHashSet();

        Assert.Equal("""[{"Ref":"RotationTopic"}]""", alarm["AlarmActions"]!.ToJsonString());
        Assert.Equal(
            new HashSet<(string?, string?)>([("CapacityBlockExpiryStateMachine", "ExecutionsFailed"), ("CapacityBlockExpiryStateMachine", "ExecutionsTimedOut"), ("CapacityBlockExpiryStateMachine", "ExecutionsAborted")]),
            watched);
    }

    [Fact]
    public void Template_LeadParameter_Defaults90MinutesAndReachesEveryFunction()
    {
        var parameter = Template["Parameters"]!["CapacityBlockExpiryLeadMinutes"]!;

        Assert.Equal(("Number", 90L, 1L, 720L), ((string?)parameter["Type"], (long)parameter["Default"]!, (long)parameter["MinValue"]!, (long)parameter["MaxValue"]!));
        Assert.Equal("""{"Ref":"CapacityBlockExpiryLeadMinutes"}""",
            Template["Globals"]!["Function"]!["Environment"]!["Variables"]!["PCS_AUTOMATION_CAPACITY_BLOCK_LEAD_MINUTES"]!.ToJsonString());
    }

    [Fact]
    public void Template_Outputs_GiveTheExpiryStateMachineArn() =>
        Assert.Equal("""{"Ref":"CapacityBlockExpiryStateMachine"}""", Template["Outputs"]!["CapacityBlockExpiryStateMachineArn"]!["Value"]!.ToJsonString());

    [Theory]
    [InlineData("PlanCapacityBlockExpiryFunction")]
    [InlineData("ReportCapacityBlockExpiryFunction")]
    public void Template_ReadingSteps_GetTheCapacityBlockReadsTheGuideListsButNoWrite(string function)
    {
        var policies = Resource(function, "AWS::Serverless::Function")["Policies"]!.ToJsonString();
        var reads = Resource("CapacityFactsReadPolicy", "AWS::IAM::ManagedPolicy")["PolicyDocument"]!.ToJsonString();

        Assert.Contains("""{"Ref":"CapacityFactsReadPolicy"}""", policies, StringComparison.Ordinal);
        // guide L3444-3452, L9048-9058
        Assert.Contains("ec2:DescribeCapacityReservations", reads, StringComparison.Ordinal);
        Assert.Contains("ec2:DescribeCapacityBlocks", reads, StringComparison.Ordinal);
        Assert.DoesNotContain("Update", reads, StringComparison.Ordinal);
        Assert.DoesNotContain("Create", reads, StringComparison.Ordinal);
        Assert.DoesNotContain("UpdateComputeNodeGroupPolicy", policies, StringComparison.Ordinal);
    }

    private static JsonObject Resource(string logicalId, string type)
    {
        var resource = Template["Resources"]![logicalId];
        Assert.NotNull(resource);
        Assert.Equal(type, (string?)resource["Type"]);
        return resource["Properties"]!.AsObject();
    }
}

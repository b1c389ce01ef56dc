using System.Text.Json.Nodes;
using PcsAutomation.Template.Tests.Iam;
using PcsAutomation.Template.Tests.Yaml;

namespace PcsAutomation.Template.Tests.Template;

/// <summary>The Capacity Block expiry's triggers in the real template (issue 11, item 2): the schedule, EC2's event rule, the settings, their least privilege.</summary>
public class CapacityBlockTriggerTemplateTests
{
    private static readonly JsonNode Template = CloudFormationYaml.Load(RepoPaths.Template)!;

    private static SamFunction Function(string logicalId) => Assert.Single(SamTemplate.Functions(Template), f => f.LogicalId == logicalId);

    [Theory]
    [InlineData("CapacityBlockReconciler")]
    [InlineData("CapacityBlockEventRouter")]
    public void Template_Trigger_StartsTheExpiryStateMachineAndLogsWithTheWorkflows(string handler)
    {
        var function = Function(handler + "Function");

        Assert.Equal(handler, function.Handler);
        Assert.Equal("makefile", function.BuildMethod);
        Assert.Equal("""{"Ref":"WorkflowLogGroup"}""", function.Properties["LoggingConfig"]?["LogGroup"]?.ToJsonString());
        Assert.Equal("""{"Ref":"CapacityBlockExpiryStateMachine"}""",
            function.Properties["Environment"]!["Variables"]!["PCS_AUTOMATION_CAPACITY_BLOCK_EXPIRY_STATE_MACHINE_ARN"]!.ToJsonString());
    }

    [Fact]
    public void Template_CapacityBlockReconciler_RunsEvery15MinutesByDefaultOnItsScheduleParameter()
    {
        var schedule = Assert.Single(Function("CapacityBlockReconcilerFunction").Properties["Events"]!.AsObject()).Value!;

        Assert.Equal("Schedule", (string?)schedule["Type"]);
        Assert.Equal("""{"Ref":"CapacityBlockReconcileSchedule"}""", schedule["Properties"]!["Schedule"]!.ToJsonString());
        Assert.Equal("rate(15 minutes)", (string?)Template["Parameters"]!["CapacityBlockReconcileSchedule"]!["Default"]);
    }

    [Theory] // every function reads the expiry's settings from the same stack parameters (Globals)
    [InlineData("PCS_AUTOMATION_CAPACITY_BLOCK_LEAD_MINUTES", "CapacityBlockExpiryLeadMinutes", 90, 1, 720)]
    [InlineData("PCS_AUTOMATION_CAPACITY_BLOCK_HORIZON_HOURS", "CapacityBlockHorizonHours", 24, 3, 168)]
    [InlineData("PCS_AUTOMATION_CAPACITY_BLOCK_ROTATION_MARGIN_MINUTES", "CapacityBlockRotationMarginMinutes", 30, 0, 1440)]
    public void Template_ExpirySetting_AGlobalVariableFromANumberParameterWithTheOptionsBounds(string variable, string parameter, long fallback, long min, long max)
    {
        var declared = Template["Parameters"]![parameter]!;

        Assert.Equal($$"""{"Ref":"{{parameter}}"}""", Template["Globals"]!["Function"]!["Environment"]!["Variables"]![variable]!.ToJsonString());
        Assert.Equal(("Number", fallback, min, max), ((string?)declared["Type"], (long)declared["Default"]!, (long)declared["MinValue"]!, (long)declared["MaxValue"]!));
    }

    [Fact] // capacity-blocks-monitor.html and ../shared/reference/README.md: both spellings of two events, and the interruption warning
    public void Template_CapacityBlockEventRouter_ListensToTheFiveCapacityBlockDetailTypesFromEc2()
    {
        var rule = Assert.Single(Function("CapacityBlockEventRouterFunction").Properties["Events"]!.AsObject()).Value!;

        Assert.Equal("EventBridgeRule", (string?)rule["Type"]);
        Assert.Null(rule["Properties"]!["EventBusName"]); // the default bus, where EC2 sends them
        Assert.Equal(
            """{"source":["aws.ec2"],"detail-type":["Capacity Block Delivered","Capacity Block Reservation Delivered","Capacity Block Expiration Warning","Capacity Block Reservation Expiration Warning","EC2 Capacity Reservation Instance Interruption Warning"]}""",
            rule["Properties"]!["Pattern"]!.ToJsonString());
    }

    [Theory]
    [InlineData("CapacityBlockReconcilerFunction", "dynamodb:Scan,ec2:DescribeCapacityBlocks,ec2:DescribeCapacityReservations,ec2:DescribeInstances,ec2:DescribeLaunchTemplateVersions,ec2:DescribeSubnets,pcs:GetComputeNodeGroup,pcs:GetQueue,pcs:ListClusters,pcs:ListComputeNodeGroups,pcs:ListQueues,pcs:ListTagsForResource,states:DescribeExecution,states:StartExecution")]
    [InlineData("CapacityBlockEventRouterFunction", "dynamodb:Scan,ec2:DescribeCapacityBlocks,ec2:DescribeCapacityReservations,ec2:DescribeInstances,ec2:DescribeLaunchTemplateVersions,ec2:DescribeSubnets,pcs:GetComputeNodeGroup,pcs:GetQueue,pcs:ListClusters,pcs:ListComputeNodeGroups,pcs:ListQueues,pcs:ListTagsForResource,states:DescribeExecution,states:StartExecution")]
    public void Template_Trigger_ReadsAndStartsOnlyWhatItNeeds(string function, string actions) =>
        Assert.Equal(actions.Split(','), Statements(function).SelectMany(s => s.Actions).Distinct().Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("CapacityBlockReconcilerFunction")]
    [InlineData("CapacityBlockEventRouterFunction")]
    public void Template_Trigger_StartsAndFindsTheExpiryExecutionsOnlyAndScansOnlyTheLeaseTable(string function)
    {
        var statements = Statements(function).ToList();

        Assert.Equal(["""{"Ref":"CapacityBlockExpiryStateMachine"}"""], Assert.Single(statements, s => s.Actions.Contains("states:StartExecution")).Resources);
        Assert.Equal(["""{"Fn::Sub":"arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:${NamePrefix}-capacity-block-expiry:*"}"""],
            Assert.Single(statements, s => s.Actions.Contains("states:DescribeExecution")).Resources);
        Assert.Equal(["""{"Fn::GetAtt":["ClusterLeaseTable","Arn"]}"""], Assert.Single(statements, s => s.Actions.Contains("dynamodb:Scan")).Resources);
    }

    [Fact] // the execution ARNs DescribeExecution may read are those of the machine's fixed name
    public void Template_ExpiryExecutionPattern_NamesTheExpiryStateMachine() =>
        Assert.Equal("""{"Fn::Sub":"${NamePrefix}-capacity-block-expiry"}""", Template["Resources"]!["CapacityBlockExpiryStateMachine"]!["Properties"]!["Name"]!.ToJsonString());

    [Theory] // the rotation's deferral reads the cluster's Capacity Blocks
    [InlineData("PlanRotationFunction")]
    [InlineData("RotationReconcilerFunction")]
    public void Template_RotationStep_ReadsTheCapacityBlocksOfTheCluster(string function)
    {
        var actions = Statements(function).SelectMany(s => s.Actions).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("""{"Ref":"CapacityFactsReadPolicy"}""", Function(function).Properties["Policies"]!.AsArray().Select(p => p!.ToJsonString()));
        Assert.Superset(new HashSet<string>(["ec2:DescribeCapacityReservations", "ec2:DescribeLaunchTemplateVersions", "pcs:GetComputeNodeGroup"], StringComparer.Ordinal), actions);
    }

    private static IEnumerable<IamStatement> Statements(string owner) => IamStatements.Read(TemplateConditions.Load()).Where(s => s.Owner == owner);
}

using System.Text.Json.Nodes;
using PcsAutomation.Template.Tests.Yaml;

namespace PcsAutomation.Template.Tests.Template;

/// <summary>The rotation workflow's resources in the real template (issue 5, "Template").</summary>
public class RotationTemplateTests
{
    /// <summary>The handlers of the shared contract; each is a function <c>&lt;Name&gt;Function</c> with Handler <c>&lt;Name&gt;</c>.</summary>
    public static readonly IReadOnlyList<string> Handlers =
    [
        "PlanRotation", "AcquireClusterLease", "ScaleNodeGroupsToZero", "CheckClusterDrained", "RestoreNodeGroups",
        "CheckNodeGroupsRestored", "ReleaseClusterLease", "RotateClusterSecret", "CheckSecretRotation",
        "RotationEventRouter", "RefreshLoginNodes", "CheckLoginNodes", "RotationReconciler", "PrepareNotification",
        "PlanJobProtection", "WaitForRunningJobs", "ReleaseJobProtection",
    ];

    /// <summary><see cref="Handlers"/> as theory data.</summary>
    public static TheoryData<string> RotationHandlers => [.. Handlers];

    private static readonly JsonNode Template = CloudFormationYaml.Load(RepoPaths.Template)!;

    [Theory]
    [MemberData(nameof(RotationHandlers))]
    public void Template_RotationHandler_HasItsFunction(string handler)
    {
        var function = Assert.Single(SamTemplate.Functions(Template), f => f.LogicalId == handler + "Function");

        Assert.Equal(handler, function.Handler);
        Assert.Equal("makefile", function.BuildMethod);
        Assert.Equal("""{"Ref":"WorkflowLogGroup"}""", function.Properties["LoggingConfig"]?["LogGroup"]?.ToJsonString());
    }

    [Theory]
    [InlineData("PCS_AUTOMATION_MANAGED_TAG_KEY", """{"Ref":"ManagedTagKey"}""")]
    [InlineData("PCS_AUTOMATION_MAINTENANCE_WINDOW", """{"Ref":"DefaultMaintenanceWindow"}""")]
    [InlineData("PCS_AUTOMATION_ROTATION_MAX_AGE", """{"Ref":"DefaultRotationMaxAge"}""")]
    [InlineData("PCS_AUTOMATION_BYO_LOGIN_TAG_KEY", """{"Ref":"ByoLoginTagKey"}""")]
    [InlineData("PCS_AUTOMATION_LEASE_TABLE", """{"Ref":"ClusterLeaseTable"}""")]
    [InlineData("PCS_AUTOMATION_LEASE_SECONDS", """{"Ref":"LeaseSeconds"}""")]
    [InlineData("PCS_AUTOMATION_STACK_NAME", """{"Ref":"AWS::StackName"}""")]
    [InlineData("PCS_AUTOMATION_STRICT_ROTATION_VERIFICATION", """{"Ref":"StrictRotationVerification"}""")]
    [InlineData("PCS_AUTOMATION_ROTATION_NOTICE_LEAD_TIME", """{"Ref":"RotationNoticeLeadTime"}""")]
    public void Template_EveryFunction_GetsTheContractsEnvironment(string variable, string value) =>
        Assert.All(SamTemplate.Functions(Template), f =>
            Assert.Equal(value, f.Properties["Environment"]?["Variables"]?[variable]?.ToJsonString()));

    [Fact]
    public void Template_Reconciler_KnowsTheStateMachineAndRunsOnTheScheduleParameter()
    {
        var reconciler = SamTemplate.Functions(Template).Single(f => f.LogicalId == "RotationReconcilerFunction");

        Assert.Equal("""{"Ref":"ClusterSecretRotationStateMachine"}""",
            reconciler.Properties["Environment"]!["Variables"]!["PCS_AUTOMATION_ROTATION_STATE_MACHINE_ARN"]!.ToJsonString());
        Assert.Equal("""{"Ref":"RotationNoticeStateMachine"}""",
            reconciler.Properties["Environment"]!["Variables"]!["PCS_AUTOMATION_NOTICE_STATE_MACHINE_ARN"]!.ToJsonString());
        var schedule = Assert.Single(reconciler.Properties["Events"]!.AsObject()).Value!;
        Assert.Equal("Schedule", (string?)schedule["Type"]);
        Assert.Equal("""{"Ref":"RotationReconcileSchedule"}""", schedule["Properties"]!["Schedule"]!.ToJsonString());
        Assert.Equal("rate(1 hour)", (string?)Template["Parameters"]!["RotationReconcileSchedule"]!["Default"]);
    }

    [Theory]
    [InlineData("DefaultMaintenanceWindow", "sun:02:00-sun:06:00")]
    [InlineData("DefaultRotationMaxAge", "90d")]
    [InlineData("ByoLoginTagKey", "pcs-automation:byo-login-for")]
    [InlineData("ManagedTagKey", "pcs-automation:managed")]
    [InlineData("StrictRotationVerification", "false")]
    [InlineData("RotationNoticeLeadTime", "24h")]
    public void Template_TagDefaultParameters_HaveTheContractsDefaults(string parameter, string expected) =>
        Assert.Equal(expected, (string?)Template["Parameters"]![parameter]!["Default"]);

    [Fact]
    public void Template_EventRouter_ListensToSecretsManagerRotationResults()
    {
        var router = SamTemplate.Functions(Template).Single(f => f.LogicalId == "RotationEventRouterFunction");
        var rule = Assert.Single(router.Properties["Events"]!.AsObject()).Value!;
        var pattern = rule["Properties"]!["Pattern"]!;

        Assert.Equal("EventBridgeRule", (string?)rule["Type"]);
        Assert.Equal("""["aws.secretsmanager"]""", pattern["source"]!.ToJsonString());
        Assert.Equal("""["AWS Service Event via CloudTrail"]""", pattern["detail-type"]!.ToJsonString());
        Assert.Equal("""["RotationSucceeded","RotationFailed"]""", pattern["detail"]!["eventName"]!.ToJsonString());
    }

    [Fact]
    // deleteAfter, not expiresAt: the handlers set it only while the item holds no unrestored scaling (ClusterLeaseTable).
    public void Template_LeaseTable_IsOnDemandKeyedByClusterWithTtlOnDeleteAfterRecoveryAndEncryption()
    {
        var table = Resource("ClusterLeaseTable", "AWS::DynamoDB::Table");

        Assert.Equal("PAY_PER_REQUEST", (string?)table["BillingMode"]);
        Assert.Equal("""[{"AttributeName":"clusterId","KeyType":"HASH"}]""", table["KeySchema"]!.ToJsonString());
        Assert.Equal("""[{"AttributeName":"clusterId","AttributeType":"S"}]""", table["AttributeDefinitions"]!.ToJsonString());
        Assert.Equal("""{"AttributeName":"deleteAfter","Enabled":true}""", table["TimeToLiveSpecification"]!.ToJsonString());
        Assert.True((bool)table["PointInTimeRecoverySpecification"]!["PointInTimeRecoveryEnabled"]!);
        Assert.True((bool)table["SSESpecification"]!["SSEEnabled"]!);
    }

    [Fact]
    public void Template_RotationTopic_IsEncrypted() =>
        Assert.Equal("""{"Ref":"RotationTopicKey"}""", Resource("RotationTopic", "AWS::SNS::Topic")["KmsMasterKeyId"]!.ToJsonString());

    [Fact]
    public void Template_StateMachine_LogsAndTraces()
    {
        var machine = Resource("ClusterSecretRotationStateMachine", "AWS::Serverless::StateMachine");

        Assert.Equal("statemachines/cluster-secret-rotation.asl.json", (string?)machine["DefinitionUri"]);
        Assert.Equal("ERROR", (string?)machine["Logging"]!["Level"]);
        Assert.Equal("""{"Fn::GetAtt":["StateMachineLogGroup","Arn"]}""",
            machine["Logging"]!["Destinations"]![0]!["CloudWatchLogsLogGroup"]!["LogGroupArn"]!.ToJsonString());
        Assert.True((bool)machine["Tracing"]!["Enabled"]!);
    }

    [Theory]
    [InlineData("ClusterSecretRotationStateMachine")]
    [InlineData("RotationNoticeStateMachine")]
    public void Template_StateMachineSubstitutions_AreTheFunctionsAndTheTopic(string machine)
    {
        var substitutions = Resource(machine, "AWS::Serverless::StateMachine")["DefinitionSubstitutions"]!.AsObject();

        Assert.Equal("""{"Ref":"RotationTopic"}""", substitutions["RotationTopicArn"]!.ToJsonString());
        foreach (var (name, value) in substitutions.Where(s => s.Key != "RotationTopicArn"))
        {
            var function = name[..^"Arn".Length];
            Assert.Equal($$"""{"Fn::GetAtt":["{{function}}","Arn"]}""", value!.ToJsonString());
        }
    }

    [Fact]
    public void Template_FailuresAlarm_WatchesFailedAndTimedOutExecutionsAndNotifiesTheTopic()
    {
        var alarm = Resource("RotationFailuresAlarm", "AWS::CloudWatch::Alarm");
        var metrics = alarm["Metrics"]!.AsArray().Select(m => m!["MetricStat"]?["Metric"]).OfType<JsonNode>().ToList();
        string Machine(JsonNode metric) => metric["Dimensions"]![0]!["Value"]!["Ref"]!.GetValue<string>();

        Assert.Equal("""[{"Ref":"RotationTopic"}]""", alarm["AlarmActions"]!.ToJsonString());
        Assert.Superset(new HashSet<string?>(["ExecutionsFailed", "ExecutionsTimedOut", "ExecutionsAborted"]),
            metrics.Where(m => Machine(m) == "ClusterSecretRotationStateMachine").Select(m => (string?)m["MetricName"]).ToHashSet());
        // An advance notice that could not be sent fails its execution: someone must know users were not told.
        Assert.Contains(metrics, m => Machine(m) == "RotationNoticeStateMachine" && (string?)m["MetricName"] == "ExecutionsFailed");
        Assert.All(metrics, m => Assert.Equal("StateMachineArn", (string?)m["Dimensions"]![0]!["Name"]));
        var expression = (string)alarm["Metrics"]!.AsArray().Single(m => m!["Expression"] is not null)!["Expression"]!;
        Assert.All(alarm["Metrics"]!.AsArray().Where(m => m!["MetricStat"] is not null), m => Assert.Contains((string)m!["Id"]!, expression, StringComparison.Ordinal));
    }

    private static JsonObject Resource(string logicalId, string type)
    {
        var resource = Template["Resources"]![logicalId];
        Assert.NotNull(resource);
        Assert.Equal(type, (string?)resource["Type"]);
        return resource["Properties"]!.AsObject();
    }
}

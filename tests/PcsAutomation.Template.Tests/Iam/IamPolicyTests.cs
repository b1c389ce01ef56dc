using PcsAutomation.Template.Tests.Yaml;

namespace PcsAutomation.Template.Tests.Iam;

/// <summary>Least privilege, checked on the real template: the rules issue 5 sets for the rotation's roles.</summary>
public class IamPolicyTests
{
    /// <summary>
    /// Actions AWS authorizes on no resource type: a statement may name them only with <c>Resource: "*"</c>
    /// (Service Authorization Reference). Anything else on <c>"*"</c> must be conditioned.
    /// </summary>
    private static readonly HashSet<string> ResourceStarOnlyActions = new(StringComparer.Ordinal)
    {
        "ec2:DescribeInstances", "ec2:DescribeImages", "ec2:DescribeVpcs", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups",
        "ec2:DescribeLaunchTemplates", "ec2:DescribeLaunchTemplateVersions", "ec2:DescribeInstanceTypes",
        "ec2:DescribeInstanceTypeOfferings", "pcs:ListClusters", "ssm:GetCommandInvocation",
        // the guide's administrator policy grants them on "*" (L9101-9105), as AWS's managed policy
        // AWSEC2CapacityReservationFleetRolePolicy does DescribeCapacityReservations
        // (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSEC2CapacityReservationFleetRolePolicy.html)
        "ec2:DescribeCapacityReservations", "ec2:DescribeCapacityBlocks",
        "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
        "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups",
        "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets",
    };

    private static readonly string[] ThisStateMachine =
    [
        """{"Ref":"ClusterSecretRotationStateMachine"}""",
        """{"Ref":"RotationNoticeStateMachine"}""",
        """{"Ref":"NodeGroupUpdateStateMachine"}""",
        """{"Fn::Sub":"arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:${NamePrefix}-cluster-secret-rotation"}""",
        """{"Ref":"CapacityBlockExpiryStateMachine"}""",
        // the expiry's executions, found by their deterministic names (DescribeExecution)
        """{"Fn::Sub":"arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:${NamePrefix}-capacity-block-expiry:*"}""",
    ];

    private const string ClusterSecrets = "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:pcs!slurm-secret-*";

    [Fact]
    public void Template_RotationRoles_HaveStatements() =>
        Assert.True(Statements().Count(s => s.Owner != "DiagnosticsFunction") > 20, "the rotation roles' statements were read");

    [Fact]
    public void Template_NoStatement_UsesAWildcardAction()
    {
        var wildcards = Statements().Where(s => s.Actions.Any(a => a.Contains('*', StringComparison.Ordinal))).Select(s => s.ToString());

        Assert.Empty(wildcards);
    }

    [Fact]
    public void Template_SecretsManagerPermissions_AreScopedToClusterSecrets()
    {
        var statements = Statements().Where(s => s.Actions.Any(a => a.StartsWith("secretsmanager:", StringComparison.Ordinal))).ToList();

        Assert.NotEmpty(statements);
        Assert.All(statements, s => Assert.Equal([$$"""{"Fn::Sub":"{{ClusterSecrets}}"}"""], s.Resources));
    }

    [Fact]
    public void Template_OnlyTheTokenMintingFunctions_ReadSecretValues()
    {
        // BYO login nodes fetch the key with their own instance role. Only the job protection steps hold it, to mint
        // Slurm REST tokens (issue 12), and only the cluster secrets' (Template_SecretsManagerPermissions_AreScopedToClusterSecrets).
        var reads = Statements().Where(s => s.Actions.Any(a => a is "secretsmanager:GetSecretValue" or "kms:Decrypt" && s.Owner.EndsWith("Function", StringComparison.Ordinal)));

        Assert.Equal(
            ["DrainCanaryNodesFunction", "PlanJobProtectionFunction", "ReleaseJobProtectionFunction", "ResumeCanaryNodesFunction", "WaitForRunningJobsFunction"],
            reads.Select(s => s.Owner).Distinct().Order(StringComparer.Ordinal));
        Assert.All(reads, s => Assert.Equal(["secretsmanager:GetSecretValue"], s.Actions));
    }

    [Fact]
    public void Template_ResourceStar_OnlyForActionsWithoutResourceTypesOrConditioned()
    {
        var statements = Statements();
        var updaters = statements.Where(s => s.Actions.Contains("pcs:UpdateComputeNodeGroup")).Select(s => s.Owner).ToHashSet(StringComparer.Ordinal);
        var loose = statements
            .Where(s => s.Resources.Contains("*") && s.Condition is null)
            .SelectMany(s => s.Actions.Where(a => !ResourceStarOnlyActions.Contains(a) && !DocumentedOnResourceStar(s.Owner, a, updaters)).Select(a => $"{s}: {a}"));

        Assert.Empty(loose);
    }

    /// <summary>The guide's minimum for UpdateComputeNodeGroup names its EC2 actions on Resource "*" (L9081-9105), for its callers only.</summary>
    private static bool DocumentedOnResourceStar(string owner, string action, HashSet<string> updaters) =>
        updaters.Contains(owner) && PcsGuidePermissions.UpdateComputeNodeGroupEc2.Contains(action);

    [Fact]
    public void Template_PcsActions_AreScopedToTheAccountsClusters()
    {
        var unscoped = Statements()
            .Where(s => s.Actions.Any(a => a.StartsWith("pcs:", StringComparison.Ordinal) && a != "pcs:ListClusters"))
            .Where(s => s.Resources.Any(r => !r.Contains(":pcs:${AWS::Region}:${AWS::AccountId}:cluster/", StringComparison.Ordinal)))
            .Select(s => s.ToString());

        Assert.Empty(unscoped);
    }

    [Fact]
    public void Template_LeaseTablePermissions_AreOnTheLeaseTableOnly()
    {
        var statements = Statements().Where(s => s.Actions.Any(a => a.StartsWith("dynamodb:", StringComparison.Ordinal))).ToList();

        Assert.NotEmpty(statements);
        Assert.All(statements, s => Assert.Equal(["""{"Fn::GetAtt":["ClusterLeaseTable","Arn"]}"""], s.Resources));
    }

    [Theory]
    [InlineData("states:StartExecution", "AmiUpdateReconcilerFunction,CapacityBlockEventRouterFunction,CapacityBlockReconcilerFunction,NodeGroupAmiAuditFunction,RotationReconcilerFunction")]
    [InlineData("states:SendTaskSuccess", "RotationEventRouterFunction")]
    [InlineData("ssm:SendCommand", "RefreshLoginNodesFunction")]
    [InlineData("secretsmanager:RotateSecret", "RotateClusterSecretFunction")]
    [InlineData("pcs:UpdateComputeNodeGroup",
        "ParkNodeGroupsFunction,RestoreNodeGroupsFunction,RestoreParkedNodeGroupsFunction,RollbackNodeGroupsFunction,ScaleNodeGroupsToZeroFunction,SwitchLaunchTemplatesFunction,UpdateNodeGroupFunction")]
    [InlineData("ec2:CreateLaunchTemplateVersion", "RestoreParkedNodeGroupsFunction,SwitchLaunchTemplatesFunction,UpdateNodeGroupFunction")]
    [InlineData("pcs:UpdateQueue", "UpdateExpiryQueueFunction")]
    [InlineData("dynamodb:PutItem", "AcquireClusterLeaseFunction,ParkNodeGroupsFunction")]
    [InlineData("dynamodb:DeleteItem", "ReleaseClusterLeaseFunction,ReportCapacityBlockExpiryFunction")]
    [InlineData("events:PutEvents", "CapacityBlockExpiryStateMachine,ClusterSecretRotationStateMachine,NodeGroupUpdateStateMachine,RotationNoticeStateMachine")]
    [InlineData("sns:Publish", "CapacityBlockExpiryStateMachine,ClusterSecretRotationStateMachine,NodeGroupUpdateStateMachine,RotationNoticeStateMachine")]
    public void Template_MutatingAction_IsGrantedOnlyToTheStepsThatNeedIt(string action, string owners) =>
        Assert.Equal(owners.Split(','), Statements().Where(s => s.Actions.Contains(action)).Select(s => s.Owner).Distinct().Order(StringComparer.Ordinal));

    [Fact]
    public void Template_StateMachineCalls_AreScopedToThisStacksStateMachines()
    {
        var statements = Statements().Where(s => s.Actions.Any(a => a.StartsWith("states:", StringComparison.Ordinal))).ToList();

        Assert.NotEmpty(statements);
        Assert.All(statements, s => Assert.All(s.Resources, r => Assert.Contains(r, ThisStateMachine)));
    }

    [Fact]
    public void Read_UnrenderedTemplate_FailsAskingToRenderIt()
    {
        var template = CloudFormationYaml.Parse("""
            Conditions:
              On: !Equals [a, b]
            Resources:
              F:
                Type: AWS::Serverless::Function
                Properties:
                  Policies:
                    - Statement:
                        - {Effect: Allow, Action: [ec2:RunInstances], Resource: '*', Condition: !If [On, {Bool: {x: 'true'}}, !Ref AWS::NoValue]}
            """)!;

        var error = Assert.Throws<InvalidOperationException>(() => IamStatements.Read(template));

        Assert.Contains("render the template first", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The template as deployed with its parameter defaults.</summary>
    private static IReadOnlyList<IamStatement> Statements() => IamStatements.Read(TemplateConditions.Load());
}

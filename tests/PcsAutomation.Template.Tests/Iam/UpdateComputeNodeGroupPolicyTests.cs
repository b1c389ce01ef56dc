namespace PcsAutomation.Template.Tests.Iam;

/// <summary>
/// The functions that call UpdateComputeNodeGroup hold exactly the PCS user guide's minimum for it (PCS checks the
/// caller's EC2 and IAM permissions), defined once; the unverified aws:ViaAWSService tightening only on request.
/// </summary>
public class UpdateComputeNodeGroupPolicyTests
{
    private static readonly string[] Launches = ["ec2:RunInstances", "ec2:CreateFleet", "ec2:CreateTags"];

    private static readonly string[] PcsInstanceRoles =
    [
        """{"Fn::Sub":"arn:${AWS::Partition}:iam::${AWS::AccountId}:role/AWSPCS*"}""",
        """{"Fn::Sub":"arn:${AWS::Partition}:iam::${AWS::AccountId}:role/*/AWSPCS*"}""",
        """{"Fn::Sub":"arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-pcs/*"}""",
        """{"Fn::Sub":"arn:${AWS::Partition}:iam::${AWS::AccountId}:role/*/aws-pcs/*"}""",
    ];

    [Fact]
    public void Template_UpdateComputeNodeGroupCallers_AreTheScalingRolloutAndExpiryFunctions() =>
        Assert.Equal(
            ["ParkNodeGroupsFunction", "RestoreNodeGroupsFunction", "RestoreParkedNodeGroupsFunction", "RollbackNodeGroupsFunction", "ScaleNodeGroupsToZeroFunction",
             "SwitchLaunchTemplatesFunction", "UpdateNodeGroupFunction"],
            Callers(Statements()));

    [Fact]
    public void Template_EachCaller_HoldsTheGuidesEc2MinimumOnResourceStarWithoutCondition()
    {
        var statements = Statements();

        Assert.All(Callers(statements), owner =>
        {
            var granted = statements.Where(s => s.Owner == owner && s.Resources.SequenceEqual(["*"]) && s.Condition is null)
                .SelectMany(s => s.Actions).ToHashSet(StringComparer.Ordinal);
            Assert.Subset(granted, PcsGuidePermissions.UpdateComputeNodeGroupEc2.ToHashSet(StringComparer.Ordinal));
        });
    }

    [Fact]
    public void Template_UpdateComputeNodeGroupPolicy_GrantsExactlyTheGuidesEc2List()
    {
        var ec2 = Statements().Where(s => s.Policy == "UpdateComputeNodeGroupPolicy")
            .SelectMany(s => s.Actions).Where(a => a.StartsWith("ec2:", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(PcsGuidePermissions.UpdateComputeNodeGroupEc2.Order(StringComparer.Ordinal), ec2.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Template_EachCaller_MayCheckCapacityBlocks()
    {
        var statements = Statements();

        Assert.All(Callers(statements), owner => Assert.Subset(
            statements.Where(s => s.Owner == owner && s.Resources.Contains("*")).SelectMany(s => s.Actions).ToHashSet(StringComparer.Ordinal),
            PcsGuidePermissions.CapacityBlocks.ToHashSet(StringComparer.Ordinal)));
    }

    [Fact]
    public void Template_EachCaller_PassesOnlyPcsInstanceRolesToEc2()
    {
        var statements = Statements();

        Assert.All(Callers(statements), owner =>
        {
            var passRole = Assert.Single(statements, s => s.Owner == owner && s.Actions.Contains("iam:PassRole"));
            Assert.Equal(PcsInstanceRoles, passRole.Resources);
            Assert.Equal("""{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}""", passRole.Condition?.ToJsonString());
            Assert.Contains(statements, s => s.Owner == owner && s.Actions.Contains("iam:GetInstanceProfile"));
        });
    }

    [Fact]
    public void Template_UpdateComputeNodeGroupPermissions_AreDefinedOnce()
    {
        var sources = Statements().Where(s => s.Actions.Contains("pcs:UpdateComputeNodeGroup") || s.Actions.Contains("iam:PassRole"))
            .Select(s => s.Policy ?? $"inline in {s.Owner}").Distinct().ToList();

        Assert.Equal(["UpdateComputeNodeGroupPolicy"], sources);
    }

    [Fact]
    public void Template_InstanceLaunches_ByDefault_CarryNoCondition()
    {
        var launches = Statements().Where(s => s.Actions.Intersect(Launches).Any()).ToList();

        Assert.NotEmpty(launches);
        Assert.All(launches, s => Assert.Null(s.Condition));
    }

    [Fact]
    public void Template_InstanceLaunches_WithRestrictEc2LaunchesToPcs_OnlyThroughPcs()
    {
        var launches = Statements(("RestrictEc2LaunchesToPcs", "true")).Where(s => s.Actions.Intersect(Launches).Any()).ToList();

        Assert.NotEmpty(launches);
        Assert.All(launches, s => Assert.Equal("""{"Bool":{"aws:ViaAWSService":"true"}}""", s.Condition?.ToJsonString()));
    }

    [Fact]
    public void Template_RestrictEc2LaunchesToPcs_ChangesOnlyTheLaunchCondition()
    {
        static string Describe(IamStatement s) => s.Actions.Intersect(Launches).Any() ? s.ToString() : $"{s} if {s.Condition?.ToJsonString()}";

        Assert.Equal(Statements().Select(Describe), Statements(("RestrictEc2LaunchesToPcs", "true")).Select(Describe));
    }

    [Fact]
    public void Template_RestrictEc2LaunchesToPcs_IsOffByDefault()
    {
        var parameter = TemplateConditions.Load()["Parameters"]!["RestrictEc2LaunchesToPcs"]!;

        Assert.Equal("false", (string?)parameter["Default"]);
        Assert.Equal("""["true","false"]""", parameter["AllowedValues"]!.ToJsonString());
    }

    [Fact]
    public void Guide_CapacityBlockMinimum_IsTheListHere()
    {
        // guide L9048: the section the template cites
        Assert.Equal("## Autorisations minimales pour utiliser les blocs de capacité", PcsGuidePermissions.GuideLines[9048 - 1]);

        var listed = PcsGuidePermissions.Actions(PcsGuidePermissions.Section("## Autorisations minimales pour utiliser les blocs de capacité"), "ec2");

        Assert.Equal(PcsGuidePermissions.CapacityBlocks.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Guide_AdministratorPolicy_HoldsEveryActionOfTheMinimumHere()
    {
        // guide L9060 and L9116: the administrator policy and its PassRole statement, where the template cites them
        Assert.Equal("## Autorisations minimales pour un administrateur de service", PcsGuidePermissions.GuideLines[9060 - 1]);
        Assert.Equal("\"Sid\": \"IamPassRole\",", PcsGuidePermissions.GuideLines[9116 - 1].Trim());
        var section = PcsGuidePermissions.Section("## Autorisations minimales pour un administrateur de service");

        Assert.Subset(PcsGuidePermissions.Actions(section, "ec2").ToHashSet(StringComparer.Ordinal), PcsGuidePermissions.UpdateComputeNodeGroupEc2.ToHashSet(StringComparer.Ordinal));
        Assert.Subset(PcsGuidePermissions.Actions(section, "iam").ToHashSet(StringComparer.Ordinal), PcsGuidePermissions.UpdateComputeNodeGroupIam.ToHashSet(StringComparer.Ordinal));
    }

    private static List<string> Callers(IReadOnlyList<IamStatement> statements)
    {
        var callers = statements.Where(s => s.Actions.Contains("pcs:UpdateComputeNodeGroup")).Select(s => s.Owner).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(callers);
        return callers;
    }

    private static IReadOnlyList<IamStatement> Statements(params (string Name, string Value)[] parameters) =>
        IamStatements.Read(TemplateConditions.Load(parameters));
}

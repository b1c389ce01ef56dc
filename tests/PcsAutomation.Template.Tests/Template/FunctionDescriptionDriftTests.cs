using System.Text.Json.Nodes;
using PcsAutomation.Functions;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Template.Tests.Yaml;

namespace PcsAutomation.Template.Tests.Template;

/// <summary>
/// template.yaml against the handlers' [LambdaFunction] attributes (the generated <see cref="LambdaFunctions"/>): every
/// function's Handler, MemorySize and Timeout (Globals applied), Runtime, environment variable names and policies.
/// </summary>
public class FunctionDescriptionDriftTests
{
    [Fact]
    public void Template_EveryFunction_MatchesItsLambdaFunctionAttribute()
    {
        var functions = Functions(CloudFormationYaml.Load(RepoPaths.Template)!);
        Assert.True(LambdaFunctions.All.Count >= 30, $"only {LambdaFunctions.All.Count} [LambdaFunction] handlers generated"); // non-vacuity

        var drift = FunctionDrift.Find(LambdaFunctions.All, LambdaFunctions.Runtime, functions);

        Assert.True(drift.Count == 0, string.Join('\n', drift));
    }

    [Fact]
    public void Template_EveryRegistryName_IsDescribed()
    {
        Assert.Equal(HandlerRegistry.Names, LambdaFunctions.All.Select(f => f.Handler));
    }

    [Fact]
    public void Drift_MemorySizeChangedInTemplate_NamesFunctionFieldAndBothValues()
    {
        var template = CloudFormationYaml.Load(RepoPaths.Template)!;
        template["Resources"]!["RestoreNodeGroupsFunction"]!["Properties"]!["MemorySize"] = 512;

        var drift = FunctionDrift.Find(LambdaFunctions.All, LambdaFunctions.Runtime, Functions(template));

        Assert.Equal(["RestoreNodeGroupsFunction: MemorySize is 512 in template.yaml, 256 in [LambdaFunction] on RestoreNodeGroupsHandler"], drift);
    }

    [Fact]
    public void Drift_TimeoutChangedInGlobals_NamesEveryFunctionThatInheritsIt()
    {
        var template = CloudFormationYaml.Load(RepoPaths.Template)!;
        template["Globals"]!["Function"]!["Timeout"] = 45;

        var drift = FunctionDrift.Find(LambdaFunctions.All, LambdaFunctions.Runtime, Functions(template));

        Assert.Contains("DiagnosticsFunction: Timeout is 45 in template.yaml, 30 in [LambdaFunction] on DiagnosticsHandler", drift);
        Assert.DoesNotContain(drift, d => d.StartsWith("RotationReconcilerFunction:", StringComparison.Ordinal)); // its own 120 s wins
    }

    [Fact]
    public void Drift_HandlerRenamedInTemplate_NamesBothHandlers()
    {
        var drift = Find(Function("PlanFunction", "Handler: PlanRotation"), Declared("PlanFunction", "Plan"));

        Assert.Equal(["PlanFunction: Handler is PlanRotation in template.yaml, Plan in [LambdaFunction] on PlanHandler"], drift);
    }

    [Fact]
    public void Drift_EnvironmentAndPolicies_ListWhatEachSideHasAlone()
    {
        var drift = Find(
            Function("PlanFunction", """
                Handler: Plan
                Environment: {Variables: {TABLE: !Ref Table, ARN: x}}
                Policies:
                  - !Ref ReadPolicy
                  - Statement: [{Sid: PcsRead, Effect: Allow, Action: ['pcs:GetCluster'], Resource: '*'}]
                """),
            Declared("PlanFunction", "Plan", environment: ["TABLE", "QUEUE"], policies: ["@ReadPolicy", "PcsWrite"]));

        Assert.Equal(
            [
                "PlanFunction: Environment variables differ: ARN in template.yaml only; QUEUE in [LambdaFunction] on PlanHandler only",
                "PlanFunction: Policies differ: PcsRead in template.yaml only; PcsWrite in [LambdaFunction] on PlanHandler only",
            ],
            drift);
    }

    [Fact]
    public void Drift_FunctionWithoutAttribute_SaysWhichAttributeToAddWhere()
    {
        var drift = Find(Function("ProtectJobsFunction", """
            Handler: ProtectJobs
            Timeout: 60
            Environment: {Variables: {QUEUE_ARN: !Ref Queue}}
            Policies: [!Ref ReadPolicy, {Statement: [{Sid: PcsRead, Effect: Allow, Action: ['pcs:GetCluster'], Resource: '*'}]}]
            """));

        Assert.Equal(
            ["""ProtectJobsFunction: in template.yaml (Handler ProtectJobs) but no handler class declares it: add [LambdaFunction(Timeout = 60, Environment = ["QUEUE_ARN"], Policies = "@ReadPolicy, PcsRead")] to the class ProtectJobsHandler (its Create(FunctionServices) is what the registry calls)"""],
            drift);
    }

    [Fact]
    public void Drift_AttributeWithoutTemplateFunction_SaysToAddTheResourceOrRemoveTheAttribute()
    {
        var drift = Find(Function("PlanFunction", "Handler: Plan"), Declared("PlanFunction", "Plan"), Declared("ExtraFunction", "Extra"));

        Assert.Equal(
            ["ExtraFunction: declared by [LambdaFunction] on ExtraHandler (Handler Extra), but template.yaml has no such AWS::Serverless::Function: " +
             "add it (Handler: Extra, and a build-ExtraFunction line in the Makefile's FUNCTIONS), or remove the attribute"],
            drift);
    }

    [Fact]
    public void Drift_ResourceRenamed_SaysWhichNameToSet()
    {
        var drift = Find(Function("PlanStepFunction", "Handler: Plan"), Declared("PlanFunction", "Plan"));

        Assert.Contains("PlanStepFunction: ResourceName is PlanStepFunction in template.yaml, PlanFunction in [LambdaFunction] on PlanHandler: " +
            "set ResourceName = \"PlanStepFunction\" or rename the resource", drift);
    }

    [Fact]
    public void Drift_SameValuesOnBothSides_IsEmpty()
    {
        Assert.Empty(Find(Function("PlanFunction", "Handler: Plan"), Declared("PlanFunction", "Plan")));
    }

    private static IReadOnlyList<SamFunction> Functions(JsonNode template) => SamTemplate.Functions(template);

    private static IReadOnlyList<string> Find(SamFunction function, params LambdaFunctionDescription[] declared) =>
        FunctionDrift.Find(declared, "provided.al2023", [function]);

    /// <summary>One function in a template with the real one's Globals (runtime, 256 MB, 30 s, one variable).</summary>
    private static SamFunction Function(string logicalId, string properties)
    {
        var indented = string.Join('\n', properties.Split('\n').Select(line => "      " + line));
        var template = CloudFormationYaml.Parse($$"""
            Globals:
              Function:
                Runtime: provided.al2023
                MemorySize: 256
                Timeout: 30
                Environment: {Variables: {STACK: !Ref AWS::StackName} }
            Resources:
              {{logicalId}}:
                Type: AWS::Serverless::Function
                Properties:
            {{indented}}
            """)!;
        return Functions(template).Single();
    }

    private static LambdaFunctionDescription Declared(string resource, string handler, string[]? environment = null, string[]? policies = null) =>
        new(resource, handler, $"Demo.{handler}Handler", 256, 30, ["STACK", .. environment ?? []], policies ?? []);
}

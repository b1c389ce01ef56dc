using PcsAutomation.Functions.Generators.Tests.Support;
using PcsAutomation.Lambda.Annotations;
using static PcsAutomation.Functions.Generators.Tests.Support.HandlerSources;

namespace PcsAutomation.Functions.Generators.Tests;

/// <summary>The registry and descriptions follow the handler classes: added, renamed and removed handlers change them.</summary>
public class HandlerGeneratorTests
{
    [Fact]
    public void Registry_TwoHandlers_ServesBothByClassNameWithoutSuffixInOrdinalOrder()
    {
        var bootstrap = Compile(Globals, Handler("RestoreNodeGroupsHandler"), Handler("PlanRotationHandler"));

        Assert.Equal(["PlanRotation", "RestoreNodeGroups"], bootstrap.Names);
        Assert.NotNull(bootstrap.TryCreate("PlanRotation"));
        Assert.NotNull(bootstrap.TryCreate("RestoreNodeGroups"));
        Assert.Null(bootstrap.TryCreate("RestoreNodeGroupsHandler"));
        Assert.True(bootstrap.IsKnown("PlanRotation"));
        Assert.False(bootstrap.IsKnown("planrotation")); // Lambda passes _HANDLER as written: ordinal, like the old dictionary
    }

    [Fact]
    public void Registry_HandlerAdded_IsServedAfterTheNextRun()
    {
        var harness = GeneratorHarness.For(Globals, Handler("PlanRotationHandler"));
        Assert.Equal(["PlanRotation"], harness.Run().Load().Names);

        harness.Add(Handler("CheckLoginNodesHandler"), "Added.cs");
        var bootstrap = harness.Run().Load();

        Assert.Equal(["CheckLoginNodes", "PlanRotation"], bootstrap.Names);
        Assert.NotNull(bootstrap.TryCreate("CheckLoginNodes"));
    }

    [Fact]
    public void Registry_HandlerClassRenamed_ServesTheNewNameOnly()
    {
        var harness = GeneratorHarness.For(Globals, Handler("PlanRotationHandler"), Handler("RestoreNodeGroupsHandler"));
        Assert.Contains("RestoreNodeGroups", harness.Run().Load().Names);

        harness.Replace(2, Handler("RestoreScalingHandler"));
        var bootstrap = harness.Run().Load();

        Assert.Equal(["PlanRotation", "RestoreScaling"], bootstrap.Names);
        Assert.Null(bootstrap.TryCreate("RestoreNodeGroups"));
        Assert.Equal("RestoreScalingFunction", bootstrap.Functions.Single(f => f.Handler == "RestoreScaling").ResourceName);
    }

    [Fact]
    public void Registry_HandlerNameSetInAttribute_KeepsTheNameThroughAClassRename()
    {
        var harness = GeneratorHarness.For(Handler("RestoreNodeGroupsHandler", """[LambdaFunction(Handler = "RestoreNodeGroups")]"""));
        harness.Run();

        harness.Replace(0, Handler("RestoreScalingHandler", """[LambdaFunction(Handler = "RestoreNodeGroups")]"""));

        Assert.Equal(["RestoreNodeGroups"], harness.Run().Load().Names);
    }

    [Fact]
    public void Registry_HandlerRemoved_IsNoLongerServed()
    {
        var harness = GeneratorHarness.For(Globals, Handler("PlanRotationHandler"), Handler("RestoreNodeGroupsHandler"));
        Assert.Equal(2, harness.Run().Load().Names.Count);

        harness.Remove(2);
        var bootstrap = harness.Run().Load();

        Assert.Equal(["PlanRotation"], bootstrap.Names);
        Assert.Null(bootstrap.TryCreate("RestoreNodeGroups"));
        Assert.DoesNotContain(bootstrap.Functions, f => f.Handler == "RestoreNodeGroups");
    }

    [Fact]
    public void Registry_AttributeRemoved_IsNoLongerServed()
    {
        var harness = GeneratorHarness.For(Handler("PlanRotationHandler"), Handler("RestoreNodeGroupsHandler"));
        harness.Run();

        harness.Replace(1, Handler("RestoreNodeGroupsHandler", attribute: ""));

        Assert.Equal(["PlanRotation"], harness.Run().Load().Names);
    }

    [Fact]
    public void Registry_TwoClassesOneName_ServesTheFirstInOrdinalOrderOnly()
    {
        var run = GeneratorHarness.For(Handler("PlanHandler", ns: "Other"), Handler("PlanHandler")).Run();

        Assert.Equal("PCSGEN001", Assert.Single(run.GeneratorDiagnostics).Id);
        var bootstrap = run.Load();
        Assert.Equal(["Plan"], bootstrap.Names);
        Assert.Equal("Demo.PlanHandler", Assert.Single(bootstrap.Functions).HandlerType);
    }

    [Fact]
    public void Registry_NoHandler_CompilesAndServesNothing()
    {
        var bootstrap = Compile(Globals);

        Assert.Empty(bootstrap.Names);
        Assert.Empty(bootstrap.Functions);
        Assert.False(bootstrap.IsKnown("Diagnostics"));
    }

    [Fact]
    public void Descriptions_GlobalsAndOverrides_AreAppliedLikeSamGlobals()
    {
        var bootstrap = Compile(
            Globals,
            Handler("PlanRotationHandler"),
            Handler("RotationReconcilerHandler", """
                [LambdaFunction(ResourceName = "ReconcilerFunction", MemorySize = 512, Timeout = 120, Environment = ["ARN", "TABLE"],
                    Policies = "@CapacityFactsReadPolicy, PcsRead ,, StartRotations")]
                """));

        Assert.Equal("provided.al2023", bootstrap.Runtime);
        Assert.Equal(
            [
                new LambdaFunctionDescription("PlanRotationFunction", "PlanRotation", "Demo.PlanRotationHandler", 256, 30, ["STACK", "TABLE"], []),
                new LambdaFunctionDescription("ReconcilerFunction", "RotationReconciler", "Demo.RotationReconcilerHandler", 512, 120,
                    ["STACK", "TABLE", "ARN"], ["@CapacityFactsReadPolicy", "PcsRead", "StartRotations"]),
            ],
            bootstrap.Functions,
            DescriptionComparer.Instance);
    }

    [Fact]
    public void Descriptions_EnvironmentSetToNull_IsEmpty()
    {
        // a null array argument has no values to read: the generator must not fail on it (it did, before the IsNull check)
        var function = Compile(Handler("PlanRotationHandler", "[LambdaFunction(Environment = null, Policies = null)]")).Functions.Single();

        Assert.Empty(function.Environment);
        Assert.Empty(function.Policies);
    }

    [Fact]
    public void Descriptions_NoGlobals_LeaveMemoryAndTimeoutUnset()
    {
        var function = Compile(Handler("PlanRotationHandler")).Functions.Single();

        Assert.Equal((0u, 0u), (function.MemorySize, function.Timeout));
        Assert.Empty(function.Environment);
    }

    private static CompiledBootstrap Compile(params string[] sources)
    {
        var run = GeneratorHarness.For(sources).Run();
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
        return run.Load();
    }
}

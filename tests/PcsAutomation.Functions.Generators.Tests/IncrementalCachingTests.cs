using Microsoft.CodeAnalysis;
using PcsAutomation.Functions.Generators.Tests.Support;
using static PcsAutomation.Functions.Generators.Tests.Support.HandlerSources;

namespace PcsAutomation.Functions.Generators.Tests;

/// <summary>An edit elsewhere in the bootstrap does not read the handlers again nor write the registry again.</summary>
public class IncrementalCachingTests
{
    private static readonly IncrementalStepRunReason[] Reused = [IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged];

    [Fact]
    public void Generator_UnrelatedSourceAdded_ReusesHandlersAndSkipsTheOutput()
    {
        var harness = GeneratorHarness.For(Globals, Handler("PlanRotationHandler"), Handler("RestoreNodeGroupsHandler"));
        harness.Run();

        harness.Add("namespace Demo; public static class Unrelated { public const int Answer = 42; }", "Unrelated.cs");
        var run = harness.Run();

        var handlers = Outputs(run.Result.TrackedSteps[HandlerGenerator.HandlersStep]);
        Assert.Equal(2, handlers.Count);
        Assert.All(handlers, reason => Assert.Contains(reason, Reused));
        Assert.All(Outputs(run.Result.TrackedSteps[HandlerGenerator.GlobalsStep]), reason => Assert.Equal(IncrementalStepRunReason.Unchanged, reason));
        var output = Outputs(run.Result.TrackedOutputSteps.SelectMany(step => step.Value));
        Assert.NotEmpty(output);
        Assert.All(output, reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void Generator_HandlerAttributeChanged_RunsTheOutputAgain()
    {
        // the other side of the test above: the tracking does see a change that matters
        var harness = GeneratorHarness.For(Globals, Handler("PlanRotationHandler"));
        harness.Run();

        harness.Replace(1, Handler("PlanRotationHandler", "[LambdaFunction(Timeout = 60)]"));
        var run = harness.Run();

        Assert.Contains(IncrementalStepRunReason.Modified, Outputs(run.Result.TrackedSteps[HandlerGenerator.HandlersStep]));
        Assert.Contains(IncrementalStepRunReason.Modified, Outputs(run.Result.TrackedOutputSteps.SelectMany(step => step.Value)));
    }

    private static List<IncrementalStepRunReason> Outputs(IEnumerable<IncrementalGeneratorRunStep> steps) =>
        [.. steps.SelectMany(step => step.Outputs).Select(output => output.Reason)];
}

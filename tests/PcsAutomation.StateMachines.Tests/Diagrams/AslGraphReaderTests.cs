using PcsAutomation.StateMachines.Diagrams;

namespace PcsAutomation.StateMachines.Tests.Diagrams;

public class AslGraphReaderTests
{
    [Fact]
    public void Read_PollingLoop_EveryTransitionWithItsKindAndLabel()
    {
        var graph = AslGraphReader.Read("polling", Definitions.Polling);

        Assert.Equal(["Start", "IsDone", "Wait", "Done", "Failed"], graph.Root.States.Select(s => s.Name));
        Assert.Equal(
            [
                new StateEdge("Start", "IsDone", EdgeKind.Next, ""),
                new StateEdge("Start", "Failed", EdgeKind.Catch, "catch States.ALL"),
                new StateEdge("IsDone", "Done", EdgeKind.Choice, "check.done = true"),
                new StateEdge("IsDone", "Failed", EdgeKind.Choice, "check.attempt ≥ 20"),
                new StateEdge("IsDone", "Wait", EdgeKind.Default, "default"),
                new StateEdge("Wait", "Start", EdgeKind.Next, ""),
            ],
            graph.Root.Edges);
        Assert.Equal(["Transient ×5"], graph.Root.States[0].Retries);
    }

    [Fact]
    public void Read_MapAndParallel_NestedScopesOneBranchEach()
    {
        var graph = AslGraphReader.Read("nested", Definitions.Nested);

        var map = graph.Root.States[0];
        var parallel = graph.Root.States[1];
        Assert.Equal(["EachGroup/iteration"], map.Children.Select(c => c.Id));
        Assert.Equal(["Update", "Check"], map.Children[0].States.Select(s => s.Name));
        Assert.Equal(["Notify/branch-1", "Notify/branch-2"], parallel.Children.Select(c => c.Id));
        Assert.Equal(6, graph.AllStates.Count()); // EachGroup, Update, Check, Notify, Publish, PutEvent
    }

    [Fact]
    public void Read_StateNamedTwice_ErrorNamingIt()
    {
        var twice = Definitions.Nested.Replace("\"PutEvent\"", "\"Publish\"", StringComparison.Ordinal);

        var error = Assert.Throws<FragmentException>(() => AslGraphReader.Read("nested", twice));

        Assert.Contains("state Publish is defined twice", error.Message, StringComparison.Ordinal);
    }
}

using PcsAutomation.Cli.Monitoring;

namespace PcsAutomation.Cli.Tests.Monitoring;

public class StateMachineShapeTests
{
    private static StateMachineShape Definition(string file) =>
        StateMachineShape.Parse(File.ReadAllText(Path.Combine(RepoRoot(), "statemachines", file)));

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "template.yaml"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("template.yaml not found above the test binaries");
    }

    [Fact]
    public void Parse_RotationDefinition_TheDrainLoopWithItsCheckAndResultMember()
    {
        var shape = Definition("cluster-secret-rotation.asl.json");

        var drain = shape.LoopOf("CheckClusterDrained");
        Assert.NotNull(drain);
        Assert.Equal("WaitForDrain", drain.WaitState);
        Assert.Equal(["CheckClusterDrained", "IsDrained", "WaitForDrain"], drain.States.Order(StringComparer.Ordinal));
        Assert.Equal("drain", drain.ResultMembers["CheckClusterDrained"]);
        Assert.Same(drain, shape.LoopOf("WaitForDrain"));
        Assert.Null(shape.LoopOf("ScaleNodeGroupsToZero")); // before the loop, not in it
        Assert.Null(shape.LoopOf("StartDrainPolling"));
        Assert.Equal("Task", shape.TypeOf("ScaleNodeGroupsToZero"));
    }

    [Fact]
    public void Parse_RolloutDefinition_LoopsInsideTheMapAndNotifyBranchesKnowTheirParallel()
    {
        var shape = Definition("node-group-update.asl.json");

        Assert.Equal("WaitForNodeGroup", shape.LoopOf("CheckNodeGroupUpdated")?.WaitState);
        Assert.Equal("check", shape.LoopOf("CheckNodeGroupUpdated")?.ResultMembers["CheckNodeGroupUpdated"]);
        Assert.Equal("WaitForNodeGroupCanary", shape.LoopOf("CheckNodeGroupUpdatedCanary")?.WaitState);
        Assert.Null(shape.LoopOf("UpdateNodeGroup"));
        Assert.Equal("UpdateRemainingNodeGroups", shape.ParentOf("CheckNodeGroupUpdated"));
        Assert.Equal("NotifyStarting", shape.ParentOf("PublishStarting"));
        Assert.Null(shape.ParentOf("UpdateCanary"));
    }

    [Fact]
    public void Parse_ExpiryDefinition_AWaitThatIsNoLoopIsNoLoop()
    {
        var shape = Definition("capacity-block-expiry.asl.json");

        Assert.Equal("Wait", shape.TypeOf("WaitForActionStart"));
        Assert.Null(shape.LoopOf("WaitForActionStart"));
        Assert.Equal("WaitForChangeDrain", shape.LoopOf("CheckCapacityBlockExpiryDrain")?.WaitState);
        Assert.Equal("WaitForLease", shape.LoopOf("AcquireClusterLease")?.WaitState); // the lease is retried through its own wait
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"StartAt":"A"}""")]
    public void Parse_NotADefinition_Unknown(string definition)
    {
        var shape = StateMachineShape.Parse(definition);

        Assert.Same(StateMachineShape.Unknown, shape);
        Assert.Null(shape.LoopOf("A"));
    }

    [Fact]
    public void Parse_ACycleWithoutAWait_IsNoWaitLoop()
    {
        var shape = StateMachineShape.Parse("""
            {"StartAt":"A","States":{
              "A":{"Type":"Task","Resource":"x","Next":"B"},
              "B":{"Type":"Choice","Choices":[{"Variable":"$.again","BooleanEquals":true,"Next":"A"}],"Default":"C"},
              "C":{"Type":"Succeed"}}}
            """);

        Assert.Null(shape.LoopOf("A"));
        Assert.Equal("Choice", shape.TypeOf("B"));
    }
}

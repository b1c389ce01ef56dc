using PcsAutomation.States.Errors;
using PcsAutomation.States.Runtime;
using PcsAutomation.States.Tests.Support;

namespace PcsAutomation.States.Tests.Runtime;

/// <summary>What the Step Functions API reads from an execution: ARNs, names, history events, stop, timeout, accounting.</summary>
public class ExecutionTests
{
    private const string WaitThenSucceed = """
        {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"Next":"S"},"S":{"Type":"Succeed"}}}
        """;

    [Fact]
    public async Task History_EventTypesIdsAndTimestamps()
    {
        var harness = new Harness();
        var execution = await harness.RunAsync(WaitThenSucceed);
        var history = execution.History;
        Assert.Equal(
            ["ExecutionStarted", "WaitStateEntered", "WaitStateExited", "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded"],
            history.Select(e => e.Type));
        Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(e => e.Id));
        Assert.Equal(Enumerable.Range(0, history.Count).Select(i => (long)i), history.Select(e => e.PreviousEventId));
        Assert.Equal(Harness.Epoch.AddHours(1), history.Single(e => e.Type == "WaitStateExited").Timestamp);
        Assert.Equal("W", history[1].Details!["name"]!.GetValue<string>());
        Assert.Equal("arn:aws:states:us-east-1:123456789012:execution:Test:exec", execution.Arn);
        Assert.Equal(Harness.Epoch.AddHours(1), execution.StopDate);
    }

    [Fact]
    public async Task History_MapIterationEvents()
    {
        var execution = await Harness.RunOnceAsync("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"End":true}}}
            """, "[1,2]");
        var types = execution.History.Select(e => e.Type).ToList();
        Assert.Equal(2, types.Count(t => t == "MapIterationStarted"));
        Assert.Equal(2, types.Count(t => t == "MapIterationSucceeded"));
        Assert.Contains("MapStateStarted", types);
        Assert.Equal(2, execution.History.Single(e => e.Type == "MapStateStarted").Details!["length"]!.GetValue<int>());
    }

    [Fact]
    public async Task Stop_RunningExecution_Aborted()
    {
        var harness = new Harness();
        var execution = harness.Start(WaitThenSucceed);
        await harness.Engine.WhenIdleAsync();
        harness.Engine.StopExecution(execution.Arn, "Operator", "stopped by hand");
        await execution.Completion;
        Assert.Equal(ExecutionStatus.Aborted, execution.Status);
        Assert.Equal("ExecutionAborted", execution.History[^1].Type);
        Assert.Equal(("Operator", "stopped by hand"), (execution.Error, execution.Cause));
    }

    [Fact]
    public async Task TimeoutSeconds_OnMachine_TimedOut()
    {
        var harness = new Harness();
        var execution = await harness.RunAsync(WaitThenSucceed.Replace("{\"StartAt\"", "{\"TimeoutSeconds\":60,\"StartAt\"", StringComparison.Ordinal));
        Assert.Equal(ExecutionStatus.TimedOut, execution.Status);
        Assert.Equal("States.Timeout", execution.Error);
        Assert.Equal(Harness.Epoch.AddSeconds(60), execution.StopDate);
    }

    [Fact]
    public void StartExecution_SameNameSameInputWhileRunning_Idempotent_DifferentInput_AlreadyExists()
    {
        var harness = new Harness();
        var first = harness.Start(WaitThenSucceed, """{"a":1}""", "once");
        Assert.Same(first, harness.Start(WaitThenSucceed, """{"a":1}""", "once"));
        var error = Assert.Throws<StatesApiException>(() => harness.Start(WaitThenSucceed, """{"a":2}""", "once"));
        Assert.Equal("ExecutionAlreadyExists", error.Code);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("a/b")]
    [InlineData("")]
    public void StartExecution_BadName_InvalidName(string name)
    {
        var error = Assert.Throws<StatesApiException>(() => new Harness().Start(WaitThenSucceed, "{}", name));
        Assert.Equal("InvalidName", error.Code);
    }

    [Fact]
    public void StartExecution_InvalidJsonInput_InvalidExecutionInput()
    {
        var error = Assert.Throws<StatesApiException>(() => new Harness().Start(WaitThenSucceed, "{nope"));
        Assert.Equal("InvalidExecutionInput", error.Code);
    }

    [Fact]
    public async Task Context_StartTimeAndEnteredTime_FromVirtualClock()
    {
        var execution = await Harness.RunOnceAsync("""
            {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":90,"Next":"P"},
              "P":{"Type":"Pass","Parameters":{"start.$":"$$.Execution.StartTime","entered.$":"$$.State.EnteredTime","id.$":"$$.Execution.Id"},"End":true}}}
            """);
        Harness.AssertJson("""{"start":"2026-01-01T00:00:00.000Z","entered":"2026-01-01T00:01:30.000Z","id":"arn:aws:states:us-east-1:123456789012:execution:Test:exec"}""",
            Harness.Output(execution));
    }

    [Fact]
    public async Task Wait_TimestampPathAndSecondsPath_UseInput()
    {
        var harness = new Harness();
        await harness.RunAsync("""
            {"StartAt":"A","States":{"A":{"Type":"Wait","SecondsPath":"$.s","Next":"B"},"B":{"Type":"Wait","TimestampPath":"$.t","End":true}}}
            """, """{"s":30,"t":"2026-01-01T02:00:00Z"}""");
        Assert.Equal(Harness.Epoch.AddHours(2), harness.Clock.GetUtcNow());
    }
}

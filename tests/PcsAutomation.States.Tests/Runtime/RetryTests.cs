using PcsAutomation.States.Runtime;
using PcsAutomation.States.Tasks;
using PcsAutomation.States.Tests.Support;

namespace PcsAutomation.States.Tests.Runtime;

/// <summary>Retry timing on the virtual clock: intervals, backoff, caps, jitter, defaults, and which errors match.</summary>
public class RetryTests
{
    private static string TaskWithRetry(string retry) => """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Retry":
        """ + retry + "," + """
        "End":true}}}
        """;

    private static FakeTaskInvoker FailingTimes(int failures, string error = "Lambda.ServiceException")
    {
        var calls = 0;
        return new FakeTaskInvoker(_ => ++calls <= failures ? TaskOutcome.Failed(error, "try again") : TaskOutcome.Success(new System.Text.Json.Nodes.JsonObject { ["ok"] = calls }));
    }

    private static double[] SecondsBetweenCalls(FakeTaskInvoker tasks)
    {
        var times = tasks.Calls.Select(c => c.At).ToArray();
        return times.Skip(1).Select((t, i) => (t - times[i]).TotalSeconds).ToArray();
    }

    [Fact]
    public async Task Retry_IntervalAndBackoff_WaitsOnVirtualClock()
    {
        var tasks = FailingTimes(3);
        var execution = await Harness.RunOnceAsync(TaskWithRetry("""[{"ErrorEquals":["Lambda.ServiceException"],"IntervalSeconds":2,"MaxAttempts":3,"BackoffRate":3}]"""), tasks: tasks);
        Harness.AssertJson("""{"ok":4}""", Harness.Output(execution));
        Assert.Equal([2.0, 6.0, 18.0], SecondsBetweenCalls(tasks));
        Assert.Equal(4, execution.TaskInvocations);
        Assert.Equal(4, execution.StateTransitions); // 1 entered + 3 retries
    }

    [Fact]
    public async Task Retry_Defaults_OneSecondDoublingThreeAttempts()
    {
        var tasks = FailingTimes(10);
        var execution = await Harness.RunOnceAsync(TaskWithRetry("""[{"ErrorEquals":["States.ALL"]}]"""), tasks: tasks);
        Assert.Equal("Lambda.ServiceException", execution.Error);
        Assert.Equal([1.0, 2.0, 4.0], SecondsBetweenCalls(tasks));
    }

    [Fact]
    public async Task Retry_MaxAttemptsZero_NeverRetries()
    {
        var tasks = FailingTimes(1);
        var execution = await Harness.RunOnceAsync(TaskWithRetry("""[{"ErrorEquals":["States.ALL"],"MaxAttempts":0}]"""), tasks: tasks);
        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        Assert.Single(tasks.Calls);
    }

    [Fact]
    public async Task Retry_MaxDelaySeconds_CapsBackoff()
    {
        var tasks = FailingTimes(4);
        await Harness.RunOnceAsync(TaskWithRetry("""[{"ErrorEquals":["States.ALL"],"IntervalSeconds":5,"MaxAttempts":4,"BackoffRate":10,"MaxDelaySeconds":60}]"""), tasks: tasks);
        Assert.Equal([5.0, 50.0, 60.0, 60.0], SecondsBetweenCalls(tasks));
    }

    [Fact]
    public async Task Retry_FullJitter_DelaysBelowComputedWithInjectedRandom()
    {
        var tasks = FailingTimes(3);
        var harness = new Harness(tasks, seed: 42);
        await harness.RunAsync(TaskWithRetry("""[{"ErrorEquals":["States.ALL"],"IntervalSeconds":10,"BackoffRate":2,"JitterStrategy":"FULL"}]"""));
        var delays = SecondsBetweenCalls(tasks);
        Assert.All(delays.Zip([10.0, 20.0, 40.0]), pair => Assert.InRange(pair.First, 0, pair.Second));
        Assert.NotEqual([10.0, 20.0, 40.0], delays);
        // Same seed, same delays: jitter is reproducible.
        var again = FailingTimes(3);
        await new Harness(again, seed: 42).RunAsync(TaskWithRetry("""[{"ErrorEquals":["States.ALL"],"IntervalSeconds":10,"BackoffRate":2,"JitterStrategy":"FULL"}]"""));
        Assert.Equal(delays, SecondsBetweenCalls(again));
    }

    [Fact]
    public async Task Retry_FirstMatchingRetrierOnly_SeparateCounts()
    {
        var tasks = FailingTimes(5, "Custom.Error");
        var execution = await Harness.RunOnceAsync(TaskWithRetry("""
            [{"ErrorEquals":["Custom.Error"],"MaxAttempts":1,"IntervalSeconds":1},{"ErrorEquals":["States.ALL"],"MaxAttempts":5,"IntervalSeconds":100}]
            """), tasks: tasks);
        Assert.Equal("Custom.Error", execution.Error);
        Assert.Equal(2, tasks.Calls.Count);
    }

    [Fact]
    public async Task Retry_TaskFailedMatchesNamedErrorsButNotTimeout()
    {
        var tasks = FailingTimes(1, "Lambda.Unknown");
        var execution = await Harness.RunOnceAsync(TaskWithRetry("""[{"ErrorEquals":["States.TaskFailed"]}]"""), tasks: tasks);
        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.False(ErrorMatcher.Matches(["States.TaskFailed"], "States.Timeout"));
        Assert.True(ErrorMatcher.Matches(["States.Timeout"], "States.Timeout"));
        Assert.False(ErrorMatcher.Matches(["States.ALL"], "States.Runtime"));
        Assert.False(ErrorMatcher.Matches(["States.ALL"], "States.DataLimitExceeded"));
        Assert.True(ErrorMatcher.Matches(["States.DataLimitExceeded"], "States.DataLimitExceeded"));
    }

    [Fact]
    public async Task Retry_RetryCountVisibleInContext()
    {
        var tasks = FailingTimes(2);
        await Harness.RunOnceAsync("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
              "Parameters":{"attempt.$":"$$.State.RetryCount"},"Retry":[{"ErrorEquals":["States.ALL"]}],"End":true}}}
            """, tasks: tasks);
        Assert.Equal([0, 1, 2], tasks.Calls.Select(c => c.Invocation.RetryCount));
        Assert.Equal([0, 1, 2], tasks.Calls.Select(c => c.Invocation.Parameters!["attempt"]!.GetValue<int>()));
    }
}

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Tests.Template;
using PcsAutomation.States.Runtime;

namespace PcsAutomation.LocalAws.Tests;

/// <summary>
/// <see cref="LocalAws.RunUntilAsync"/> and <see cref="LocalAws.RunUntilIdleAsync"/>: the virtual clock moves through
/// engine timers, EventBridge rules and schedules, Lambda invocations and scheduled emulator work alike.
/// </summary>
public sealed class LocalAwsTimeTests
{
    [Fact]
    public async Task RunUntilAsync_RuleStartsMachineThatWaitsThenCallsLambda_ExecutionSucceedsAfterTheWait()
    {
        var calls = new ConcurrentQueue<(string Function, string Payload)>();
        await using var aws = TemplateLoaderTests.Fixture(factory: TemplateLoaderTests.Recording(calls));
        var start = aws.Clock.GetUtcNow();

        PutEvent(aws, "fixture.app", "Start Pipeline", """{"cluster":"c1"}""");
        var done = await aws.RunUntilAsync(() => Executions(aws).Any(e => e.IsComplete), TimeSpan.FromHours(1));

        var execution = Executions(aws).Single();
        Assert.True(done);
        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal(TimeSpan.FromMinutes(10), aws.Clock.GetUtcNow() - start); // the Wait state, nothing more
        var (function, payload) = Assert.Single(calls);
        Assert.Equal("EchoFunction", function);
        Assert.Equal("c1", JsonNode.Parse(payload)!["detail"]!["cluster"]!.GetValue<string>());
        Assert.Equal("c1", JsonNode.Parse(execution.Output!)!["echo"]!["detail"]!["cluster"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunUntilAsync_ScheduledFunction_InvokedWithTheScheduleInputEachHour()
    {
        var calls = new ConcurrentQueue<(string Function, string Payload)>();
        await using var aws = TemplateLoaderTests.Fixture(factory: TemplateLoaderTests.Recording(calls));

        var reached = await aws.RunUntilAsync(() => calls.Count >= 2, TimeSpan.FromHours(3));

        Assert.True(reached);
        Assert.All(calls, c => Assert.Equal(("CheckFunction", """{"from":"schedule"}"""), c));
        Assert.Equal(2, aws.DeliveryResults.Count(r => r.Succeeded && r.Delivery.Rule.Name == "CheckFunctionHourly"));
    }

    [Fact]
    public async Task RunUntilAsync_FunctionSleepsOnTheVirtualClock_ClockAdvancedToWakeIt()
    {
        var finished = 0;
        await using var aws = TemplateLoaderTests.Fixture(factory: function => async (_, cancellationToken) =>
        {
            // what an AWS client's retry back-off does: a delay on the clock the function was given
            await Task.Delay(TimeSpan.FromMinutes(5), function.Clock, cancellationToken);
            Interlocked.Increment(ref finished);
            return "{}";
        });
        var start = aws.Clock.GetUtcNow();

        var invocation = aws.Lambda.InvokeAsync("EchoFunction", "{}");
        var reached = await aws.RunUntilAsync(() => Volatile.Read(ref finished) == 1, TimeSpan.FromMinutes(30));

        Assert.True(reached);
        Assert.True((await invocation).Succeeded);
        Assert.Equal(TimeSpan.FromMinutes(5), aws.Clock.GetUtcNow() - start);
    }

    [Fact]
    public async Task RunUntilAsync_ConditionNeverHolds_FalseAtTheLimit()
    {
        await using var aws = TemplateLoaderTests.Fixture(factory: TemplateLoaderTests.Recording(new()));
        var start = aws.Clock.GetUtcNow();

        var reached = await aws.RunUntilAsync(() => false, TimeSpan.FromMinutes(90));

        Assert.False(reached);
        Assert.Equal(TimeSpan.FromMinutes(90), aws.Clock.GetUtcNow() - start);
    }

    [Fact]
    public async Task RunUntilAsync_NothingPending_FalseWithoutMovingTheClock()
    {
        await using var aws = LocalAws.CreateInProcess();
        var start = aws.Clock.GetUtcNow();

        Assert.False(await aws.RunUntilAsync(() => false, TimeSpan.FromDays(1)));
        Assert.Equal(start, aws.Clock.GetUtcNow());
    }

    [Fact]
    public async Task RunUntilIdleAsync_ScheduledWorkAndAWaitingExecution_RunsBothIgnoringRecurringSchedules()
    {
        await using var aws = TemplateLoaderTests.Fixture(factory: TemplateLoaderTests.Recording(new()));
        var fired = false;
        aws.Clock.Schedule(TimeSpan.FromMinutes(30), "test work", () => fired = true);
        PutEvent(aws, "fixture.app", "Start Pipeline", "{}");
        var start = aws.Clock.GetUtcNow();

        var idle = await aws.RunUntilIdleAsync(TimeSpan.FromDays(1));

        Assert.True(idle);
        Assert.True(fired);
        Assert.Equal(ExecutionStatus.Succeeded, Executions(aws).Single().Status);
        Assert.Equal(TimeSpan.FromMinutes(30), aws.Clock.GetUtcNow() - start); // the hourly schedule did not keep it running
    }

    [Fact]
    public async Task RunUntilIdleAsync_MaxShorterThanTheWork_FalseAtTheLimit()
    {
        await using var aws = LocalAws.CreateInProcess();
        aws.Clock.Schedule(TimeSpan.FromHours(2), "late work", () => { });

        Assert.False(await aws.RunUntilIdleAsync(TimeSpan.FromHours(1)));
        Assert.Equal(1, aws.Clock.PendingCount);
    }

    [Fact]
    public async Task RunExecutionToCompletionAsync_ThroughTheEmulator_WaitsForTheLambdaTask()
    {
        await using var aws = TemplateLoaderTests.Fixture(factory: TemplateLoaderTests.Recording(new()));
        var started = aws.Call("states", "StartExecution", new JsonObject
        {
            ["stateMachineArn"] = aws.Template!.StateMachineArns["PipelineStateMachine"],
            ["input"] = """{"detail":{"n":1}}""",
        });

        var execution = await aws.StepFunctions.RunExecutionToCompletionAsync(started["executionArn"]!.GetValue<string>(), TimeSpan.FromHours(1));

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
    }

    internal static void PutEvent(LocalAws aws, string source, string detailType, string detail) =>
        aws.Call("events", "PutEvents", new JsonObject
        {
            ["Entries"] = new JsonArray(new JsonObject { ["Source"] = source, ["DetailType"] = detailType, ["Detail"] = detail }),
        });

    internal static IReadOnlyList<Execution> Executions(LocalAws aws) => [.. aws.StepFunctions.Engine.Executions];
}

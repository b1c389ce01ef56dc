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

    [Fact] // the fleet benchmark's "keeps finding work due ... without moving on": engine timers read the clock mid-jump
    public async Task RunUntilAsync_FunctionAsleepWhileAnotherBranchStillRuns_ClockHoldsUntilTheBranchParks()
    {
        await using var aws = TemplateLoaderTests.Fixture(factory: function => async (_, cancellationToken) =>
        {
            await Task.Delay(TimeSpan.FromMinutes(10), function.Clock, cancellationToken); // a retry back-off
            return "{}";
        });
        var machine = aws.Call("states", "CreateStateMachine", new JsonObject
        {
            ["name"] = "sleeper-and-busy-branch",
            ["roleArn"] = "arn:aws:iam::123456789012:role/fixture",
            ["definition"] = SleeperAndBusyBranch(aws.Template!.Functions.Single(f => f.LogicalId == "EchoFunction").Arn),
        })["stateMachineArn"]!.GetValue<string>();
        var start = aws.Clock.GetUtcNow();

        var arn = aws.Call("states", "StartExecution", new JsonObject { ["stateMachineArn"] = machine })["executionArn"]!.GetValue<string>();
        var execution = await aws.StepFunctions.RunExecutionToCompletionAsync(arn, TimeSpan.FromHours(1));

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        var wait = execution.History.Where(h => h.Type is "WaitStateEntered" or "WaitStateExited").Select(h => h.Timestamp - start).ToList();
        // The busy branch runs no timer before its Wait: it enters the Wait at the start, not when the sleeper wakes.
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(60)], wait);
        Assert.Equal(TimeSpan.FromMinutes(10), execution.StopDate - start);
    }

    /// <summary>Two branches: one Lambda task that sleeps 10 virtual minutes; one loop of 400 Pass/Choice states, then a 60 s Wait.</summary>
    private static string SleeperAndBusyBranch(string functionArn) => $$"""
        {
          "StartAt": "Both",
          "States": {
            "Both": {
              "Type": "Parallel",
              "End": true,
              "Branches": [
                { "StartAt": "Sleep", "States": { "Sleep": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                    "Parameters": { "FunctionName": "{{functionArn}}", "Payload": {} }, "End": true } } },
                { "StartAt": "Zero", "States": {
                    "Zero": { "Type": "Pass", "Result": 0, "ResultPath": "$.n", "Next": "Count" },
                    "Count": { "Type": "Pass", "Parameters": { "n.$": "States.MathAdd($.n, 1)" }, "Next": "Enough" },
                    "Enough": { "Type": "Choice", "Choices": [ { "Variable": "$.n", "NumericLessThan": 200, "Next": "Count" } ], "Default": "Pause" },
                    "Pause": { "Type": "Wait", "Seconds": 60, "End": true } } }
              ]
            }
          }
        }
        """;

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

using PcsAutomation.States.Errors;
using PcsAutomation.States.Runtime;
using PcsAutomation.States.Tasks;
using PcsAutomation.States.Tests.Support;

namespace PcsAutomation.States.Tests.Runtime;

/// <summary><c>.waitForTaskToken</c>: callbacks by token, heartbeats and their timeouts.</summary>
public class TaskTokenTests
{
    private const string WaitForToken = """
        {"StartAt":"Approve","States":{"Approve":{"Type":"Task","Resource":"arn:aws:states:::sns:publish.waitForTaskToken",
          "Parameters":{"Message":{"token.$":"$$.Task.Token"}},"HeartbeatSeconds":60,"TimeoutSeconds":3600,"ResultPath":"$.answer","End":true}}}
        """;

    private static (Harness Harness, FakeTaskInvoker Tasks) Setup()
    {
        var tasks = new FakeTaskInvoker(_ => TaskOutcome.Success(null));
        return (new Harness(tasks), tasks);
    }

    [Fact]
    public async Task Token_SendTaskSuccess_ResumesWithOutput()
    {
        var (harness, tasks) = Setup();
        var execution = harness.Start(WaitForToken, """{"a":1}""");
        await harness.Driver.RunUntilIdleAsync();
        Assert.Equal(ExecutionStatus.Running, execution.Status);
        var call = Assert.Single(tasks.Calls).Invocation;
        Assert.Equal(IntegrationPattern.WaitForTaskToken, call.Pattern);
        Assert.Equal(call.TaskToken, call.Parameters!["Message"]!["token"]!.GetValue<string>());
        harness.Engine.SendTaskSuccess(call.TaskToken!, """{"approved":true}""");
        await harness.Driver.RunToCompletionAsync(execution);
        Harness.AssertJson("""{"a":1,"answer":{"approved":true}}""", Harness.Output(execution));
    }

    [Fact]
    public async Task Token_SendTaskFailure_FailsWithGivenError()
    {
        var (harness, tasks) = Setup();
        var execution = harness.Start(WaitForToken);
        await harness.Driver.RunUntilIdleAsync();
        harness.Engine.SendTaskFailure(tasks.Calls.Single().Invocation.TaskToken!, "Rejected", "operator said no");
        await harness.Driver.RunToCompletionAsync(execution);
        Assert.Equal(("Rejected", "operator said no"), (execution.Error, execution.Cause));
    }

    [Fact]
    public async Task Token_NoHeartbeat_HeartbeatTimeoutAfterHeartbeatSeconds()
    {
        var (harness, _) = Setup();
        var execution = harness.Start(WaitForToken);
        await harness.Driver.RunToCompletionAsync(execution);
        Assert.Equal("States.HeartbeatTimeout", execution.Error);
        Assert.Equal(TimeSpan.FromSeconds(60), harness.Clock.GetUtcNow() - Harness.Epoch);
    }

    [Fact]
    public async Task Token_Heartbeats_KeepTaskAliveUntilTimeoutSeconds()
    {
        var (harness, tasks) = Setup();
        var execution = harness.Start(WaitForToken);
        await harness.Driver.RunUntilIdleAsync();
        var token = tasks.Calls.Single().Invocation.TaskToken!;
        for (var beat = 0; beat < 80; beat++)
        {
            harness.Clock.Advance(TimeSpan.FromSeconds(50));
            await harness.Engine.WhenIdleAsync();
            if (execution.IsComplete)
                break;
            harness.Engine.SendTaskHeartbeat(token);
        }

        Assert.True(execution.IsComplete);
        Assert.Equal("States.Timeout", execution.Error);
        Assert.Equal(TimeSpan.FromSeconds(3600), execution.StopDate - execution.StartDate);
    }

    [Fact]
    public async Task Token_AfterCompletion_CallbackIsTaskTimedOut()
    {
        var (harness, tasks) = Setup();
        var execution = harness.Start(WaitForToken);
        await harness.Driver.RunUntilIdleAsync();
        var token = tasks.Calls.Single().Invocation.TaskToken!;
        harness.Engine.SendTaskSuccess(token, "{}");
        await harness.Driver.RunToCompletionAsync(execution);
        var late = Assert.Throws<StatesApiException>(() => harness.Engine.SendTaskSuccess(token, "{}"));
        Assert.Equal("TaskTimedOut", late.Code);
        Assert.Equal("TaskDoesNotExist", Assert.Throws<StatesApiException>(() => harness.Engine.SendTaskHeartbeat("unknown")).Code);
    }

    [Fact]
    public async Task Token_WorkerAnswersDuringInvoke_StillCompletes()
    {
        Harness? harness = null;
        var tasks = new FakeTaskInvoker(i =>
        {
            harness!.Engine.SendTaskSuccess(i.TaskToken!, "\"fast\"");
            return TaskOutcome.Success(null);
        });
        harness = new Harness(tasks);
        var execution = await harness.RunAsync(WaitForToken);
        Harness.AssertJson("""{"answer":"fast"}""", Harness.Output(execution));
    }
}

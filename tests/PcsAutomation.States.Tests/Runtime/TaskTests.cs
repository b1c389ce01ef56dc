using System.Text.Json.Nodes;
using PcsAutomation.States.Runtime;
using PcsAutomation.States.Tasks;
using PcsAutomation.States.Tests.Support;

namespace PcsAutomation.States.Tests.Runtime;

/// <summary>Task states: parameters to the host, ResultSelector/ResultPath on results, failures, timeouts, catch fallbacks.</summary>
public class TaskTests
{
    [Fact]
    public async Task Task_ParametersResultSelectorResultPath_AsInGuide()
    {
        var tasks = new FakeTaskInvoker(_ => TaskOutcome.Success(JsonNode.Parse("""{"Payload":{"status":"ACTIVE","id":"c-1"},"StatusCode":200}""")));
        var execution = await Harness.RunOnceAsync("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
              "Parameters":{"FunctionName":"GetCluster","Payload":{"clusterId.$":"$.cluster"}},
              "ResultSelector":{"status.$":"$.Payload.status"},"ResultPath":"$.result","End":true}}}
            """, """{"cluster":"c-1"}""", tasks);
        Harness.AssertJson("""{"cluster":"c-1","result":{"status":"ACTIVE"}}""", Harness.Output(execution));
        var call = Assert.Single(tasks.Calls).Invocation;
        Assert.Equal("arn:aws:states:::lambda:invoke", call.BaseResource);
        Harness.AssertJson("""{"FunctionName":"GetCluster","Payload":{"clusterId":"c-1"}}""", call.Parameters);
        Assert.Equal(1, execution.LambdaInvocations);
    }

    [Fact]
    public async Task Task_Failure_CatchFallbackWithErrorAndCause()
    {
        var tasks = new FakeTaskInvoker(_ => TaskOutcome.Failed("Pcs.ConflictException", "cluster is updating"));
        var execution = await Harness.RunOnceAsync("""
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Scale","Next":"Done",
                   "Catch":[{"ErrorEquals":["Pcs.ConflictException"],"ResultPath":"$.failure","Next":"Restore"}]},
              "Restore":{"Type":"Pass","Result":"restored","ResultPath":"$.restore","Next":"Done"},
              "Done":{"Type":"Succeed"}}}
            """, """{"c":1}""", tasks);
        Harness.AssertJson("""{"c":1,"failure":{"Error":"Pcs.ConflictException","Cause":"cluster is updating"},"restore":"restored"}""", Harness.Output(execution));
        Assert.Equal(["T", "Restore", "Done"], execution.VisitedStates);
        Assert.Contains(execution.History, e => e.Type == "LambdaFunctionFailed");
    }

    [Fact]
    public async Task Task_HostThrows_BecomesTaskFailed()
    {
        var tasks = new FakeTaskInvoker(_ => throw new InvalidOperationException("host broke"));
        var execution = await Harness.RunOnceAsync("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","End":true}}}""", tasks: tasks);
        Assert.Equal("States.TaskFailed", execution.Error);
        Assert.Contains("host broke", execution.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Task_HostNeverAnswers_TimeoutSecondsFailsWithStatesTimeout()
    {
        var harness = new Harness(new SilentWorker());
        var execution = harness.Start("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken","TimeoutSeconds":30,
              "Catch":[{"ErrorEquals":["States.Timeout"],"Next":"TimedOut"}],"End":true},
              "TimedOut":{"Type":"Pass","End":true}}}
            """);
        await harness.Driver.RunToCompletionAsync(execution);
        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal(TimeSpan.FromSeconds(30), harness.Clock.GetUtcNow() - Harness.Epoch);
        Assert.Contains(execution.History, e => e.Type == "TaskTimedOut");
    }

    [Fact]
    public async Task Task_TimeoutSecondsPath_ReadFromInput()
    {
        var harness = new Harness(new SilentWorker());
        var execution = harness.Start("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken","TimeoutSecondsPath":"$.t","End":true}}}
            """, """{"t":90}""");
        await harness.Driver.RunToCompletionAsync(execution);
        Assert.Equal("States.Timeout", execution.Error);
        Assert.Equal(TimeSpan.FromSeconds(90), harness.Clock.GetUtcNow() - Harness.Epoch);
    }

    [Fact]
    public async Task Task_ResultTooLarge_DataLimitExceeded()
    {
        var big = new string('x', 300_000);
        var tasks = new FakeTaskInvoker(_ => TaskOutcome.Success(JsonValue.Create(big)));
        var execution = await Harness.RunOnceAsync("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true,
              "Catch":[{"ErrorEquals":["States.ALL"],"Next":"X"}]},"X":{"Type":"Succeed"}}}
            """, tasks: tasks);
        // States.ALL does not catch States.DataLimitExceeded: the execution fails.
        Assert.Equal("States.DataLimitExceeded", execution.Error);
    }

    [Fact]
    public async Task Task_ResourceTypeInHistory_FromOptimizedIntegrationArn()
    {
        var execution = await Harness.RunOnceAsync("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:ec2:describeImages","End":true}}}""");
        var scheduled = execution.History.Single(e => e.Type == "TaskScheduled");
        Assert.Equal("aws-sdk:ec2", scheduled.Details!["resourceType"]!.GetValue<string>());
        Assert.Equal("describeImages", scheduled.Details!["resource"]!.GetValue<string>());
    }

    /// <summary>A worker that accepts the token and never calls back.</summary>
    private sealed class SilentWorker : ITaskInvoker
    {
        public ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken) =>
            ValueTask.FromResult(TaskOutcome.Success(null));
    }
}

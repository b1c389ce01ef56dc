using PcsAutomation.States.Definition;
using PcsAutomation.States.Runtime;
using PcsAutomation.States.Tasks;
using PcsAutomation.States.Tests.Support;

namespace PcsAutomation.States.Tests.Runtime;

/// <summary>StatesEngine.WaitForExecutionAsync: a host's <c>.sync</c> child execution, with time skipped through the child's waits.</summary>
public class ChildExecutionTests
{
    private const string Child = """{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"Next":"P"},"P":{"Type":"Pass","Result":"child done","End":true}}}""";

    /// <summary>Starts the child on the same engine and parks until it ends, as the emulator's startExecution.sync does.</summary>
    private sealed class ChildInvoker : ITaskInvoker
    {
        public StatesEngine? Engine { get; set; }

        public async ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
        {
            var child = Engine!.StartExecution(StateMachineDefinition.Parse(Child), "arn:aws:states:us-east-1:123456789012:stateMachine:Child", "child-" + invocation.ExecutionName);
            var done = await Engine.WaitForExecutionAsync(child, cancellationToken);
            return TaskOutcome.Success(System.Text.Json.Nodes.JsonValue.Create(done.Output));
        }
    }

    [Fact]
    public async Task WaitForExecution_ChildWaitsAnHour_ParentParkedAndTimeSkipped()
    {
        var tasks = new ChildInvoker();
        var harness = new Harness(tasks);
        tasks.Engine = harness.Engine;

        var execution = await harness.RunAsync("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2","End":true}}}""");

        Harness.AssertJson("\"\\\"child done\\\"\"", Harness.Output(execution));
        Assert.Equal(Harness.Epoch.AddHours(1), harness.Clock.GetUtcNow());
    }

    [Fact]
    public async Task WaitForExecution_ParentTimesOut_WaitEndsWithStatesTimeout()
    {
        var tasks = new ChildInvoker();
        var harness = new Harness(tasks);
        tasks.Engine = harness.Engine;

        var execution = await harness.RunAsync("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2","TimeoutSeconds":60,"End":true}}}""");

        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        Assert.Equal("States.Timeout", execution.Error);
        Assert.Equal(Harness.Epoch.AddSeconds(60), execution.StopDate);
    }
}

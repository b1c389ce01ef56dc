using System.Net;
using PcsAutomation.Aws.Runtime;
using PcsAutomation.Aws.StepFunctions;
using PcsAutomation.Aws.StepFunctions.Model;
using PcsAutomation.Aws.Tests.Conformance;

namespace PcsAutomation.Aws.Tests.StepFunctions;

public class AmazonStepFunctionsClientTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 20, 0, 0, TimeSpan.Zero);

    private static HistoryEvent Event(long id) => new() { Id = id, Timestamp = Start.AddSeconds(id), Type = HistoryEventType.TaskStateEntered };

    [Fact]
    public async Task GetExecutionHistoryPaginator_ThreePages_EventsInOrder()
    {
        var invoker = new RecordingInvoker().Returns(
            new GetExecutionHistoryResponse { Events = [Event(1), Event(2)], NextToken = "t1" },
            new GetExecutionHistoryResponse { Events = [Event(3)], NextToken = "t2" },
            new GetExecutionHistoryResponse { Events = [Event(4)] });
        var paginator = new AmazonStepFunctionsClient(invoker).Paginators.GetExecutionHistory(
            new GetExecutionHistoryRequest { ExecutionArn = "arn:exec", ReverseOrder = false });

        var ids = new List<long>();
        await foreach (var historyEvent in paginator.Events)
            ids.Add(historyEvent.Id);

        Assert.Equal([1L, 2L, 3L, 4L], ids);
        Assert.Equal([null, "t1", "t2"], invoker.Calls.Select(c => ((GetExecutionHistoryRequest)c.Request).NextToken));
    }

    [Fact]
    public async Task ListExecutionsPaginator_ThreePages_ExecutionsInOrder()
    {
        static ExecutionListItem Item(string name) => new()
        {
            ExecutionArn = "arn:exec:" + name, StateMachineArn = "arn:sm", Name = name,
            Status = ExecutionStatus.RUNNING, StartDate = Start,
        };
        var invoker = new RecordingInvoker().Returns(
            new ListExecutionsResponse { Executions = [Item("a")], NextToken = "t1" },
            new ListExecutionsResponse { Executions = [], NextToken = "t2" },
            new ListExecutionsResponse { Executions = [Item("b")] });
        var paginator = new AmazonStepFunctionsClient(invoker).Paginators.ListExecutions(
            new ListExecutionsRequest { StateMachineArn = "arn:sm", StatusFilter = ExecutionStatus.RUNNING });

        var names = new List<string>();
        await foreach (var execution in paginator.Executions)
            names.Add(execution.Name);

        Assert.Equal(["a", "b"], names);
        Assert.Equal(3, invoker.Calls.Count);
    }

    [Fact]
    public async Task SendTaskFailureAsync_SentAsModelledOperation()
    {
        var invoker = new RecordingInvoker();

        await new AmazonStepFunctionsClient(invoker).SendTaskFailureAsync(
            new SendTaskFailureRequest { TaskToken = "token", Error = "Automation.PreconditionFailed", Cause = "nodes still running" });

        var call = Assert.Single(invoker.Calls);
        Assert.Equal("SendTaskFailure", call.Operation);
        Assert.Equal("Automation.PreconditionFailed", ((SendTaskFailureRequest)call.Request).Error);
    }

    [Fact]
    public void StartExecutionRequest_ToString_RedactsInput()
    {
        var request = new StartExecutionRequest { StateMachineArn = "arn:sm", Name = "rotate-1", Input = """{"password":"hunter2"}""" };

        var text = request.ToString();

        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.Contains("Name = rotate-1", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ExecutionAlreadyExists", typeof(ExecutionAlreadyExistsException))]
    [InlineData("ExecutionDoesNotExist", typeof(ExecutionDoesNotExistException))]
    [InlineData("InvalidToken", typeof(InvalidTokenException))]
    [InlineData("TaskTimedOut", typeof(TaskTimedOutException))]
    [InlineData("StateMachineDoesNotExist", typeof(StateMachineDoesNotExistException))]
    [InlineData("NotInTheModel", typeof(AmazonStepFunctionsException))]
    public void FromErrorResponse_Code_MapsToModelledType(string code, Type expected)
    {
        var error = AmazonStepFunctionsException.FromErrorResponse(
            new AwsErrorResponse(code, "msg", HttpStatusCode.BadRequest, "req-1", "{}"));

        Assert.Equal(expected, error.GetType());
    }

    [Fact]
    public void FromErrorResponse_KmsInvalidState_ReadsKeyState()
    {
        var error = AmazonStepFunctionsException.FromErrorResponse(new AwsErrorResponse(
            "KmsInvalidStateException", "key", HttpStatusCode.BadRequest, "r", """{"kmsKeyState":"PENDING_DELETION","message":"key"}"""));

        Assert.Same(KmsKeyState.PENDING_DELETION, Assert.IsType<KmsInvalidStateException>(error).KmsKeyState);
    }
}

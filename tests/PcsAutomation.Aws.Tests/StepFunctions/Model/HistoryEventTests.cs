using System.Text.Json;
using PcsAutomation.Aws.StepFunctions.Internal;
using PcsAutomation.Aws.StepFunctions.Model;

namespace PcsAutomation.Aws.Tests.StepFunctions.Model;

public class HistoryEventTests
{
    // The shape GetExecutionHistory returns (field names from the model; values made up).
    private const string History = """
        {"events":[
          {"timestamp":1732564800.0,"type":"ExecutionStarted","id":1,"previousEventId":0,
           "executionStartedEventDetails":{"input":"{}","inputDetails":{"truncated":false},"roleArn":"arn:role"}},
          {"timestamp":1732564801.25,"type":"TaskFailed","id":2,"previousEventId":1,
           "taskFailedEventDetails":{"resourceType":"lambda","resource":"invoke","error":"Pcs.ConflictException","cause":"busy"}},
          {"timestamp":1732564802,"type":"EvaluationFailedV2","id":3,"previousEventId":2}
        ]}
        """;

    [Fact]
    public void GetExecutionHistoryResponse_Deserialized_KeepsDetailsAndUnknownEventType()
    {
        var events = JsonSerializer.Deserialize(History, StepFunctionsJsonContext.Default.GetExecutionHistoryResponse)!.Events;

        Assert.Equal(3, events.Count);
        Assert.Same(HistoryEventType.ExecutionStarted, events[0].Type);
        Assert.Equal("arn:role", events[0].ExecutionStartedEventDetails!.RoleArn);
        Assert.Equal("Pcs.ConflictException", events[1].TaskFailedEventDetails!.Error);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_732_564_801_250), events[1].Timestamp);
        Assert.Equal("EvaluationFailedV2", events[2].Type.Value);
    }

    [Fact]
    public void TaskFailedEventDetails_ToString_RedactsErrorAndCause()
    {
        var details = new TaskFailedEventDetails { ResourceType = "lambda", Resource = "invoke", Error = "E", Cause = "secret-ish cause" };

        Assert.DoesNotContain("secret-ish cause", details.ToString(), StringComparison.Ordinal);
    }
}

using PcsAutomation.States.Runtime;
using PcsAutomation.States.Tests.Support;

namespace PcsAutomation.States.Tests.Runtime;

/// <summary>The engine behind pcs-states-run: any definition, one input, mocked tasks, virtual time.</summary>
public class LocalRunTests
{
    private const string PollUntilActive = """
        {"StartAt":"Get","States":{
         "Get":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","ResultSelector":{"status.$":"$.Payload.status"},"ResultPath":"$.cluster",
           "Retry":[{"ErrorEquals":["Lambda.ServiceException"],"IntervalSeconds":5}],"Next":"Ready?"},
         "Ready?":{"Type":"Choice","Choices":[{"Variable":"$.cluster.status","StringEquals":"ACTIVE","Next":"Done"}],"Default":"Wait"},
         "Wait":{"Type":"Wait","Seconds":300,"Next":"Get"},
         "Done":{"Type":"Succeed"}}}
        """;

    [Fact]
    public async Task LocalRun_MockSequenceWithRetry_SucceedsAndListsVisitedStates()
    {
        var report = await LocalRun.RunAsync(PollUntilActive, """{"clusterId":"pcs_1"}""", """
            {"Get":[{"Throw":{"Error":"Lambda.ServiceException","Cause":"throttled"}},{"Return":{"Payload":{"status":"CREATING"}}},{"Return":{"Payload":{"status":"ACTIVE"}}}]}
            """, Harness.Epoch);
        Assert.True(report.Succeeded, report.Cause);
        Assert.Equal(["Get", "Ready?", "Wait", "Get", "Ready?", "Done"], report.VisitedStates);
        Assert.Equal(TimeSpan.FromSeconds(305), report.VirtualDuration);
        Assert.Equal(3, report.TaskInvocations);
        Harness.AssertJson("""{"clusterId":"pcs_1","cluster":{"status":"ACTIVE"}}""", System.Text.Json.Nodes.JsonNode.Parse(report.Output!));
    }

    [Fact]
    public async Task LocalRun_StepFunctionsLocalNumberedMocks_Supported()
    {
        var report = await LocalRun.RunAsync(PollUntilActive, "{}", """
            {"Get":{"0":{"Throw":{"Error":"Lambda.ServiceException"}},"1-2":{"Return":{"Payload":{"status":"ACTIVE"}}}}}
            """, Harness.Epoch);
        Assert.True(report.Succeeded, report.Cause);
        Assert.Equal(2, report.TaskInvocations);
    }

    [Fact]
    public async Task LocalRun_MissingMock_FailsNamingTheState()
    {
        var report = await LocalRun.RunAsync(PollUntilActive, "{}", null, Harness.Epoch);
        Assert.Equal(("FAILED", "Mock.NotFound"), (report.Status, report.Error));
        Assert.Contains("'Get'", report.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalRun_InvalidDefinition_ReportsStateAndField()
    {
        var report = await LocalRun.RunAsync("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"}}}""", "{}", null, Harness.Epoch);
        Assert.Equal("INVALID", report.Status);
        Assert.Contains("States.A / Next", report.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalRun_BadInputOrMock_InvalidNotException()
    {
        Assert.Equal("InvalidExecutionInput", (await LocalRun.RunAsync(PollUntilActive, "{nope", null, Harness.Epoch)).Error);
        Assert.Equal("InvalidMockFile", (await LocalRun.RunAsync(PollUntilActive, "{}", """{"Get":{"Oops":1}}""", Harness.Epoch)).Error);
    }

    [Fact]
    public async Task LocalRun_WaitForTaskTokenMock_AnswersThroughToken()
    {
        var report = await LocalRun.RunAsync("""
            {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
              "Parameters":{"MessageBody":{"token.$":"$$.Task.Token"}},"End":true}}}
            """, "{}", """{"Ask":{"Return":{"approved":true}}}""", Harness.Epoch);
        Assert.True(report.Succeeded, report.Cause);
        Assert.Contains("approved", report.Output, StringComparison.Ordinal);
    }
}

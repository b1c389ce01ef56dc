using System.Text.Json.Nodes;
using PcsAutomation.Aws.StepFunctions.Model;

namespace PcsAutomation.LocalAws.Tests.StepFunctions;

public sealed class StepFunctionsServiceTests
{
    private const string PassWaitChoice = """
        {
          "StartAt": "Init",
          "States": {
            "Init": { "Type": "Pass", "Result": 3, "ResultPath": "$.count", "Next": "Pause" },
            "Pause": { "Type": "Wait", "Seconds": 3600, "Next": "Decide" },
            "Decide": { "Type": "Choice", "Choices": [ { "Variable": "$.count", "NumericGreaterThan": 2, "Next": "Big" } ], "Default": "Small" },
            "Big": { "Type": "Pass", "Result": "big", "ResultPath": "$.size", "End": true },
            "Small": { "Type": "Fail", "Error": "TooSmall" }
          }
        }
        """;

    [Fact]
    public async Task Execution_PassWaitChoice_SucceedsAfterVirtualHourWithHistory()
    {
        await using var sfn = await StepFunctionsClients.StartAsync();
        var machine = sfn.CreateStateMachine("flow", PassWaitChoice);
        var start = sfn.Aws.Clock.GetUtcNow();

        var started = await sfn.Sfn.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machine, Name = "run-1", Input = """{"who":"me"}""" });
        var described = await sfn.RunAsync(started.ExecutionArn);
        var history = await sfn.Sfn.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = started.ExecutionArn });

        Assert.Equal(ExecutionStatus.SUCCEEDED, described.Status);
        Assert.Equal("big", JsonNode.Parse(described.Output!)!["size"]!.GetValue<string>());
        Assert.Equal(3, JsonNode.Parse(described.Output!)!["count"]!.GetValue<int>());
        Assert.True(sfn.Aws.Clock.GetUtcNow() - start >= TimeSpan.FromHours(1));
        var types = history.Events.Select(e => e.Type.Value).ToList();
        Assert.Equal("ExecutionStarted", types[0]);
        Assert.Equal("ExecutionSucceeded", types[^1]);
        Assert.Contains("WaitStateEntered", types);
        Assert.Contains("ChoiceStateExited", types);
        Assert.Equal("Init", history.Events.First(e => e.Type.Value == "PassStateEntered").StateEnteredEventDetails!.Name);
    }

    [Fact]
    public async Task Execution_ClockAdvancedPastWait_Finishes()
    {
        await using var sfn = await StepFunctionsClients.StartAsync();
        var machine = sfn.CreateStateMachine("flow", PassWaitChoice);
        var started = await sfn.Sfn.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machine, Name = "advanced" });
        var engine = sfn.Aws.StepFunctions.Engine;

        await engine.WhenIdleAsync();
        sfn.Aws.Clock.Advance(TimeSpan.FromMinutes(59));
        await engine.WhenIdleAsync();
        var before = engine.GetExecution(started.ExecutionArn).Status;
        sfn.Aws.Clock.Advance(TimeSpan.FromMinutes(1));
        await engine.WhenIdleAsync();

        Assert.Equal(States.Runtime.ExecutionStatus.Running, before);
        Assert.Equal(States.Runtime.ExecutionStatus.Succeeded, engine.GetExecution(started.ExecutionArn).Status);
    }

    [Fact]
    public async Task GetExecutionHistory_PagedAndReversed_CoversEveryEventOnce()
    {
        await using var sfn = await StepFunctionsClients.StartAsync();
        var machine = sfn.CreateStateMachine("flow", PassWaitChoice);
        var started = await sfn.Sfn.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machine, Name = "paged" });
        await sfn.RunAsync(started.ExecutionArn);

        var all = (await sfn.Sfn.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = started.ExecutionArn })).Events;
        var paged = await sfn.Sfn.Paginators.GetExecutionHistory(new GetExecutionHistoryRequest { ExecutionArn = started.ExecutionArn, MaxResults = 2 })
            .Events.Select(e => e.Id).ToListAsync();
        var reversed = await sfn.Sfn.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = started.ExecutionArn, ReverseOrder = true, MaxResults = 1 });

        Assert.True(all.Count > 4);
        Assert.Equal(all.Select(e => e.Id), paged);
        Assert.Equal(all[^1].Id, Assert.Single(reversed.Events).Id);
        Assert.NotNull(reversed.NextToken);
    }

    [Fact]
    public async Task StartExecution_ReusedName_SameInputSameExecutionDifferentInputRefused()
    {
        await using var sfn = await StepFunctionsClients.StartAsync();
        var machine = sfn.CreateStateMachine("flow", PassWaitChoice);

        var first = await sfn.Sfn.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machine, Name = "once", Input = """{"a":1}""" });
        var again = await sfn.Sfn.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machine, Name = "once", Input = """{"a":1}""" });
        var error = await Assert.ThrowsAsync<ExecutionAlreadyExistsException>(() =>
            sfn.Sfn.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machine, Name = "once", Input = """{"a":2}""" }));
        var listed = await sfn.Sfn.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = machine });

        Assert.Equal(first.ExecutionArn, again.ExecutionArn);
        Assert.Equal("ExecutionAlreadyExists", error.ErrorCode);
        Assert.Equal(first.ExecutionArn, Assert.Single(listed.Executions).ExecutionArn);
    }

    [Fact]
    public async Task StopExecution_Waiting_Aborted()
    {
        await using var sfn = await StepFunctionsClients.StartAsync();
        var machine = sfn.CreateStateMachine("flow", PassWaitChoice);
        var started = await sfn.Sfn.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machine, Name = "stopped" });
        await sfn.Aws.StepFunctions.Engine.WhenIdleAsync();

        await sfn.Sfn.StopExecutionAsync(new StopExecutionRequest { ExecutionArn = started.ExecutionArn, Error = "Operator", Cause = "stop" });
        var described = await sfn.RunAsync(started.ExecutionArn);

        Assert.Equal(ExecutionStatus.ABORTED, described.Status);
    }

    [Fact]
    public async Task CreateStateMachine_InvalidDefinition_RefusedWithEngineMessage()
    {
        await using var sfn = await StepFunctionsClients.StartAsync();

        var error = Assert.Throws<AwsServiceException>(() => sfn.CreateStateMachine("bad", """{"StartAt":"Missing","States":{}}"""));

        Assert.Equal("InvalidDefinition", error.Code);
        Assert.Contains("Invalid state machine definition", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeExecution_Unknown_ExecutionDoesNotExist()
    {
        await using var sfn = await StepFunctionsClients.StartAsync();

        var error = await Assert.ThrowsAsync<ExecutionDoesNotExistException>(() => sfn.Sfn.DescribeExecutionAsync(new DescribeExecutionRequest
        {
            ExecutionArn = $"arn:aws:states:{sfn.Aws.Options.Region}:{sfn.Aws.Options.AccountId}:execution:none:x",
        }));

        Assert.Equal("ExecutionDoesNotExist", error.ErrorCode);
    }

    [Fact]
    public async Task SendTaskSuccess_UnknownToken_RefusedWithEngineCode()
    {
        await using var sfn = await StepFunctionsClients.StartAsync();

        var error = await Assert.ThrowsAnyAsync<AmazonStepFunctionsException>(() =>
            sfn.Sfn.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = "not-a-token", Output = "{}" }));

        Assert.True(error.ErrorCode is "InvalidToken" or "TaskDoesNotExist", error.ErrorCode);
    }
}

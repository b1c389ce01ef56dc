using System.Text.Json.Nodes;
using PcsAutomation.Aws.StepFunctions.Model;
using PcsAutomation.LocalAws.Lambda;

namespace PcsAutomation.LocalAws.Tests.StepFunctions;

public sealed class LambdaTaskTests
{
    private static string Definition(string region, string account) => $$"""
        {
          "StartAt": "Double",
          "States": {
            "Double": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                        "Parameters": { "FunctionName": "double", "Payload.$": "$" }, "ResultSelector": { "value.$": "$.Payload.value" },
                        "Next": "Explode" },
            "Explode": { "Type": "Task", "Resource": "arn:aws:lambda:{{region}}:{{account}}:function:explode",
                         "Catch": [ { "ErrorEquals": ["InvalidOperationException"], "ResultPath": "$.error", "Next": "Caught" } ],
                         "End": true },
            "Caught": { "Type": "Pass", "End": true }
          }
        }
        """;

    [Fact]
    public async Task Task_LambdaSucceedsThenFailsCaught_OutputCarriesResultAndError()
    {
        await using var sfn = await StepFunctionsClients.StartAsync();
        sfn.Aws.Lambda.Register(new LambdaFunction("double")
        {
            InProcess = (payload, _) => Task.FromResult($$"""{"value":{{JsonNode.Parse(payload)!["value"]!.GetValue<int>() * 2}}}"""),
        });
        sfn.Aws.Lambda.Register(new LambdaFunction("explode") { InProcess = (_, _) => throw new InvalidOperationException("boom") });
        var machine = sfn.CreateStateMachine("lambdas", Definition(sfn.Aws.Options.Region, sfn.Aws.Options.AccountId));

        var started = await sfn.Sfn.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machine, Input = """{"value":21}""" });
        var described = await sfn.RunAsync(started.ExecutionArn);
        var history = await sfn.Sfn.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = started.ExecutionArn });

        Assert.Equal(ExecutionStatus.SUCCEEDED, described.Status);
        var output = JsonNode.Parse(described.Output!)!;
        Assert.Equal(42, output["value"]!.GetValue<int>());
        Assert.Equal("InvalidOperationException", output["error"]!["Error"]!.GetValue<string>());
        Assert.Equal("boom", JsonNode.Parse(output["error"]!["Cause"]!.GetValue<string>())!["errorMessage"]!.GetValue<string>());
        Assert.Contains(history.Events, e => e.Type.Value is "TaskFailed" or "LambdaFunctionFailed");
    }

    [Fact]
    public async Task Task_WaitForTaskToken_CompletedBySendTaskSuccess()
    {
        await using var sfn = await StepFunctionsClients.StartAsync();
        var tokens = new List<string>();
        sfn.Aws.Lambda.Register(new LambdaFunction("ask")
        {
            InProcess = (payload, _) =>
            {
                lock (tokens) tokens.Add(JsonNode.Parse(payload)!["token"]!.GetValue<string>());
                return Task.FromResult("{}");
            },
        });
        var machine = sfn.CreateStateMachine("callback", """
            {
              "StartAt": "Ask",
              "States": {
                "Ask": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                         "Parameters": { "FunctionName": "ask", "Payload": { "token.$": "$$.Task.Token" } }, "End": true }
              }
            }
            """);

        var started = await sfn.Sfn.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machine, Name = "cb" });
        await sfn.Aws.StepFunctions.Engine.WhenIdleAsync();
        var waiting = await sfn.Sfn.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = started.ExecutionArn });
        string token;
        lock (tokens) token = Assert.Single(tokens);
        await sfn.Sfn.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = token, Output = """{"approved":true}""" });
        var described = await sfn.RunAsync(started.ExecutionArn);

        Assert.Equal(ExecutionStatus.RUNNING, waiting.Status);
        Assert.Equal(ExecutionStatus.SUCCEEDED, described.Status);
        Assert.True(JsonNode.Parse(described.Output!)!["approved"]!.GetValue<bool>());
    }
}

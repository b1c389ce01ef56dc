using System.Text.Json.Nodes;
using PcsAutomation.Functions.Tests.Support;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.LocalAws.Lambda;

namespace PcsAutomation.Functions.Tests.Rotation;

/// <summary>
/// A one-step state machine around <c>RotateClusterSecret</c> (<c>lambda:invoke.waitForTaskToken</c>, as the rotation
/// workflow calls it), run by the emulator's States engine, so tests get a real task token and see the step complete.
/// </summary>
internal static class SecretRotationWorkflow
{
    public const string MachineName = "rotate-step";

    /// <summary>Registers the handler as an in-process function and creates the machine; returns its ARN.</summary>
    public static string Create(HandlerHarness harness, string clusterId, string secretArn)
    {
        harness.Aws.Lambda.Register(new LambdaFunction("RotateClusterSecret")
        {
            InProcess = async (payload, _) => (await harness.InvokeAsync("RotateClusterSecret", payload)).ToJsonString(),
        });
        var definition = new JsonObject
        {
            ["StartAt"] = "RotateClusterSecret",
            ["States"] = new JsonObject
            {
                ["RotateClusterSecret"] = new JsonObject
                {
                    ["Type"] = "Task",
                    ["Resource"] = "arn:aws:states:::lambda:invoke.waitForTaskToken",
                    ["Parameters"] = new JsonObject
                    {
                        ["FunctionName"] = "RotateClusterSecret",
                        ["Payload"] = new JsonObject
                        {
                            ["clusterId"] = clusterId,
                            ["secretArn"] = secretArn,
                            ["executionArn.$"] = "$$.Execution.Id",
                            ["taskToken.$"] = "$$.Task.Token",
                        },
                    },
                    ["TimeoutSeconds"] = 3600,
                    ["End"] = true,
                },
            },
        };
        return harness.Aws.Call("states", "CreateStateMachine", new JsonObject
        {
            ["name"] = MachineName,
            ["definition"] = definition.ToJsonString(),
            ["roleArn"] = $"arn:aws:iam::{harness.Aws.Options.AccountId}:role/sfn",
        })["stateMachineArn"]!.GetValue<string>();
    }

    /// <summary>The ARN StartExecution will give <paramref name="name"/> (the lease must name it before the step runs).</summary>
    public static string ExecutionArn(string machineArn, string name) => machineArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":" + name;

    public static async Task StartAsync(HandlerHarness harness, string machineArn, string name)
    {
        harness.Aws.Call("states", "StartExecution", new JsonObject { ["stateMachineArn"] = machineArn, ["name"] = name, ["input"] = "{}" });
        await harness.Aws.StepFunctions.Engine.WhenIdleAsync();
    }

    public static JsonNode Describe(HandlerHarness harness, string executionArn) =>
        harness.Aws.Call("states", "DescribeExecution", new JsonObject { ["executionArn"] = executionArn });

    public static async Task<JsonNode> RunToEndAsync(HandlerHarness harness, string executionArn)
    {
        await harness.Aws.StepFunctions.RunExecutionToCompletionAsync(executionArn, TimeSpan.FromHours(2));
        return Describe(harness, executionArn);
    }
}

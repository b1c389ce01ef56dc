using System.Text.Json.Nodes;
using PcsAutomation.Cli.Emulator;
using LocalAwsHost = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Cli.Tests.Commands;

/// <summary>A workflow step invoked alone with the input a recorded execution gave it (read from its history, not copied).</summary>
public sealed class InvokeRecordedStepTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("pcs-automation-invoke-step-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Invoke_PlanRotationWithTheDryRunsRecordedInput_SameResponseAsInTheExecution()
    {
        LocalAwsHost? aws = null;
        var rotation = await CliRun.RunAsync(host => host with
        {
            StartEmulator = async (request, cancellationToken) =>
            {
                var session = await TemplateEmulator.StartAsync(request, cancellationToken);
                aws = session.Aws;
                return session;
            },
        }, "rotate", "--cluster", "demo", "--emulator", "demo", "--dry-run");
        Assert.True(rotation.ExitCode == 0, rotation.Text);
        var (input, output) = RecordedStep(aws!, "PlanRotation");
        var file = Path.Combine(directory, "plan-rotation.json");
        await File.WriteAllTextAsync(file, input.ToJsonString());

        var run = await CliRun.RunAsync(h => h, "invoke", "PlanRotationFunction", "--event", file, "--emulator", "demo");

        Assert.True(run.ExitCode == 0, run.Text);
        var response = JsonNode.Parse(run.Text[(run.Text.IndexOf("Response:\n", StringComparison.Ordinal) + "Response:\n".Length)..])!;
        Assert.True(JsonNode.DeepEquals(output, response), $"recorded {output.ToJsonString()}\ninvoked {response.ToJsonString()}");
        Assert.Contains("pcs GetCluster 200", run.Text, StringComparison.Ordinal);
    }

    /// <summary>The Payload a Task state sent to the function whose ARN ends with <paramref name="functionSuffix"/>, and the Payload it got back.</summary>
    private static (JsonNode Input, JsonNode Output) RecordedStep(LocalAwsHost aws, string functionSuffix)
    {
        var execution = aws.Call("states", "ListExecutions", new JsonObject { ["stateMachineArn"] = aws.Template!.StateMachineArns["ClusterSecretRotationStateMachine"] })
            ["executions"]!.AsArray().Single()!["executionArn"]!.GetValue<string>();
        var events = aws.Call("states", "GetExecutionHistory", new JsonObject { ["executionArn"] = execution, ["maxResults"] = 1000 })["events"]!.AsArray();
        var scheduled = events.First(e => e!["type"]!.GetValue<string>() == "TaskScheduled" &&
            JsonNode.Parse(e["taskScheduledEventDetails"]!["parameters"]!.GetValue<string>())!["FunctionName"]!.GetValue<string>().Contains(functionSuffix, StringComparison.Ordinal))!;
        var succeeded = events.First(e => e!["type"]!.GetValue<string>() == "TaskSucceeded" && e["id"]!.GetValue<long>() > scheduled["id"]!.GetValue<long>())!;
        var input = JsonNode.Parse(scheduled["taskScheduledEventDetails"]!["parameters"]!.GetValue<string>())!["Payload"]!;
        var output = JsonNode.Parse(succeeded["taskSucceededEventDetails"]!["output"]!.GetValue<string>())!["Payload"]!;
        return (input, output);
    }
}

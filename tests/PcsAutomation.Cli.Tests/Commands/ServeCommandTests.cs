using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Tests.EventBridge;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.Cli.Tests.Commands;

/// <summary>
/// <c>pcs-automation serve</c> as people run it: its own process, template.yaml deployed with the product's handlers
/// in process, driven by a client we did not write (the AWS CLI on the machine image).
/// </summary>
public sealed class ServeCommandTests
{
    private static readonly string Template = Path.Combine(RepoPaths.Root, "template.yaml");

    [Fact]
    public async Task Serve_WithTemplate_RuleDeliversToTheProductFunctionInProcess()
    {
        await using var serve = await StartAsync("--clock", "virtual", "--parameter", "AWS::StackName=standalone");
        var summary = await serve.WaitForLineAsync(line => line.StartsWith("Template ", StringComparison.Ordinal));

        var delivered = await serve.DeliverAnEventToDiagnosticsAsync();

        Assert.Contains("function(s)", summary, StringComparison.Ordinal);
        Assert.EndsWith("DiagnosticsFunction: ok", delivered, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 9: at <c>--speed 600</c> the rotation failed at its first task with TaskCanceledException (a 30 s function
    /// timeout on the virtual clock is 50 ms of real work). Virtual time now holds while a function runs, so the same
    /// run through the AWS CLI succeeds. The verdict is the execution's status; real time only bounds how often we ask.
    /// </summary>
    [Fact]
    public async Task Serve_WallClockAtSpeed600_RotationStartedWithTheAwsCliSucceeds()
    {
        await using var serve = await StartAsync("--clock", "wall", "--speed", "600");
        var machine = (await serve.WaitForLineAsync(line => line.Contains("stateMachine:", StringComparison.Ordinal))).Trim()["state machine ".Length..];

        var started = await serve.CliAsync("stepfunctions", "start-execution", "--state-machine-arn", machine,
            "--input", """{"clusterId":"demo","dryRun":false}""");
        var execution = started["executionArn"]!.GetValue<string>();
        JsonObject described = [];
        // Each AWS CLI run takes real time of its own: no sleep between the questions, and a bound on how many.
        for (var asked = 0; asked < 400; asked++)
        {
            described = await serve.CliAsync("stepfunctions", "describe-execution", "--execution-arn", execution);
            if (described["status"]!.GetValue<string>() != "RUNNING") break;
        }

        Assert.True(described["status"]!.GetValue<string>() == "SUCCEEDED", described.ToJsonString());
    }

    /// <summary><c>dotnet pcs-automation.dll serve --scenario demo --port 0 --template template.yaml</c> plus <paramref name="extraArguments"/>.</summary>
    private static Task<StandaloneProcess> StartAsync(params string[] extraArguments)
    {
        // the build output of the same configuration as this test assembly
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
        var dll = Path.Combine(RepoPaths.Root, "tools", "PcsAutomation.Cli", "bin", configuration, "net10.0", "pcs-automation.dll");
        return StandaloneProcess.StartAsync(dll, ["serve", "--scenario", "demo", "--port", "0", "--template", Template, .. extraArguments]);
    }
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PcsAutomation.Cli.Emulator;
using PcsAutomation.LocalAws;
using PcsAutomation.ProductHost;
using LocalAwsHost = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Cli.Tests.Commands;

/// <summary>`invoke` without --emulator: the handler here, its clients on the CLI's settings (a running emulator as "AWS" through --endpoint-url).</summary>
public sealed class InvokeAwsTests : IAsyncLifetime, IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("pcs-automation-invoke-aws-").FullName;
    private readonly ProductFunctions functions = new();
    private LocalAwsHost aws = null!;

    public async Task InitializeAsync() =>
        aws = await LocalAwsHost.StartAsync(new LocalAwsOptions
        {
            Scenario = ScenarioAccount.Load("demo"),
            Template = TemplateEmulator.FindTemplate("template.yaml"),
            FunctionFactory = functions.Create,
        });

    public async Task DisposeAsync()
    {
        await functions.DisposeAsync();
        await aws.DisposeAsync();
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Invoke_WithTheDeployedValues_RunsHereAgainstTheEndpointAndRecordsItsCalls()
    {
        var env = await WriteAsync("env.json", new JsonObject
        {
            ["RotationReconcilerFunction"] = new JsonObject
            {
                ["PCS_AUTOMATION_LEASE_TABLE"] = aws.Template!.Tables.Single().Name,
                ["PCS_AUTOMATION_ROTATION_STATE_MACHINE_ARN"] = aws.Template.StateMachineArns["ClusterSecretRotationStateMachine"],
                ["PCS_AUTOMATION_NOTICE_STATE_MACHINE_ARN"] = aws.Template.StateMachineArns["RotationNoticeStateMachine"],
            },
        }.ToJsonString());
        var listed = aws.Calls.Of("pcs", "ListClusters").Count;

        var run = await CliRun.AgainstAsync(aws, null, "invoke", "RotationReconcilerFunction", "--event", await ScheduledEventAsync(), "--stack-name", "local", "--env-vars", env);

        Assert.True(run.ExitCode == 0, run.Text);
        Assert.Contains("in process against AWS (us-east-1, stack local, function ARN arn:aws:lambda:us-east-1:111122223333:function:local-RotationReconcilerFunction)",
            Regex.Replace(run.Text, @"\s+", " "), StringComparison.Ordinal);
        Assert.Contains("pcs ListClusters 200", run.Text, StringComparison.Ordinal);
        Assert.True(aws.Calls.Of("pcs", "ListClusters").Count > listed, "the calls reached the endpoint");
        Assert.Contains("\"started\"", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_WithoutTheStacksResourceValues_NamesEachMissingVariableExitTwo()
    {
        var env = await WriteAsync("env.json", """{"RotationReconcilerFunction":{"PCS_AUTOMATION_LEASE_TABLE":"t"}}""");

        var run = await CliRun.AgainstAsync(aws, null, "invoke", "RotationReconcilerFunction", "--event", await ScheduledEventAsync(), "--stack-name", "local", "--env-vars", env);

        Assert.Equal(2, run.ExitCode);
        var text = Regex.Replace(run.Text, @"\s+", " ");
        Assert.Contains("needs the deployed values of PCS_AUTOMATION_NOTICE_STATE_MACHINE_ARN, PCS_AUTOMATION_ROTATION_STATE_MACHINE_ARN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Invoked", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_AgainstAwsWithoutStackName_OneLineExitTwo()
    {
        var run = await CliRun.AgainstAsync(aws, null, "invoke", "RotationReconcilerFunction", "--event", await ScheduledEventAsync());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("give --stack-name", run.Text, StringComparison.Ordinal);
    }

    private async Task<string> ScheduledEventAsync()
    {
        var file = Path.Combine(directory, "schedule.json");
        var run = await CliRun.RunAsync(h => h, "events", "generate", "schedule-rotation", "--account", "111122223333", "-o", file);
        Assert.True(run.ExitCode == 0, run.Text);
        return file;
    }

    private async Task<string> WriteAsync(string name, string text)
    {
        var file = Path.Combine(directory, name);
        await File.WriteAllTextAsync(file, text);
        return file;
    }
}

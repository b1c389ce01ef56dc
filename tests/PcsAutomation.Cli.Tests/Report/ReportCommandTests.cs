using System.Globalization;
using System.Text.Json.Nodes;
using PcsAutomation.Cli.Emulator;
using PcsAutomation.Cli.Tests.Commands;

namespace PcsAutomation.Cli.Tests.Report;

/// <summary><c>report</c> as against AWS: a served emulator behind --endpoint-url, so only what the API gives.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("pcs-report-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task Report_NeitherArnNorLast_UsageErrorNothingWritten()
    {
        var run = await CliRun.RunAsync(host => host with { ReportFolder = folder.FullName }, "report");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("report takes an execution ARN or --last", run.Text + run.Errors, StringComparison.Ordinal);
        Assert.Empty(folder.GetFiles("*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task ReportLast_AgainstTheEmulatorAsAws_TheNewestRunsNumbersAndNotesForWhatOnlyTheEmulatorKnows()
    {
        await using var session = await TemplateEmulator.StartAsync(new EmulatorRequest("demo", "template.yaml"), CancellationToken.None);
        var aws = session.Aws;
        var clusterId = aws.State.FindCluster("demo")!.Id;
        var arn = aws.Call("states", "StartExecution", new JsonObject
        {
            ["stateMachineArn"] = aws.Template!.StateMachineArns["ClusterSecretRotationStateMachine"],
            ["name"] = "report-test",
            ["input"] = new JsonObject { ["clusterId"] = clusterId, ["dryRun"] = true }.ToJsonString(),
        })["executionArn"]!.GetValue<string>();
        var execution = await aws.StepFunctions.RunExecutionToCompletionAsync(arn, TimeSpan.FromHours(1));
        var output = Path.Combine(folder.FullName, "dry-run.html");

        var run = await CliRun.AgainstAsync(aws, null, "report", "--last", "--output", output);

        Assert.True(run.ExitCode == 0, run.Text);
        Assert.Contains($"Report: {output}", run.Text, StringComparison.Ordinal);
        var page = await File.ReadAllTextAsync(output);
        Assert.Contains(arn, page, StringComparison.Ordinal);
        Assert.Contains($"data-metric=\"transitions\">{aws.StepFunctions.Accounting(arn).StateTransitions.ToString(CultureInfo.InvariantCulture)}<", page, StringComparison.Ordinal);
        Assert.Contains($"data-metric=\"outcome\">{execution.Status.ToString().ToUpperInvariant()}<", page, StringComparison.Ordinal);
        Assert.Contains("data-metric=\"instances-unknown\"", page, StringComparison.Ordinal);
        Assert.Contains("data-metric=\"calls-unknown\"", page, StringComparison.Ordinal);
        Assert.Contains("data-state=\"DryRunReport\" data-visits=\"1\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src", page, StringComparison.Ordinal);
    }
}

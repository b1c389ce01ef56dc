using System.Text.Json.Nodes;
using PcsAutomation.Cli.Monitoring;
using PcsAutomation.LocalAws;
using PcsAutomation.LocalAws.Scenarios;
using LocalAwsHost = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Cli.Tests.Commands;

public class RotateCommandTests
{
    private static async Task<LocalAwsHost> DemoAsync(bool withWorkflow = true)
    {
        var aws = await LocalAwsHost.StartAsync(new LocalAwsOptions { Scenario = ScenarioFile.Load("demo") });
        if (withWorkflow) FixtureWorkflow.Install(aws);
        return aws;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task Rotate_EmulatorScenarioVerbose_VirtualTimelineThenSummaryExitZero()
    {
        var run = await CliRun.EmulatorAsync("rotate", "--cluster", "demo", "--emulator", "demo", "--verbose");

        Assert.Equal(0, run.ExitCode);
        var lines = Lines(run.Text);
        Assert.Contains(lines, l => l.StartsWith("2026-01-05 08:00:00Z  +00:00  started  execution", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("+10:00  exited   WaitForDrain (10m 00s)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2026-01-05 08:10:00Z  +10:00  succeeded execution", StringComparison.Ordinal));
        Assert.Contains("new secret version", run.Text, StringComparison.Ordinal);
        Assert.Contains("v-new", run.Text, StringComparison.Ordinal);
        Assert.Contains("node groups (restored min/max)", run.Text, StringComparison.Ordinal);
        Assert.Contains("compute-1 (pcs_ng2): min 2, max 8", run.Text, StringComparison.Ordinal);
        Assert.Contains("the cluster reports the new version", run.Text, StringComparison.Ordinal);
        Assert.Contains("10m 00s", run.Text, StringComparison.Ordinal);
        Assert.Contains(":execution:ClusterSecretRotationStateMachine:rotate-pcs_", run.Text, StringComparison.Ordinal);
        Assert.Contains("-manual-20260105T0800", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotate_EmulatorScenarioVerbose_EachNotificationALineRightAfterItsState()
    {
        var run = await CliRun.EmulatorAsync("rotate", "--cluster", "demo", "--emulator", "demo", "--verbose");

        var lines = Lines(run.Text).ToList();
        var exited = lines.FindIndex(l => l.Contains("exited   PrepareNotificationSucceeded", StringComparison.Ordinal));
        Assert.True(exited >= 0, run.Text);
        Assert.EndsWith("+10:00  notified Succeeded: PCS cluster secret rotated: demo", lines[exited + 1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotate_EmulatorDryRun_ThePlanAndNoScaleDown()
    {
        var run = await CliRun.EmulatorAsync("rotate", "--cluster", "demo", "--emulator", "demo", "--dry-run");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Rotation plan (dry run)", run.Text, StringComparison.Ordinal);
        Assert.Contains("i-0aaa, i-0bbb, i-0ccc", run.Text, StringComparison.Ordinal);
        Assert.Contains("i-0byo", run.Text, StringComparison.Ordinal);
        Assert.Contains("25m 00s", run.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ScaleNodeGroupsToZero", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotate_FailingExecution_FailedLinesErrorAndCauseExitOne()
    {
        await using var aws = await DemoAsync();

        var run = await CliRun.AgainstAsync(aws, null, "rotate", "--cluster", "demo", "--state-machine-arn", FixtureWorkflow.MachineArn(aws, FixtureWorkflow.FailingName));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("failed   CheckClusterDrained: RotationFailed: 2 instances of the cluster are still running", run.Text, StringComparison.Ordinal);
        Assert.Contains("FAILED   execution: RotationFailed", run.Text, StringComparison.Ordinal);
        Assert.Contains("cause", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotate_EndpointUrlWithoutArn_FindsTheMachineByNameAndSucceeds()
    {
        await using var aws = await DemoAsync();

        var run = await CliRun.AgainstAsync(aws, null, "rotate", "--cluster", "demo", "--region", "us-east-1");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("SUCCEEDED", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotate_ClusterById_SameExecutionName()
    {
        await using var aws = await DemoAsync();
        var id = aws.Call("pcs", "GetCluster", new JsonObject { ["clusterIdentifier"] = "demo" })["cluster"]!["id"]!.GetValue<string>();

        var run = await CliRun.AgainstAsync(aws, null, "rotate", "--cluster", id, "--dry-run");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"rotate-{id}-manual-20260105T0800", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotate_HistoryInPagesOfTwoVerbose_EveryStateInOrder()
    {
        await using var aws = await DemoAsync();

        var run = await CliRun.AgainstAsync(aws, new PollingOptions { PageSize = 2 }, "rotate", "--cluster", "demo", "--verbose");

        Assert.Equal(0, run.ExitCode);
        var states = Lines(run.Text).Where(l => l.Contains("  entered  ", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("entered  ", StringComparison.Ordinal) + 9)..]).ToList();
        Assert.Equal(["PlanRotation", "IsDryRun", "ScaleNodeGroupsToZero", "WaitForDrain", "CheckSecretRotation", "PrepareNotificationSucceeded", "Done"], states);
    }

    [Fact]
    public async Task Rotate_UnknownCluster_OneLineNamingItExitTwo()
    {
        await using var aws = await DemoAsync();

        var run = await CliRun.AgainstAsync(aws, null, "rotate", "--cluster", "nope");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: No PCS cluster 'nope' in us-east-1", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotate_NoStateMachine_SaysHowToPassItExitTwo()
    {
        await using var aws = await DemoAsync(withWorkflow: false);

        var run = await CliRun.AgainstAsync(aws, null, "rotate", "--cluster", "demo");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("pass --state-machine-arn <arn>", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotate_UnknownStateMachineArn_SaysWhichExitTwo()
    {
        await using var aws = await DemoAsync();

        var run = await CliRun.AgainstAsync(aws, null, "rotate", "--cluster", "demo", "--state-machine-arn", FixtureWorkflow.MachineArn(aws, "missing"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(":stateMachine:missing'", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotate_SecondStartInTheSameMinute_AttachesToTheFirstExecution()
    {
        await using var aws = await DemoAsync();

        var first = await CliRun.AgainstAsync(aws, null, "rotate", "--cluster", "demo", "--dry-run");
        var second = await CliRun.AgainstAsync(aws, null, "rotate", "--cluster", "demo", "--dry-run");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Contains("Attached to the execution already started", second.Text, StringComparison.Ordinal);
        Assert.Single(aws.StepFunctions.Engine.Executions);
    }

    [Fact]
    public async Task Rotate_RealRunInTheMinuteOfADryRun_RefusedNotAttached()
    {
        await using var aws = await DemoAsync();

        await CliRun.AgainstAsync(aws, null, "rotate", "--cluster", "demo", "--dry-run");
        var real = await CliRun.AgainstAsync(aws, null, "rotate", "--cluster", "demo");

        Assert.Equal(2, real.ExitCode);
        Assert.Contains("was started this minute as a dry run", real.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotate_ArnAndNamePrefix_ParseErrorExitTwo()
    {
        var run = await CliRun.RunAsync(h => h, "rotate", "--cluster", "demo", "--state-machine-arn", "arn:x", "--name-prefix", "s");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("pass one", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotate_NoCluster_ParseErrorNamesTheOption()
    {
        var run = await CliRun.RunAsync(h => h, "rotate", "--dry-run");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--cluster", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotate_UnknownProfile_OneLineNamingTheProfileExitTwo()
    {
        var run = await CliRun.RunAsync(h => h, "rotate", "--cluster", "demo", "--profile", "pcs-automation-cli-test-no-such-profile", "--region", "us-east-1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No AWS profile 'pcs-automation-cli-test-no-such-profile'", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotate_NoRegionAnywhere_OneLineExitTwo()
    {
        var run = await CliRun.RunAsync(h => h with { Environment = name => name == "AWS_ACCESS_KEY_ID" ? "AKIDEXAMPLE" : name == "AWS_SECRET_ACCESS_KEY" ? "x" : null },
            "rotate", "--cluster", "demo");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: No AWS region", run.Text, StringComparison.Ordinal);
    }
}

using System.Text.Json.Nodes;
using PcsAutomation.LocalAws;
using PcsAutomation.LocalAws.Scenarios;
using LocalAwsHost = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Cli.Tests.Commands;

/// <summary><c>ami plan</c> and <c>update</c> on the fixture roll-out (<see cref="FixtureRollout"/>): options, target, output, exit codes.</summary>
public class RolloutCommandTests
{
    private static async Task<LocalAwsHost> DemoAsync()
    {
        var aws = await LocalAwsHost.StartAsync(new LocalAwsOptions { Scenario = ScenarioFile.Load("demo") });
        FixtureRollout.Install(aws);
        return aws;
    }

    private static int Executions(LocalAwsHost aws) => aws.StepFunctions.Engine.Executions.Count;

    [Fact]
    public async Task AmiPlan_EmulatorScenario_ThePlanWithTheDefaultTargetAndNoTimeline()
    {
        var run = await CliRun.EmulatorAsync("ami", "plan", "--cluster", "demo", "--emulator", "demo");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Text);
        Assert.Contains("Roll-out plan for demo (pcs_", run.Text, StringComparison.Ordinal);
        Assert.Contains("target: channel sample (the default: the cluster has no pcs-automation:ami-channel tag)", run.Text, StringComparison.Ordinal);
        Assert.Contains("  canary    compute-1 (pcs_ng2), 2 running", run.Text, StringComparison.Ordinal);
        Assert.Contains("Started a dry run of the roll-out of pcs_", run.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("entered", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AmiPlan_Json_OnlyTheDocumentWithTargetSourceAndPlan()
    {
        var run = await CliRun.EmulatorAsync("ami", "plan", "--cluster", "demo", "--emulator", "demo", "--output", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var json = JsonNode.Parse(run.Text)!; // nothing but the JSON on stdout
        Assert.False(json["refused"]!.GetValue<bool>());
        Assert.Equal("default", (string?)json["targetSource"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"channel":"sample"}"""), json["target"]));
        Assert.Equal("compute-1", (string?)json["plan"]!["canary"]!["nodeGroupName"]);
        Assert.Equal("demo", (string?)json["cluster"]!["name"]);
        Assert.StartsWith("pcs_", (string?)json["plan"]!["clusterId"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AmiPlan_ClusterChannelTag_ItsChannelSentAndSaidToComeFromTheTag()
    {
        await using var aws = await DemoAsync();
        var arn = aws.Call("pcs", "GetCluster", new JsonObject { ["clusterIdentifier"] = "demo" })["cluster"]!["arn"]!.GetValue<string>();
        aws.Call("pcs", "TagResource", new JsonObject { ["resourceArn"] = arn, ["tags"] = new JsonObject { ["pcs-automation:ami-channel"] = "ssm:/team/pcs/ami" } });

        var run = await CliRun.AgainstAsync(aws, null, "ami", "plan", "--cluster", "demo", "--output", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var json = JsonNode.Parse(run.Text)!;
        Assert.Equal("tag", (string?)json["targetSource"]);
        Assert.Equal("channel ssm:/team/pcs/ami", (string?)json["plan"]!["target"]);
        var input = JsonNode.Parse(aws.StepFunctions.Engine.Executions.Single().Input)!;
        Assert.Equal("ssm:/team/pcs/ami", (string?)input["target"]!["channel"]);
        Assert.True(input["dryRun"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AmiPlan_Refused_EveryReasonExitOne()
    {
        await using var aws = await DemoAsync();

        var run = await CliRun.AgainstAsync(aws, null, "ami", "plan", "--cluster", "demo", "--ami-id", FixtureRollout.RefusedAmi);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("Refused (FAILED): TargetIncompatible", run.Text, StringComparison.Ordinal);
        Assert.Contains("  - slurm-version (guide L5776-5778, L6559): node group compute-1: the image declares no Slurm version", run.Text, StringComparison.Ordinal);
        Assert.Contains("  - architecture (guide L2549-2550): node group gpu:", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AmiPlan_RefusedJson_RefusedWithTheReasons()
    {
        await using var aws = await DemoAsync();

        var run = await CliRun.AgainstAsync(aws, null, "ami", "plan", "--cluster", "demo", "--ami-id", FixtureRollout.RefusedAmi, "--output", "json");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var json = JsonNode.Parse(run.Text)!;
        Assert.True(json["refused"]!.GetValue<bool>());
        Assert.Equal("TargetIncompatible", (string?)json["error"]);
        Assert.Equal(2, json["reasons"]!.AsArray().Count);
        Assert.Null(json["plan"]);
    }

    [Theory]
    [InlineData("--batch-size", "0", "--batch-size is 0")]
    [InlineData("--ami-id", "ami-1", "--ami-id: 'ami-1' is not an AMI id")]
    [InlineData("--launch-template-version", "$Latest", "--launch-template-version: '$Latest'")]
    public async Task AmiPlan_BadOption_OneLineExitTwoNothingStarted(string option, string value, string expected)
    {
        await using var aws = await DemoAsync();

        var run = await CliRun.AgainstAsync(aws, null, "ami", "plan", "--cluster", "demo", option, value);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"error: {expected}", run.Text, StringComparison.Ordinal);
        Assert.Equal(0, Executions(aws));
    }

    [Fact]
    public async Task Update_TwoTargets_ParseErrorExitTwo()
    {
        var run = await CliRun.RunAsync(h => h, "update", "--cluster", "demo", "--ami-id", "ami-0123456789abcdef0", "--target-channel", "sample");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--target-channel and --ami-id each name the target: pass one.", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_ReplacementNotAllowed_ParseErrorExitTwo()
    {
        var run = await CliRun.RunAsync(h => h, "update", "--cluster", "demo", "--replacement", "eventually");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("eventually", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_EmulatorScenario_TimelineNotificationAndSummaryOldToNew()
    {
        var run = await CliRun.EmulatorAsync("update", "--cluster", "demo", "--emulator", "demo", "--batch-size", "2");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Text);
        Assert.Contains("Target: channel sample (the default: the cluster has no pcs-automation:ami-channel tag).", run.Text, StringComparison.Ordinal);
        Assert.Contains("  done     UpdateCanary (", run.Text, StringComparison.Ordinal);
        Assert.Contains("+10:00  notified Succeeded: PCS AMI roll-out done: demo", run.Text, StringComparison.Ordinal);
        Assert.Contains("Roll-out summary", run.Text, StringComparison.Ordinal);
        Assert.Contains("node groups updated (old → new image)", run.Text, StringComparison.Ordinal);
        Assert.Contains("login (pcs_ng1): ami-0aaaaaaaaaaaaaaa1 → ami-0123456789abcdef0", run.Text, StringComparison.Ordinal);
        Assert.Contains(":execution:NodeGroupUpdateStateMachine:update-pcs_", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_DryRun_ThePlanAndNoUpdate()
    {
        await using var aws = await DemoAsync();

        var run = await CliRun.AgainstAsync(aws, null, "update", "--cluster", "demo", "--dry-run", "--canary", "compute-1", "--replacement", "marked");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Roll-out plan (dry run)", run.Text, StringComparison.Ordinal);
        Assert.Contains("none (dry run)", run.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("UpdateCanary", run.Text, StringComparison.Ordinal);
        var input = JsonNode.Parse(aws.StepFunctions.Engine.Executions.Single().Input)!;
        Assert.Equal(("compute-1", "marked"), ((string?)input["canary"], (string?)input["replacement"]));
    }

    [Fact]
    public async Task Update_RealRunInTheMinuteOfAPlan_RefusedNotAttached()
    {
        await using var aws = await DemoAsync();

        var plan = await CliRun.AgainstAsync(aws, null, "ami", "plan", "--cluster", "demo");
        var again = await CliRun.AgainstAsync(aws, null, "update", "--cluster", "demo", "--dry-run");
        var real = await CliRun.AgainstAsync(aws, null, "update", "--cluster", "demo");

        Assert.Equal((0, 0), (plan.ExitCode, again.ExitCode));
        Assert.Contains("Attached to the execution already started", again.Text, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, real.ExitCode);
        Assert.Contains("was started this minute as a dry run of the roll-out of pcs_", real.Text, StringComparison.Ordinal);
        Assert.Contains("wait for the next minute to start a roll-out of pcs_", real.Text, StringComparison.Ordinal);
        Assert.Equal(1, Executions(aws));
    }

    [Fact]
    public async Task Update_UnknownCluster_OneLineExitTwo()
    {
        await using var aws = await DemoAsync();

        var run = await CliRun.AgainstAsync(aws, null, "update", "--cluster", "nope");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("error: No PCS cluster 'nope' in us-east-1", run.Text, StringComparison.Ordinal);
    }
}

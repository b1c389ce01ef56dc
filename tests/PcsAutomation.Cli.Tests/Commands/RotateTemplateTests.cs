using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PcsAutomation.Cli.Emulator;
using LocalAwsHost = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Cli.Tests.Commands;

/// <summary>The README's main command as the CLI runs it: the demo scenario, template.yaml and the product's handlers.</summary>
public class RotateTemplateTests
{
    private static async Task<(CliOutcome Run, LocalAwsHost Aws)> RunAsync(params string[] args)
    {
        LocalAwsHost? aws = null;
        var run = await CliRun.PipedAsync(host => host with
        {
            StartEmulator = async (request, cancellationToken) =>
            {
                var session = await TemplateEmulator.StartAsync(request, cancellationToken);
                aws = session.Aws;
                return session;
            },
        }, args);
        return (run, aws!);
    }

    [Fact]
    public async Task Rotate_DemoScenarioOnTheTemplate_SucceedsWithANewVersionAndNoSecretValuePrinted()
    {
        var (run, aws) = await RunAsync("rotate", "--cluster", "demo", "--emulator", "demo");

        Assert.True(run.ExitCode == 0, run.Text);
        // the grouped live view, as a log gets it: a line per step, the drain loop on one line, no escape sequence
        Assert.Contains("  done     ScaleNodeGroupsToZero (0s)", run.Text, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(run.Text, @"  waited   for instances to stop: 3 → 0 instances up, 3 → 0 groups not ACTIVE, \d+ polls, "));
        Assert.Contains("  done     RotateClusterSecret (", run.Text, StringComparison.Ordinal);
        Assert.Contains("  notified Succeeded: PCS cluster secret rotated: demo", run.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("  entered  ", run.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("  waiting  ", run.Text, StringComparison.Ordinal); // live lines are for terminals
        Assert.DoesNotContain('\u001b', run.Text);
        Assert.Contains("new secret version", run.Text, StringComparison.Ordinal);
        // what the Succeeded notification reported from the lease: every group of demo.yaml, restored exactly
        Assert.Contains("node groups (restored min/max)", run.Text, StringComparison.Ordinal);
        Assert.Matches(@"login \(pcs_\w+\): min 1, max 1", run.Text);
        Assert.Matches(@"compute-1 \(pcs_\w+\): min 0, max 4", run.Text);
        Assert.Matches(@"gpu \(pcs_\w+\): min 0, max 4", run.Text);
        Assert.Contains("the cluster reports the new version", run.Text, StringComparison.Ordinal);
        var values = SecretValues(aws);
        Assert.True(values.Count >= 2, "the rotation made a second version");
        foreach (var value in values) Assert.DoesNotContain(value, run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotate_DemoDryRunOnTheTemplate_ThePlanOfEveryGroup()
    {
        var (run, _) = await RunAsync("rotate", "--cluster", "demo", "--emulator", "demo", "--dry-run");

        Assert.True(run.ExitCode == 0, run.Text);
        Assert.Contains("Rotation plan (dry run)", run.Text, StringComparison.Ordinal);
        foreach (var group in new[] { "login (pcs_", "compute-1 (pcs_", "gpu (pcs_" }) Assert.Contains(group, run.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ScaleNodeGroupsToZero", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotate_UnknownScenario_OneLineExitTwo()
    {
        var (run, _) = await RunAsync("rotate", "--cluster", "demo", "--emulator", "no-such-scenario");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: No scenario 'no-such-scenario'", run.Text, StringComparison.Ordinal);
    }

    /// <summary>Every version's value of every secret (the emulator answers in process after its server stopped).</summary>
    private static List<string> SecretValues(LocalAwsHost aws)
    {
        var values = new List<string>();
        foreach (var secret in aws.Call("secretsmanager", "ListSecrets", [])["SecretList"]!.AsArray())
        {
            var arn = secret!["ARN"]!.GetValue<string>();
            var versions = aws.Call("secretsmanager", "ListSecretVersionIds", new JsonObject { ["SecretId"] = arn })["Versions"]!.AsArray();
            foreach (var version in versions)
            {
                var value = aws.Call("secretsmanager", "GetSecretValue", new JsonObject { ["SecretId"] = arn, ["VersionId"] = version!["VersionId"]!.GetValue<string>() });
                if (value["SecretString"]?.GetValue<string>() is { Length: > 0 } text) values.Add(text);
            }
        }

        return values;
    }
}

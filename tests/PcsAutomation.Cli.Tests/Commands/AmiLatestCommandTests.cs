using System.Text.Json.Nodes;
using PcsAutomation.LocalAws;
using PcsAutomation.LocalAws.Scenarios;
using LocalAwsHost = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Cli.Tests.Commands;

/// <summary><c>ami latest</c> against the in-process emulator (a shipped scenario or a YAML file) and against a running one.</summary>
public sealed class AmiLatestCommandTests : IDisposable
{
    // Custom images of both architectures and several Slurm versions, pending, deprecated, a look-alike from another owner.
    private const string Catalogue = """
        images:
          - name: team-pcs-v1
            created: -20d
            tags:
              pcs-automation:slurm-versions: 25.05,25.11
          - name: team-pcs-v2
            description: team image, Slurm 25.05 and 25.11
            created: -5d
          - name: team-pcs-v3
            created: -1h
            state: pending
            tags:
              pcs-automation:slurm-versions: "25.11"
          - name: team-pcs-v4
            created: -2d
            deprecated: -1h
            tags:
              pcs-automation:slurm-versions: "25.11"
          - name: team-pcs-v5
            architecture: arm64
            created: -1d
            tags:
              pcs-automation:slurm-versions: "25.11"
          - name: team-pcs-v6
            description: Slurm 24.11
            created: -1d
          - name: team-pcs-v9
            owner: "444455556666"
            created: -1h
            tags:
              pcs-automation:slurm-versions: "25.11"
        parameters:
          - name: /team/pcs/ami
            image: team-pcs-v1
        """;

    private readonly string path = Path.Combine(Path.GetTempPath(), $"ami-{Guid.NewGuid():N}"[..12] + ".yaml");

    public AmiLatestCommandTests() => File.WriteAllText(path, Catalogue);

    public void Dispose() => File.Delete(path);

    private static Task<CliOutcome> RunAsync(params string[] args) => CliRun.RunAsync(host => host, ["ami", "latest", .. args]);

    [Fact] // guide L5570, L5580-5599, L5522-5524
    public async Task AmiLatest_DemoScenarioText_NewestSampleAmiWhyAndDemonstrationNote()
    {
        var run = await RunAsync("--slurm", "25.11", "--arch", "x86_64", "--emulator", "demo");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.Text.Split('\n');
        Assert.StartsWith("Emulator on http://127.0.0.1:", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^ami-[0-9a-f]{17}  aws-pcs-sample_ami-al2023-x86_64-slurm-25\.11-\d{8}$", lines[1]);
        Assert.Contains("chosen: newest CreationDate among 2 eligible PCS sample AMIs aws-pcs-sample_ami-al2023-x86_64-slurm-25.11* owned by amazon", run.Text, StringComparison.Ordinal);
        Assert.Contains("note: PCS sample AMIs are for demonstration only", run.Text, StringComparison.Ordinal);
        Assert.Contains("rejected (1):", run.Text, StringComparison.Ordinal);
        Assert.Contains("older: created", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AmiLatest_CustomChannelJson_ChosenImageAndEveryRejection()
    {
        var run = await RunAsync("--slurm", "25.11", "--arch", "x86_64", "--channel", "custom:team-pcs-*", "--emulator", path, "--output", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var json = JsonNode.Parse(run.Text)!; // nothing but the JSON on stdout
        Assert.True(json["found"]!.GetValue<bool>());
        Assert.Equal("team-pcs-v2", json["image"]!["name"]!.GetValue<string>());
        Assert.Equal(["25.05", "25.11"], json["image"]!["slurmVersions"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("description", json["image"]!["slurmVersionsFrom"]!.GetValue<string>());
        var rejected = json["rejected"]!.AsArray().ToDictionary(r => r!["name"]!.GetValue<string>(), r => r!["rule"]!.GetValue<string>());
        Assert.Equal(new Dictionary<string, string>
        {
            ["team-pcs-v1"] = "older",
            ["team-pcs-v3"] = "state",
            ["team-pcs-v4"] = "deprecated",
            ["team-pcs-v5"] = "architecture",
            ["team-pcs-v6"] = "slurm-version",
        }, rejected); // team-pcs-v9 belongs to another account: owner self never returns it
        Assert.Equal(["self"], json["search"]!["owners"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Empty(json["notes"]!.AsArray());
    }

    [Fact]
    public async Task AmiLatest_OtherOwner_ThatAccountsImage()
    {
        var run = await RunAsync("--slurm", "25.11", "--arch", "x86_64", "--channel", "custom:team-pcs-*", "--owner", "444455556666", "--emulator", path, "--output", "json");

        Assert.Equal("team-pcs-v9", JsonNode.Parse(run.Text)!["image"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task AmiLatest_SsmChannel_TheParametersImage()
    {
        var run = await RunAsync("--slurm", "25.05", "--arch", "x86_64", "--channel", "ssm:/team/pcs/ami", "--emulator", path, "--output", "json");

        var json = JsonNode.Parse(run.Text)!;
        Assert.Equal("team-pcs-v1", json["image"]!["name"]!.GetValue<string>());
        Assert.Equal(json["image"]!["imageId"]!.GetValue<string>(), json["search"]!["parameterValue"]!.GetValue<string>());
    }

    [Fact]
    public async Task AmiLatest_NothingEligibleJson_FoundFalseExitOne()
    {
        var run = await RunAsync("--slurm", "24.11", "--arch", "arm64", "--channel", "custom:team-pcs-*", "--emulator", path, "--output", "json");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var json = JsonNode.Parse(run.Text)!;
        Assert.False(json["found"]!.GetValue<bool>());
        Assert.Null(json["image"]);
        Assert.StartsWith("none of the 6 images found", json["rule"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(6, json["rejected"]!.AsArray().Count);
    }

    [Fact]
    public async Task AmiLatest_NothingEligibleText_SaysWhyExitOne()
    {
        var run = await RunAsync("--slurm", "24.11", "--arch", "arm64", "--channel", "custom:team-pcs-v5", "--emulator", path);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("no image: none of the 1 images found for AMIs named team-pcs-v5", run.Text, StringComparison.Ordinal);
        Assert.Contains("slurm-version: holds Slurm 25.11 (from its tag pcs-automation:slurm-versions), not 24.11", run.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--slurm", "25.11.2", "--arch", "x86_64", "--channel", "sample", "error: --slurm '25.11.2' is not a Slurm major version")]
    [InlineData("--slurm", "25.11", "--arch", "amd64", "--channel", "sample", "error: --arch 'amd64' is not x86_64 or arm64")]
    [InlineData("--slurm", "25.11", "--arch", "x86_64", "--channel", "latest", "error: AMI channel 'latest' is not one of sample, custom:")]
    [InlineData("--slurm", "25.11", "--arch", "x86_64", "--channel", "tag:stable", "error: AMI channel 'tag:stable': expected tag:<key>=<value>")]
    public async Task AmiLatest_BadInput_OneLineExitTwoBeforeStarting(string o1, string v1, string o2, string v2, string o3, string v3, string expected)
    {
        var run = await RunAsync(o1, v1, o2, v2, o3, v3, "--emulator", "no-such-scenario");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith(expected, run.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Emulator on", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AmiLatest_UnknownScenario_UsageError()
    {
        var run = await RunAsync("--slurm", "25.11", "--arch", "x86_64", "--emulator", "no-such-scenario");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("No scenario 'no-such-scenario'", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AmiLatest_SsmParameterMissing_NamedErrorExitOne()
    {
        var run = await RunAsync("--slurm", "25.11", "--arch", "x86_64", "--channel", "ssm:/team/none", "--emulator", path);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("error: AmiParameterNotFound: SSM parameter /team/none does not exist", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AmiLatest_OutputYaml_RefusedByTheParserExitTwo()
    {
        var run = await RunAsync("--slurm", "25.11", "--arch", "x86_64", "--output", "yaml");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("yaml", run.Errors + run.Text, StringComparison.Ordinal);
    }

    [Fact] // the AWS path (--endpoint-url, credentials from the environment), here a running emulator
    public async Task AmiLatest_AgainstEndpoint_SameLookupOverHttp()
    {
        await using var aws = await LocalAwsHost.StartAsync(new LocalAwsOptions { Scenario = ScenarioFile.Parse(Catalogue) });

        var run = await CliRun.AgainstAsync(aws, null, "ami", "latest", "--slurm", "25.11", "--arch", "arm64", "--output", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("aws-pcs-sample_ami-al2023-arm64-slurm-25.11-", JsonNode.Parse(run.Text)!["image"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEmpty(aws.Calls.Of("ec2", "DescribeImages"));
    }
}

using System.Diagnostics;
using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.Host;

/// <summary>A client we did not write: the AWS CLI on the machine image (awscli 1.45, botocore 1.43 knows PCS).</summary>
public class AwsCliTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task AwsCli_PcsListClusters_ListsScenarioCluster()
    {
        var (exitCode, output, _) = await RunAsync("pcs", "list-clusters");

        Assert.Equal(0, exitCode);
        var clusters = JsonNode.Parse(output)!["clusters"]!.AsArray();
        Assert.Contains(clusters, c => c!["name"]!.GetValue<string>() == "http-demo");
    }

    [Fact] // guide L2258-2262: the documented lookup of a cluster secret, run as documented
    public async Task AwsCli_SecretsManagerListSecretsByClusterTag_FindsClusterSecret()
    {
        var clusterId = server.Aws.State.FindCluster("http-demo")!.Id;

        var (exitCode, output, _) = await RunAsync("secretsmanager", "list-secrets",
            "--filters", "Key=tag-key,Values=aws:pcs:cluster-id", $"Key=tag-value,Values={clusterId}");

        Assert.Equal(0, exitCode);
        Assert.Equal($"pcs!slurm-secret-{clusterId}", JsonNode.Parse(output)!["SecretList"]![0]!["Name"]!.GetValue<string>());
    }

    [Fact]
    public async Task AwsCli_PcsGetComputeNodeGroup_ParsesTimestampsAndScaling()
    {
        var (exitCode, output, _) = await RunAsync("pcs", "get-compute-node-group", "--cluster-identifier", "http-demo",
            "--compute-node-group-identifier", "compute-1");

        Assert.Equal(0, exitCode);
        var group = JsonNode.Parse(output)!["computeNodeGroup"]!;
        Assert.Equal(4, group["scalingConfiguration"]!["maxInstanceCount"]!.GetValue<int>());
        Assert.StartsWith("2026-01-05T08:00:00", group["createdAt"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwsCli_PcsInvalidRequest_ReportsValidationException()
    {
        var (exitCode, _, error) = await RunAsync("pcs", "update-compute-node-group", "--cluster-identifier", "http-demo",
            "--compute-node-group-identifier", "compute-1", "--scaling-configuration", "minInstanceCount=2,maxInstanceCount=5");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("ValidationException", error, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("aws")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--endpoint-url", server.Aws.Endpoint.ToString().TrimEnd('/'), "--region", "us-east-1", "--output", "json" }.Concat(arguments))
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in server.Aws.EnvironmentVariables) start.Environment[key] = value;
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}

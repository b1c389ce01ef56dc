using System.Diagnostics;
using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Tests.EventBridge;

namespace PcsAutomation.LocalAws.Tests.Integration;

/// <summary>
/// Issue 3's standalone check: the emulator started as its own process, the way the README says
/// (<c>serve --scenario demo</c>, here on a free port and the virtual clock), driven by a client we did not write: the
/// AWS CLI on the machine image, for PCS, Secrets Manager, EC2, SSM, DynamoDB and EventBridge.
/// </summary>
public sealed class StandaloneServerTests(StandaloneServerTests.Server server) : IClassFixture<StandaloneServerTests.Server>
{
    [Fact]
    public async Task Pcs_ListClusters_TheDemoCluster()
    {
        var clusters = await server.CliAsync("pcs", "list-clusters");

        Assert.Contains(clusters["clusters"]!.AsArray(), c => c!["name"]!.GetValue<string>() == "demo");
    }

    [Fact]
    public async Task SecretsManager_ListSecrets_TheDemoClusterSecret()
    {
        var secrets = await server.CliAsync("secretsmanager", "list-secrets");

        Assert.Contains(secrets["SecretList"]!.AsArray(), s => s!["Name"]!.GetValue<string>().StartsWith("pcs!slurm-secret-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ec2AndSsm_DescribeImagesAndGetParameter_Answer()
    {
        var images = await server.CliAsync("ec2", "describe-images", "--owners", "amazon");
        var parameter = await server.CliAsync("ssm", "get-parameter", "--name", "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64");

        Assert.NotEmpty(images["Images"]!.AsArray());
        Assert.StartsWith("ami-", parameter["Parameter"]!["Value"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DynamoDbAndEvents_CreatePutGetAndPutEvents_RoundTrip()
    {
        await server.CliAsync("dynamodb", "create-table", "--table-name", "StandaloneLeases", "--billing-mode", "PAY_PER_REQUEST",
            "--key-schema", "AttributeName=pk,KeyType=HASH", "--attribute-definitions", "AttributeName=pk,AttributeType=S");
        await server.CliAsync("dynamodb", "put-item", "--table-name", "StandaloneLeases", "--item", """{"pk":{"S":"c1"},"owner":{"S":"cli"}}""");
        var item = await server.CliAsync("dynamodb", "get-item", "--table-name", "StandaloneLeases", "--key", """{"pk":{"S":"c1"}}""");
        var put = await server.CliAsync("events", "put-events", "--entries", """[{"Source":"pcs.automation","DetailType":"Test","Detail":"{}"}]""");

        Assert.Equal("cli", item["Item"]!["owner"]!["S"]!.GetValue<string>());
        Assert.Equal(0, put["FailedEntryCount"]!.GetValue<int>());
    }

    /// <summary>One <c>dotnet PcsAutomation.LocalAws.dll serve</c> process for the class; its endpoint read from its first line.</summary>
    public sealed class Server : IAsyncLifetime
    {
        private Process? process;

        public string Endpoint { get; private set; } = "";

        public async Task InitializeAsync()
        {
            // The emulator's own build output, same configuration as this test assembly (bin/<Configuration>/net10.0/).
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
            var dll = Path.Combine(RepoPaths.Root, "tools", "PcsAutomation.LocalAws", "bin", configuration, "net10.0", "PcsAutomation.LocalAws.dll");
            var start = new ProcessStartInfo("dotnet", [dll, "serve", "--scenario", "demo", "--port", "0", "--clock", "virtual"])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            process = Process.Start(start)!;
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            const string Prefix = "Local AWS listening on ";
            while (await process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
            {
                if (!line.StartsWith(Prefix, StringComparison.Ordinal)) continue;
                Endpoint = line[Prefix.Length..line.IndexOf(' ', Prefix.Length)].TrimEnd('/');
                break;
            }
            Assert.StartsWith("http://127.0.0.1:", Endpoint, StringComparison.Ordinal);
            // Keep draining its output so the process never blocks on a full pipe.
            _ = process.StandardOutput.ReadToEndAsync();
        }

        public async Task DisposeAsync()
        {
            if (process is null) return;
            try
            {
                await process.StandardInput.WriteLineAsync("quit");
                await process.StandardInput.FlushAsync();
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
            finally
            {
                process.Dispose();
            }
        }

        public async Task<JsonObject> CliAsync(params string[] arguments)
        {
            var start = new ProcessStartInfo("aws", [.. arguments, "--endpoint-url", Endpoint, "--region", "us-east-1", "--output", "json"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["AWS_ACCESS_KEY_ID"] = LocalAwsOptions.TestAccessKeyId;
            start.Environment["AWS_SECRET_ACCESS_KEY"] = LocalAwsOptions.TestSecretAccessKey;
            start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
            start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
            start.Environment.Remove("AWS_SESSION_TOKEN");
            start.Environment.Remove("AWS_PROFILE");
            start.Environment.Remove("AWS_ENDPOINT_URL");
            using var cli = Process.Start(start)!;
            var output = cli.StandardOutput.ReadToEndAsync();
            var errors = cli.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await cli.WaitForExitAsync(limit.Token);
            Assert.True(cli.ExitCode == 0, $"aws {string.Join(' ', arguments)} failed ({cli.ExitCode}): {await errors}");
            var text = await output;
            return text.Trim().Length == 0 ? [] : (JsonObject)JsonNode.Parse(text)!;
        }
    }
}

using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Tests.Support;
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

    [Fact] // the emulator knows nothing of the product: template functions run the bootstrap given, as Lambda runs a custom runtime
    public async Task Serve_WithTemplateAndBootstrap_RuleDeliversToTheBootstrapProcess()
    {
        var bootstrap = await BuiltBootstrap.GetAsync();
        await using var withTemplate = await StartAsync(
            "--template", Path.Combine(RepoPaths.Root, "template.yaml"), "--parameter", "AWS::StackName=standalone", "--bootstrap", bootstrap);
        var summary = await withTemplate.WaitForLineAsync(line => line.StartsWith("Template ", StringComparison.Ordinal));

        var delivered = await withTemplate.DeliverAnEventToDiagnosticsAsync();

        Assert.Contains("function(s)", summary, StringComparison.Ordinal);
        Assert.EndsWith("DiagnosticsFunction: ok", delivered, StringComparison.Ordinal);
    }

    [Fact] // without --bootstrap the function has no code: the delivery fails naming the missing entry point, nothing crashes
    public async Task Serve_WithTemplateWithoutBootstrap_DeliveryFailsWithInvalidEntrypoint()
    {
        await using var withTemplate = await StartAsync("--template", Path.Combine(RepoPaths.Root, "template.yaml"));
        await withTemplate.WaitForLineAsync(line => line.StartsWith("Template ", StringComparison.Ordinal));

        var delivered = await withTemplate.DeliverAnEventToDiagnosticsAsync();

        Assert.Contains("failed: Runtime.InvalidEntrypoint", delivered, StringComparison.Ordinal);
    }

    /// <summary><c>dotnet PcsAutomation.LocalAws.dll serve --scenario demo --port 0 --clock virtual</c> plus <paramref name="extraArguments"/>.</summary>
    internal static Task<StandaloneProcess> StartAsync(params string[] extraArguments)
    {
        // the build output of the same configuration as this test assembly
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
        var dll = Path.Combine(RepoPaths.Root, "tools", "PcsAutomation.LocalAws", "bin", configuration, "net10.0", "PcsAutomation.LocalAws.dll");
        return StandaloneProcess.StartAsync(dll, ["serve", "--scenario", "demo", "--port", "0", "--clock", "virtual", .. extraArguments]);
    }

    /// <summary>One <c>dotnet PcsAutomation.LocalAws.dll serve --scenario demo</c> process for the class.</summary>
    public sealed class Server : IAsyncLifetime
    {
        private StandaloneProcess? process;

        public Task<JsonObject> CliAsync(params string[] arguments) => process!.CliAsync(arguments);

        public async Task InitializeAsync() => process = await StartAsync();

        public async Task DisposeAsync()
        {
            if (process is not null) await process.DisposeAsync();
        }
    }
}

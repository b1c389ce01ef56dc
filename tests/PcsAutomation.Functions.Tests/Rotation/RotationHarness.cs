using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using PcsAutomation.Aws.Runtime;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.LocalAws;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Metrics;
using PcsAutomation.ProductHost;

namespace PcsAutomation.Functions.Tests.Rotation;

/// <summary>
/// The emulator in process and the rotation handlers built by <see cref="HandlerRegistry"/> from
/// <see cref="FunctionServices"/> pointed at it, as the bootstrap builds them; invocations go through the handlers'
/// JSON (camelCase, as the state machine sends it), on the emulator's virtual clock.
/// </summary>
internal sealed class RotationHarness : IAsyncDisposable
{
    public const string LeaseTable = "rotation-leases";
    public const string ExecutionArn = "arn:aws:states:us-east-1:111122223333:execution:ClusterSecretRotationStateMachine:run-1";
    public const string OtherExecutionArn = "arn:aws:states:us-east-1:111122223333:execution:ClusterSecretRotationStateMachine:run-2";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly AwsClientFactory factory;
    private readonly Dictionary<string, string> environment;

    private RotationHarness(LocalAws.LocalAws aws, Dictionary<string, string> extraEnvironment)
    {
        Aws = aws;
        environment = new Dictionary<string, string>(aws.EnvironmentVariables, StringComparer.Ordinal)
        {
            ["PCS_AUTOMATION_LEASE_TABLE"] = LeaseTable,
        };
        foreach (var (key, value) in extraEnvironment)
            environment[key] = value;
        factory = AwsClientFactory.Create(new AwsClientOptions
        {
            Environment = environment.GetValueOrDefault,
            Region = aws.Options.Region,
            Credentials = new BasicAWSCredentials(LocalAwsOptions.TestAccessKeyId, LocalAwsOptions.TestSecretAccessKey),
            TimeProvider = aws.Clock,
            Random = () => 0, // no backoff wait on a clock nobody advances
            MaxAttempts = 2,
        });
        DynamoDb = factory.CreateDynamoDb();
    }

    public LocalAws.LocalAws Aws { get; }

    public AmazonDynamoDBClient DynamoDb { get; }

    /// <summary>Every context an invocation used, to scan what the handlers logged.</summary>
    public List<TestLambdaContext> Contexts { get; } = [];

    public IEnumerable<string> LogLines => Contexts.SelectMany(c => c.TestLogger.Lines).Select(l => l.Message);

    /// <summary>Starts the emulator with <paramref name="scenario"/> and creates the lease table through its DynamoDB API.</summary>
    public static async Task<RotationHarness> StartAsync(Scenario scenario, Dictionary<string, string>? environment = null)
    {
        var aws = await LocalAws.LocalAws.StartAsync(new LocalAwsOptions { Scenario = scenario.Build() });
        var harness = new RotationHarness(aws, environment ?? []);
        await harness.DynamoDb.CreateTableAsync(new CreateTableRequest
        {
            TableName = LeaseTable,
            KeySchema = [new KeySchemaElement("clusterId", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("clusterId", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        return harness;
    }

    /// <summary>A scenario cluster tagged managed, with three node groups of distinct exact scaling.</summary>
    public static Scenario ManagedCluster(string name = "demo", string status = "ACTIVE") =>
        Scenario.Cluster(name, status)
            .WithTag("pcs-automation:managed", "true")
            .WithNodeGroup("compute-a", min: 0, max: 8)
            .WithNodeGroup("compute-b", min: 2, max: 2)
            .WithNodeGroup("compute-c", min: 0, max: 4);

    public string ClusterId(string name = "demo")
    {
        lock (Aws.State.Gate)
            return Aws.State.Clusters.Values.Single(c => c.Name == name).Id;
    }

    public string NodeGroupId(string groupName, string clusterName = "demo")
    {
        lock (Aws.State.Gate)
            return Aws.State.Clusters.Values.Single(c => c.Name == clusterName).FindNodeGroup(groupName)!.Id;
    }

    /// <summary>A node group's scaling and status as the emulator holds them.</summary>
    public (int Min, int Max, string Status) NodeGroup(string groupName, string clusterName = "demo")
    {
        lock (Aws.State.Gate)
        {
            var group = Aws.State.Clusters.Values.Single(c => c.Name == clusterName).FindNodeGroup(groupName)!;
            return (group.MinInstanceCount, group.MaxInstanceCount, group.Status);
        }
    }

    /// <summary>Invokes handler <paramref name="name"/> with <paramref name="input"/> serialized camelCase; returns the parsed output.</summary>
    public async Task<T> InvokeAsync<T>(string name, object input)
    {
        var output = await InvokeRawAsync(name, JsonSerializer.Serialize(input, Json));
        return JsonSerializer.Deserialize<T>(output, Json)!;
    }

    /// <summary>Invokes handler <paramref name="name"/> with a JSON payload; returns its JSON output.</summary>
    public async Task<string> InvokeRawAsync(string name, string payload)
    {
        var services = new FunctionServices(
            name, factory, Aws.Clock, new FunctionEnvironment(name, "$LATEST", 256, $"/aws/lambda/{name}", "stream"),
            LogLevel.Debug, new EmbeddedMetrics(TextWriter.Null, Aws.Clock), environment.GetValueOrDefault);
        var handler = HandlerRegistry.Create(name, services);
        var context = new TestLambdaContext(Aws.Clock) { FunctionName = name };
        Contexts.Add(context);
        var output = await handler(System.Text.Encoding.UTF8.GetBytes(payload), context);
        return System.Text.Encoding.UTF8.GetString(output.Span);
    }

    public async ValueTask DisposeAsync()
    {
        DynamoDb.Dispose();
        factory.Dispose();
        await Aws.DisposeAsync();
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using PcsAutomation.Aws.Runtime;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Metrics;
using PcsAutomation.LocalAws;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.SecretsManager;
using PcsAutomation.ProductHost;

namespace PcsAutomation.Functions.Tests.Support;

/// <summary>
/// The emulator in process and the product's handlers built by <see cref="HandlerRegistry"/> from
/// <see cref="FunctionServices"/> pointed at it (endpoint, test keys, the virtual clock), as the bootstrap builds them;
/// invocations go through the handlers' JSON (camelCase, as the state machine sends it). Every log line, output and
/// error message is kept in <see cref="Transcript"/>, so a test can assert no secret value ever appears. One harness
/// for every workflow's steps, with one lease table.
/// </summary>
internal sealed class HandlerHarness : IAsyncDisposable
{
    public const string LeaseTable = "pcs-automation-leases";
    public const string ExecutionArn = "arn:aws:states:us-east-1:111122223333:execution:ClusterSecretRotationStateMachine:run-1";
    public const string OtherExecutionArn = "arn:aws:states:us-east-1:111122223333:execution:ClusterSecretRotationStateMachine:run-2";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly List<string> transcript = [];
    private readonly Dictionary<string, string> environment;

    private HandlerHarness(LocalAws.LocalAws aws, IReadOnlyDictionary<string, string>? variables)
    {
        Aws = aws;
        environment = new Dictionary<string, string>(aws.EnvironmentVariables, StringComparer.Ordinal)
        {
            ["PCS_AUTOMATION_LEASE_TABLE"] = LeaseTable,
            ["PCS_AUTOMATION_ROTATION_STATE_MACHINE_ARN"] = $"arn:aws:states:{aws.Options.Region}:{aws.Options.AccountId}:stateMachine:ClusterSecretRotationStateMachine",
            ["PCS_AUTOMATION_NOTICE_STATE_MACHINE_ARN"] = $"arn:aws:states:{aws.Options.Region}:{aws.Options.AccountId}:stateMachine:RotationNoticeStateMachine",
            ["PCS_AUTOMATION_NODE_GROUP_UPDATE_STATE_MACHINE_ARN"] = $"arn:aws:states:{aws.Options.Region}:{aws.Options.AccountId}:stateMachine:NodeGroupUpdateStateMachine",
        };
        foreach (var (key, value) in variables ?? new Dictionary<string, string>())
            environment[key] = value;
        Factory = AwsClientFactory.Create(new AwsClientOptions
        {
            Environment = environment.GetValueOrDefault,
            Region = aws.Options.Region,
            Credentials = new BasicAWSCredentials(LocalAwsOptions.TestAccessKeyId, LocalAwsOptions.TestSecretAccessKey),
            TimeProvider = aws.Clock,
            Random = () => 0, // no backoff wait on a clock nobody advances
            MaxAttempts = 1,
        });
        DynamoDb = Factory.CreateDynamoDb();
    }

    public LocalAws.LocalAws Aws { get; }

    public AwsClientFactory Factory { get; }

    public AmazonDynamoDBClient DynamoDb { get; }

    /// <summary>Every log line, handler output and error message so far.</summary>
    public IReadOnlyList<string> Transcript
    {
        get { lock (transcript) return [.. transcript]; }
    }

    /// <summary>Starts the emulator with <paramref name="scenario"/> and creates the lease table through its DynamoDB API.</summary>
    public static Task<HandlerHarness> StartAsync(
        Scenario scenario, IReadOnlyDictionary<string, string>? variables = null, DateTimeOffset? start = null) =>
        StartAsync(scenario.Build(), variables, start);

    /// <summary>The same, with a scenario file's definition (<c>ScenarioFile.Load("capacity")</c>).</summary>
    public static async Task<HandlerHarness> StartAsync(
        ScenarioDefinition scenario, IReadOnlyDictionary<string, string>? variables = null, DateTimeOffset? start = null)
    {
        var options = new LocalAwsOptions { Scenario = scenario };
        if (start is { } at) options = options with { StartTime = at };
        var harness = new HandlerHarness(await LocalAws.LocalAws.StartAsync(options), variables);
        harness.CreateLeaseTable();
        return harness;
    }

    /// <summary>A scenario cluster tagged managed, with three node groups of distinct exact scaling.</summary>
    public static Scenario ManagedCluster(string name = "demo", string status = "ACTIVE") =>
        Scenario.Cluster(name, status)
            .WithTag("pcs-automation:managed", "true")
            .WithNodeGroup("compute-a", min: 0, max: 8)
            .WithNodeGroup("compute-b", min: 2, max: 2)
            .WithNodeGroup("compute-c", min: 0, max: 4);

    public string ClusterId(string name = "demo") => Aws.State.FindCluster(name)!.Id;

    public string SecretArn(string name) => Aws.State.FindCluster(name)!.SecretArn;

    public string NodeGroupId(string groupName, string clusterName = "demo")
    {
        lock (Aws.State.Gate)
            return Aws.State.FindCluster(clusterName)!.FindNodeGroup(groupName)!.Id;
    }

    /// <summary>A node group's scaling and status as the emulator holds them.</summary>
    public (int Min, int Max, string Status) NodeGroup(string groupName, string clusterName = "demo")
    {
        lock (Aws.State.Gate)
        {
            var group = Aws.State.FindCluster(clusterName)!.FindNodeGroup(groupName)!;
            return (group.MinInstanceCount, group.MaxInstanceCount, group.Status);
        }
    }

    /// <summary>Invokes handler <paramref name="name"/> with <paramref name="input"/> serialized camelCase; returns the parsed output.</summary>
    public async Task<T> InvokeAsync<T>(string name, object input) =>
        JsonSerializer.Deserialize<T>(await InvokeRawAsync(name, JsonSerializer.Serialize(input, Json)), Json)!;

    public async Task<JsonNode> InvokeAsync(string handler, string payload) => JsonNode.Parse(await InvokeRawAsync(handler, payload))!;

    public Task<JsonNode> InvokeAsync(string handler, JsonObject payload) => InvokeAsync(handler, payload.ToJsonString());

    /// <summary>Invokes the handler registered as <paramref name="handler"/> with a JSON payload; a handler error is rethrown as-is.</summary>
    public async Task<string> InvokeRawAsync(string handler, string payload)
    {
        // The function's ARN names the emulator's account and Region, as Lambda's would name the deployment's.
        var context = new TestLambdaContext(Aws.Clock)
        {
            FunctionName = handler, InvokedFunctionArn = $"arn:aws:lambda:{Aws.Options.Region}:{Aws.Options.AccountId}:function:{handler}",
        };
        try
        {
            var function = HandlerRegistry.Create(handler, Services(handler));
            var output = Encoding.UTF8.GetString((await function(Encoding.UTF8.GetBytes(payload), context)).Span);
            Record(context, output);
            return output;
        }
        catch (Exception e)
        {
            Record(context, $"{e.GetType().Name}: {e.Message}");
            throw;
        }
    }

    /// <summary>A state machine named <paramref name="name"/> that only passes: a stand-in that records the executions a trigger starts.</summary>
    public void CreateStandInStateMachine(string name, string definition = """{"StartAt":"Done","States":{"Done":{"Type":"Pass","End":true}}}""") =>
        Aws.Call("states", "CreateStateMachine", new JsonObject
        {
            ["name"] = name,
            ["definition"] = definition,
            ["roleArn"] = $"arn:aws:iam::{Aws.Options.AccountId}:role/sfn",
        });

    /// <summary>Every key value any cluster secret has had (read from the emulator's world, never through the product).</summary>
    public IReadOnlyList<string> SecretValues()
    {
        lock (Aws.State.Gate)
        {
            return Aws.State.Secrets.Values
                .Where(s => s.Name.StartsWith(ClusterSecrets.NamePrefix, StringComparison.Ordinal))
                .SelectMany(s => s.Versions).Select(v => v.SecretString).OfType<string>().ToList();
        }
    }

    /// <summary>No key value in any log line, output or error message so far.</summary>
    public void AssertNoSecretValueLeaked()
    {
        var values = SecretValues();
        var lines = Transcript;
        Assert.NotEmpty(values);
        Assert.NotEmpty(lines);
        foreach (var value in values)
            Assert.DoesNotContain(lines, line => line.Contains(value, StringComparison.Ordinal));
    }

    /// <summary>A lease item written directly, as <c>AcquireClusterLease</c> would leave it.</summary>
    public void PutLease(
        string clusterId, string owner, string? taskToken = null, TimeSpan? expiresIn = null, string? savedScaling = null, string workflow = "cluster-secret-rotation")
    {
        var now = Aws.Clock.GetUtcNow();
        var item = new JsonObject
        {
            ["clusterId"] = new JsonObject { ["S"] = clusterId },
            ["owner"] = new JsonObject { ["S"] = owner },
            ["workflow"] = new JsonObject { ["S"] = workflow },
            ["expiresAt"] = Number((now + (expiresIn ?? TimeSpan.FromHours(4))).ToUnixTimeSeconds()),
            ["acquiredAt"] = new JsonObject { ["S"] = now.ToString("O", CultureInfo.InvariantCulture) },
        };
        if (taskToken is not null) item["taskToken"] = new JsonObject { ["S"] = taskToken };
        if (savedScaling is not null) item["savedScaling"] = new JsonObject { ["S"] = savedScaling };
        Aws.Call("dynamodb", "PutItem", new JsonObject { ["TableName"] = LeaseTable, ["Item"] = item });
    }

    /// <summary>The lease item as DynamoDB JSON (<c>{"owner":{"S":...}}</c>), or null when there is none.</summary>
    public JsonObject? LeaseItem(string clusterId) =>
        Aws.Call("dynamodb", "GetItem", new JsonObject
        {
            ["TableName"] = LeaseTable,
            ["Key"] = new JsonObject { ["clusterId"] = new JsonObject { ["S"] = clusterId } },
            ["ConsistentRead"] = true,
        })["Item"] as JsonObject;

    /// <summary>The lease item's string attributes, or null when there is none.</summary>
    public IReadOnlyDictionary<string, string>? Lease(string clusterId) =>
        LeaseItem(clusterId)?.Where(p => p.Value?["S"] is not null)
            .ToDictionary(p => p.Key, p => p.Value!["S"]!.GetValue<string>(), StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        DynamoDb.Dispose();
        Factory.Dispose();
        await Aws.DisposeAsync();
    }

    private static JsonObject Number(long value) => new() { ["N"] = value.ToString(CultureInfo.InvariantCulture) };

    private FunctionServices Services(string handler) => new(
        handler,
        Factory,
        Aws.Clock,
        new FunctionEnvironment(handler, "$LATEST", 256, $"/aws/lambda/{handler}", "test"),
        LogLevel.Debug,
        new EmbeddedMetrics(new StringWriter(), Aws.Clock),
        environment.GetValueOrDefault);

    private void CreateLeaseTable() =>
        Aws.Call("dynamodb", "CreateTable", new JsonObject
        {
            ["TableName"] = LeaseTable,
            ["KeySchema"] = new JsonArray(new JsonObject { ["AttributeName"] = "clusterId", ["KeyType"] = "HASH" }),
            ["AttributeDefinitions"] = new JsonArray(new JsonObject { ["AttributeName"] = "clusterId", ["AttributeType"] = "S" }),
            ["BillingMode"] = "PAY_PER_REQUEST",
        });

    private void Record(TestLambdaContext context, string result)
    {
        lock (transcript)
        {
            foreach (var line in context.TestLogger.Lines)
            {
                transcript.Add(line.Message);
                if (line.Exception is { } e) transcript.Add(e.ToString());
                transcript.AddRange(line.Scope.Values);
            }
            transcript.Add(result);
        }
    }
}

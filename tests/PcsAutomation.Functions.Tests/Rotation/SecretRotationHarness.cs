using System.Text;
using System.Text.Json.Nodes;
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

namespace PcsAutomation.Functions.Tests.Rotation;

/// <summary>
/// The emulator in process and the product's handlers built from <see cref="HandlerRegistry"/> with
/// <see cref="FunctionServices"/> pointed at it (endpoint, test keys, the virtual clock), invoked with JSON as Lambda
/// would. Every log line, output and error message is kept, so a test can assert no secret value ever appears.
/// </summary>
internal sealed class SecretRotationHarness : IAsyncDisposable
{
    public const string LeaseTable = "pcs-automation-leases";

    private readonly List<string> transcript = [];
    private readonly Dictionary<string, string> environment;

    private SecretRotationHarness(LocalAws.LocalAws aws, IReadOnlyDictionary<string, string>? variables)
    {
        Aws = aws;
        environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PCS_AUTOMATION_LEASE_TABLE"] = LeaseTable,
            ["PCS_AUTOMATION_ROTATION_STATE_MACHINE_ARN"] = $"arn:aws:states:{aws.Options.Region}:{aws.Options.AccountId}:stateMachine:ClusterSecretRotationStateMachine",
        };
        foreach (var (key, value) in variables ?? new Dictionary<string, string>()) environment[key] = value;
        Factory = AwsClientFactory.Create(new AwsClientOptions
        {
            Environment = name => name == "AWS_ENDPOINT_URL" ? aws.Endpoint.ToString() : null,
            Region = aws.Options.Region,
            Credentials = new BasicAWSCredentials(LocalAwsOptions.TestAccessKeyId, LocalAwsOptions.TestSecretAccessKey),
            TimeProvider = aws.Clock,
            Random = () => 0,
            MaxAttempts = 1,
        });
    }

    public LocalAws.LocalAws Aws { get; }
    public AwsClientFactory Factory { get; }

    /// <summary>Every log line, handler output and error message so far.</summary>
    public IReadOnlyList<string> Transcript
    {
        get { lock (transcript) return [.. transcript]; }
    }

    public static async Task<SecretRotationHarness> StartAsync(
        Scenario scenario, IReadOnlyDictionary<string, string>? variables = null, DateTimeOffset? start = null)
    {
        var options = new LocalAwsOptions { Scenario = scenario.Build() };
        if (start is { } at) options = options with { StartTime = at };
        var harness = new SecretRotationHarness(await LocalAws.LocalAws.StartAsync(options), variables);
        harness.CreateLeaseTable();
        return harness;
    }

    public string ClusterId(string name) => Aws.State.FindCluster(name)!.Id;

    public string SecretArn(string name) => Aws.State.FindCluster(name)!.SecretArn;

    /// <summary>Invokes the handler registered as <paramref name="handler"/>; a handler error is rethrown as-is.</summary>
    public async Task<JsonNode> InvokeAsync(string handler, string payload)
    {
        var context = new TestLambdaContext(Aws.Clock) { FunctionName = handler };
        try
        {
            var function = HandlerRegistry.Create(handler, Services(handler));
            var output = Encoding.UTF8.GetString((await function(Encoding.UTF8.GetBytes(payload), context)).Span);
            Record(context, output);
            return JsonNode.Parse(output)!;
        }
        catch (Exception e)
        {
            Record(context, $"{e.GetType().Name}: {e.Message}");
            throw;
        }
    }

    public Task<JsonNode> InvokeAsync(string handler, JsonObject payload) => InvokeAsync(handler, payload.ToJsonString());

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
    public void PutLease(string clusterId, string owner, string? secretArn = null, string? taskToken = null)
    {
        var item = new JsonObject
        {
            ["clusterId"] = new JsonObject { ["S"] = clusterId },
            ["owner"] = new JsonObject { ["S"] = owner },
            ["workflow"] = new JsonObject { ["S"] = "cluster-secret-rotation" },
            ["expiresAt"] = new JsonObject { ["N"] = Aws.Clock.GetUtcNow().AddHours(4).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["acquiredAt"] = new JsonObject { ["S"] = Aws.Clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture) },
        };
        if (secretArn is not null) item["secretArn"] = new JsonObject { ["S"] = secretArn };
        if (taskToken is not null) item["taskToken"] = new JsonObject { ["S"] = taskToken };
        Aws.Call("dynamodb", "PutItem", new JsonObject { ["TableName"] = LeaseTable, ["Item"] = item });
    }

    /// <summary>The lease item's string attributes, or null when there is none.</summary>
    public IReadOnlyDictionary<string, string>? Lease(string clusterId)
    {
        var response = Aws.Call("dynamodb", "GetItem", new JsonObject
        {
            ["TableName"] = LeaseTable,
            ["Key"] = new JsonObject { ["clusterId"] = new JsonObject { ["S"] = clusterId } },
            ["ConsistentRead"] = true,
        });
        return response["Item"] is JsonObject item
            ? item.Where(p => p.Value?["S"] is not null).ToDictionary(p => p.Key, p => p.Value!["S"]!.GetValue<string>(), StringComparer.Ordinal)
            : null;
    }

    public async ValueTask DisposeAsync()
    {
        Factory.Dispose();
        await Aws.DisposeAsync();
    }

    private FunctionServices Services(string handler) => new(
        handler,
        Factory,
        Aws.Clock,
        new FunctionEnvironment(handler, "$LATEST", 512, $"/aws/lambda/{handler}", "test"),
        LogLevel.Debug,
        new EmbeddedMetrics(new StringWriter(), Aws.Clock),
        name => environment.GetValueOrDefault(name));

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

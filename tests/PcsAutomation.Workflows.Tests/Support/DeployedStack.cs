using System.Text.Json.Nodes;
using PcsAutomation.LocalAws;
using PcsAutomation.LocalAws.Lambda;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.SecretsManager;
using PcsAutomation.LocalAws.World;
using PcsAutomation.ProductHost;
using PcsAutomation.States.Runtime;

namespace PcsAutomation.Workflows.Tests.Support;

/// <summary>A function as the emulator runs it, to wrap: payload in, response out (an exception is the function error).</summary>
internal delegate Task<string> FunctionCall(string payload, CancellationToken cancellationToken);

/// <summary>
/// The stack deployed in the local AWS: <c>template.yaml</c> loaded by the emulator (functions, state
/// machine, lease table, topic, rules, schedule), every function running the product's handler in process through
/// <see cref="ProductFunctions"/>, everything on the virtual clock. A test may wrap a function (to crash it, or to
/// change the world around a step) and reads the world, the notifications and the logs afterwards.
/// </summary>
internal sealed class DeployedStack : IAsyncDisposable
{
    public const string StateMachine = "ClusterSecretRotationStateMachine";
    public const string NoticeStateMachine = "RotationNoticeStateMachine";
    public const string NodeGroupUpdateStateMachine = "NodeGroupUpdateStateMachine";
    public const string CapacityBlockExpiryStateMachine = "CapacityBlockExpiryStateMachine";
    private const string CaptureRule = "capture-pcs-automation-events";

    private DeployedStack(LocalAws.LocalAws aws, ProductFunctions functions)
    {
        Aws = aws;
        Functions = functions;
    }

    public LocalAws.LocalAws Aws { get; }

    public ProductFunctions Functions { get; }

    public string StateMachineArn => Aws.Template!.StateMachineArns[StateMachine];

    public string TopicArn => Aws.Template!.TopicArns["RotationTopic"];

    public string LeaseTable => Aws.Template!.Tables.Single().Name;

    /// <summary>
    /// Starts the emulator on <paramref name="scenario"/> with the template loaded. <paramref name="wrap"/> may replace
    /// a function's handler (by logical id) with one that calls the real one; <paramref name="parameters"/> are stack
    /// parameters as <c>sam deploy --parameter-overrides</c> gives them.
    /// </summary>
    public static Task<DeployedStack> StartAsync(
        Scenario scenario, IReadOnlyDictionary<string, Func<FunctionCall, FunctionCall>>? wrap = null, DateTimeOffset? start = null,
        Durations? durations = null, IReadOnlyDictionary<string, string>? parameters = null) =>
        StartAsync(scenario.Build(), wrap, start, durations, parameters);

    /// <summary>The same, with a scenario file's definition (<c>ScenarioFile.Load("capacity")</c>).</summary>
    public static async Task<DeployedStack> StartAsync(
        ScenarioDefinition scenario, IReadOnlyDictionary<string, Func<FunctionCall, FunctionCall>>? wrap = null, DateTimeOffset? start = null,
        Durations? durations = null, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var functions = new ProductFunctions();
        var options = new LocalAwsOptions
        {
            Scenario = scenario,
            Template = RepoPaths.Template,
            FunctionFactory = function =>
            {
                var handler = functions.Create(function);
                if (handler is null || wrap is null || !wrap.TryGetValue(function.LogicalId, out var wrapper)) return handler;
                var wrapped = wrapper(new FunctionCall(handler));
                return (payload, token) => wrapped(payload, token);
            },
            // Sunday 02:00 UTC: inside the default maintenance window
            StartTime = start ?? new DateTimeOffset(2026, 1, 11, 2, 0, 0, TimeSpan.Zero),
            Durations = durations ?? new Durations(),
            TemplateParameters = parameters ?? new Dictionary<string, string>(StringComparer.Ordinal),
        };
        var workflow = new DeployedStack(await LocalAws.LocalAws.StartAsync(options), functions);
        workflow.CaptureNotificationEvents();
        return workflow;
    }

    /// <summary>The demo-like cluster: a login group (1/1), <paramref name="computeGroups"/> compute groups with distinct scaling, a BYO login node.</summary>
    public static Scenario ManagedCluster(string name, int computeGroups, string status = "ACTIVE")
    {
        var scenario = Scenario.Cluster(name, status)
            .WithTag("pcs-automation:managed", "true")
            .WithNodeGroup("login", min: 1, max: 1);
        // PCS groups are static (min = max) or dynamic (min 0): alternate, with distinct values to restore
        for (var i = 1; i <= computeGroups; i++)
            scenario = i % 2 == 0 ? scenario.WithNodeGroup($"compute-{i}", min: i / 2, max: i / 2) : scenario.WithNodeGroup($"compute-{i}", min: 0, max: 4 + i);
        return scenario
            .WithInstance($"{name}-byo-login", ("pcs-automation:byo-login-for", name))
            .WithSsmAgent($"{name}-byo-login", "success");
    }

    public string ClusterId(string name) => Aws.State.FindCluster(name)!.Id;

    public string SecretArn(string name) => Aws.State.FindCluster(name)!.SecretArn;

    /// <summary>StartExecution as a person or the reconciler would; returns the execution ARN.</summary>
    public string Start(string clusterId, bool dryRun = false, string? name = null)
    {
        var request = new JsonObject
        {
            ["stateMachineArn"] = StateMachineArn,
            ["input"] = new JsonObject { ["clusterId"] = clusterId, ["dryRun"] = dryRun }.ToJsonString(),
        };
        if (name is not null) request["name"] = name;
        return Aws.Call("states", "StartExecution", request)["executionArn"]!.GetValue<string>();
    }

    /// <summary>StartExecution of the template's state machine <paramref name="logicalId"/> with <paramref name="input"/>; returns the execution ARN.</summary>
    public string StartExecution(string logicalId, JsonObject input) =>
        Aws.Call("states", "StartExecution", new JsonObject
        {
            ["stateMachineArn"] = Aws.Template!.StateMachineArns[logicalId],
            ["input"] = input.ToJsonString(),
        })["executionArn"]!.GetValue<string>();

    /// <summary>StopExecution, as a person in the console would: the execution ends where it is, no state after it runs.</summary>
    public void Stop(string executionArn) =>
        Aws.Call("states", "StopExecution", new JsonObject { ["executionArn"] = executionArn, ["error"] = "Stopped", ["cause"] = "stopped by the test" });

    /// <summary>The execution as the engine holds it (history, states visited), while it runs or after.</summary>
    public Execution Execution(string executionArn) => Aws.StepFunctions.Engine.Executions.Single(e => e.Arn == executionArn);

    /// <summary>Runs the virtual clock until the execution ends (at most 8 hours of virtual time).</summary>
    public Task<Execution> RunAsync(string executionArn) =>
        Aws.StepFunctions.RunExecutionToCompletionAsync(executionArn, TimeSpan.FromHours(8));

    public async Task<Execution> RotateAsync(string clusterName, bool dryRun = false) =>
        await RunAsync(Start(ClusterId(clusterName), dryRun));

    /// <summary>Each node group's (min, max, status) by name, read from the emulator's world.</summary>
    public IReadOnlyDictionary<string, (int Min, int Max, string Status)> Scaling(string clusterName)
    {
        lock (Aws.State.Gate)
        {
            return Aws.State.FindCluster(clusterName)!.NodeGroups.Values.ToDictionary(
                g => g.Name, g => (g.MinInstanceCount, g.MaxInstanceCount, g.Status), StringComparer.Ordinal);
        }
    }

    /// <summary>The secret's AWSCURRENT version id and its LastRotatedDate.</summary>
    public (string CurrentVersion, DateTimeOffset? LastRotated, IReadOnlyList<string> PendingVersions) SecretState(string clusterName)
    {
        lock (Aws.State.Gate)
        {
            var secret = Aws.State.Secrets[Aws.State.FindCluster(clusterName)!.SecretArn];
            return (secret.VersionWithStage(Secret.Current)!.VersionId, secret.LastRotatedDate,
                [.. secret.Versions.Where(v => v.Stages.Contains(Secret.Pending)).Select(v => v.VersionId)]);
        }
    }

    /// <summary>The version the cluster's <c>slurmConfiguration.authKey.secretVersion</c> points at.</summary>
    public string ClusterSecretVersion(string clusterName)
    {
        lock (Aws.State.Gate) return Aws.State.FindCluster(clusterName)!.SecretVersion;
    }

    /// <summary>The lease item of the cluster, or null.</summary>
    public JsonObject? Lease(string clusterId) =>
        Aws.Call("dynamodb", "GetItem", new JsonObject
        {
            ["TableName"] = LeaseTable,
            ["Key"] = new JsonObject { ["clusterId"] = new JsonObject { ["S"] = clusterId } },
            ["ConsistentRead"] = true,
        })["Item"] as JsonObject;

    /// <summary>Every SSM command sent, with its targets (read from the world).</summary>
    public IReadOnlyList<(string DocumentName, IReadOnlyList<string> InstanceIds, string Parameters)> Commands()
    {
        lock (Aws.State.Gate)
        {
            return [.. Aws.State.Commands.Values.Select(c => (c.DocumentName, c.InstanceIds,
                string.Join("\n", c.Parameters.Select(p => p.Key + "=" + string.Join("\n", p.Value)))))];
        }
    }

    /// <summary>The custom events the state machine put on the default bus (source <c>pcs-automation</c>), in order.</summary>
    public IReadOnlyList<JsonNode> NotificationEvents =>
        [.. Aws.Deliveries.Where(d => d.Rule.Name == CaptureRule).Select(d => d.Event)];

    /// <summary>The detail of the one notification event of <paramref name="detailType"/> (e.g. "PCS Cluster Secret Rotation Succeeded").</summary>
    public JsonNode NotificationDetail(string detailType) =>
        Assert.Single(NotificationEvents, e => (string?)e["detail-type"] == detailType)["detail"]!;

    /// <summary>The detail-type of each <see cref="NotificationEvents"/> entry.</summary>
    public IReadOnlyList<string> NotificationTypes => [.. NotificationEvents.Select(e => e["detail-type"]!.GetValue<string>())];

    /// <summary>Every SNS message to the rotation topic.</summary>
    public IReadOnlyList<LocalAws.Sns.SnsMessage> TopicMessages => Aws.Sns.MessagesTo(TopicArn);

    /// <summary>Mutating calls recorded by CloudTrail since the start (management writes; the emulator's own setup is not recorded).</summary>
    public IReadOnlyList<string> MutatingCalls =>
        [.. Aws.CloudTrail.Events
            .Where(e => e["detail-type"]!.GetValue<string>() == "AWS API Call via CloudTrail")
            .Select(e => $"{e["detail"]!["eventSource"]}:{e["detail"]!["eventName"]}")];

    /// <summary>
    /// Every key value any cluster secret has had (from the emulator's world, never through the product), and
    /// everything the product or AWS said: every log line of every function, every execution's history, input and
    /// output, every SNS message and custom event. None may contain a key value.
    /// </summary>
    public void AssertNoSecretValueAnywhere()
    {
        List<string> values;
        lock (Aws.State.Gate)
        {
            values = [.. Aws.State.Secrets.Values
                .Where(s => s.Name.StartsWith(ClusterSecrets.NamePrefix, StringComparison.Ordinal))
                .SelectMany(s => s.Versions).Select(v => v.SecretString).OfType<string>()];
        }
        Assert.NotEmpty(values);

        var said = new List<(string Where, string Text)>();
        foreach (var (function, lines) in Functions.Logs)
            said.AddRange(lines.Select(line => ($"log of {function}", line)));
        foreach (var execution in Aws.StepFunctions.Engine.Executions)
        {
            said.Add(($"input of {execution.Name}", execution.Input));
            said.Add(($"output of {execution.Name}", execution.Output ?? ""));
            said.Add(($"cause of {execution.Name}", execution.Cause ?? ""));
            said.AddRange(execution.History.Select(h => ($"history of {execution.Name}", h.Details?.ToJsonString() ?? "")));
        }
        said.AddRange(Aws.Sns.Messages.Select(m => ("SNS message", $"{m.Subject}\n{m.Message}")));
        said.AddRange(Aws.Deliveries.Select(d => ("EventBridge delivery", d.Event.ToJsonString())));
        said.AddRange(Aws.CloudTrail.Events.Select(e => ("CloudTrail", e.ToJsonString())));
        said.AddRange(Commands().Select(c => ("SSM command", c.Parameters)));
        // What the workflows wrote into Slurm through slurmrestd (issue 12): drain reasons and reservation comments.
        List<string> clusters;
        lock (Aws.State.Gate)
            clusters = [.. Aws.State.Clusters.Values.Select(c => c.Name)];
        foreach (var cluster in clusters)
        {
            said.AddRange(Aws.Slurm.Nodes(cluster).Select(n => ($"Slurm node {n.Name}'s reason", n.Reason ?? "")));
            said.AddRange(Aws.Slurm.Reservations(cluster).Select(r => ($"Slurm reservation {r.Name}", $"{r.Name} {r.Comment}")));
        }

        Assert.NotEmpty(said);
        foreach (var value in values)
        {
            var leak = said.FirstOrDefault(s => s.Text.Contains(value, StringComparison.Ordinal));
            Assert.True(leak.Where is null, $"a cluster secret value appears in the {leak.Where}");
        }
        // Slurm REST tokens are secrets too (issue 12): no JWT (base64url header "eyJ..." then payload then signature).
        var token = said.FirstOrDefault(s => JwtShape.IsMatch(s.Text));
        Assert.True(token.Where is null, $"a JWT appears in the {token.Where}");
    }

    private static readonly System.Text.RegularExpressions.Regex JwtShape =
        new(@"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>Every execution of the rotation state machine so far.</summary>
    public IReadOnlyList<Execution> Executions => ExecutionsOf(StateMachine);

    /// <summary>Every execution of the template's state machine <paramref name="logicalId"/> so far, oldest first.</summary>
    public IReadOnlyList<Execution> ExecutionsOf(string logicalId) =>
        [.. Aws.StepFunctions.Engine.Executions.Where(e => e.StateMachineArn == Aws.Template!.StateMachineArns[logicalId]).OrderBy(e => e.StartDate)];

    /// <summary>The world as plain data, without the parts that move with time or record calls (for before/after comparisons).</summary>
    public string WorldSnapshot()
    {
        var snapshot = Aws.Snapshot();
        snapshot.Remove("time");
        return snapshot.ToJsonString();
    }

    public async ValueTask DisposeAsync()
    {
        await Aws.DisposeAsync();
        await Functions.DisposeAsync();
    }

    /// <summary>
    /// A rule on the default bus for the workflow's own events, targeting the Diagnostics function (harmless: it reports
    /// its configuration), so every notification event shows in <see cref="LocalAws.LocalAws.Deliveries"/>.
    /// </summary>
    private void CaptureNotificationEvents()
    {
        Aws.Call("events", "PutRule", new JsonObject
        {
            ["Name"] = CaptureRule,
            ["EventPattern"] = """{"source":["pcs-automation"]}""",
        });
        Aws.Call("events", "PutTargets", new JsonObject
        {
            ["Rule"] = CaptureRule,
            ["Targets"] = new JsonArray(new JsonObject
            {
                ["Id"] = "diagnostics",
                ["Arn"] = Aws.Template!.Functions.Single(f => f.LogicalId == "DiagnosticsFunction").Arn,
            }),
        });
    }
}

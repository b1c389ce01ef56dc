using System.Text.Json.Nodes;
using PcsAutomation.Template.Tests.Template;

namespace PcsAutomation.Template.Tests.StateMachines;

/// <summary>
/// The shape of <c>statemachines/cluster-secret-rotation.asl.json</c> against the shared contract: Lambda states named
/// after their handlers, execution ARN in every payload, retries on transient errors, notifications as documented.
/// </summary>
public class RotationDefinitionTests
{
    private const string LambdaInvoke = "arn:aws:states:::lambda:invoke";
    private const string LambdaCallback = "arn:aws:states:::lambda:invoke.waitForTaskToken";

    private static readonly string[] TransientErrors =
    [
        "TransientAwsError", "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException",
        "Lambda.TooManyRequestsException", "Lambda.Unknown", "Runtime.ExitError",
    ];

    internal static string DefinitionPath => Path.Combine(RepoPaths.Root, "statemachines", "cluster-secret-rotation.asl.json");

    private static readonly JsonObject Definition = JsonNode.Parse(File.ReadAllText(DefinitionPath))!.AsObject();

    [Fact]
    public void Definition_EveryLambdaState_IsNamedAfterItsHandler()
    {
        var handlers = RotationTemplateTests.Handlers.ToHashSet(StringComparer.Ordinal);
        var lambdaStates = LambdaStates().ToList();

        Assert.True(lambdaStates.Count >= 11, "every step handler is called");
        Assert.All(lambdaStates, s =>
        {
            var function = (string)s.State["Parameters"]!["FunctionName"]!;
            Assert.Matches(@"^\$\{[A-Za-z]+FunctionArn\}$", function);
            var handler = function["${".Length..^"FunctionArn}".Length];
            Assert.Contains(handler, handlers);
            Assert.StartsWith(handler, s.Name, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Definition_EveryLambdaPayload_CarriesTheExecutionArn() =>
        Assert.All(LambdaStates(), s => Assert.Equal("$$.Execution.Id", (string?)s.State["Parameters"]!["Payload"]!["executionArn.$"]));

    [Fact]
    public void Definition_EveryLambdaState_RetriesTransientErrors() =>
        Assert.All(LambdaStates(), s => Assert.Contains(
            s.State["Retry"]!.AsArray(),
            r => TransientErrors.All(e => r!["ErrorEquals"]!.AsArray().Any(n => (string?)n == e)) && (int)r!["MaxAttempts"]! is > 0 and <= 10));

    [Theory]
    [InlineData("ScaleNodeGroupsToZero")]
    [InlineData("RestoreNodeGroups")]
    public void Definition_PcsUpdateSteps_RetryConflicts(string state) =>
        Assert.Contains(State(state)["Retry"]!.AsArray(), r => r!["ErrorEquals"]!.AsArray().Any(n => (string?)n == "ConflictException"));

    [Fact]
    public void Definition_RotateClusterSecret_WaitsForTheTokenWithABound()
    {
        var rotate = State("RotateClusterSecret");

        Assert.Equal(LambdaCallback, (string?)rotate["Resource"]);
        Assert.Equal("$$.Task.Token", (string?)rotate["Parameters"]!["Payload"]!["taskToken.$"]);
        Assert.InRange((int)rotate["TimeoutSeconds"]!, 300, 3600);
        Assert.Equal("StartRotationPolling", (string?)rotate["Catch"]!.AsArray().Single(c => (string?)c!["ErrorEquals"]![0] == "States.Timeout")!["Next"]);
    }

    [Fact]
    public void Definition_EveryTaskAfterTheLease_IsCaught()
    {
        var uncaught = TopLevelStates()
            .Where(s => (string?)s.State["Type"] is "Task" or "Parallel" && s.Name is not ("PlanRotation" or "PlanJobProtection")) // read-only, before the lease
            .Where(s => s.State["Catch"] is not JsonArray { Count: > 0 })
            .Select(s => s.Name);

        Assert.Empty(uncaught);
    }

    [Fact]
    public void Definition_Notifications_UseTheTopicAndTheDocumentedEvents()
    {
        var tasks = AllStates().Where(s => (string?)s.State["Type"] == "Task").ToList();
        var publishes = tasks.Where(s => (string?)s.State["Resource"] == "arn:aws:states:::sns:publish").ToList();
        var events = tasks.Where(s => (string?)s.State["Resource"] == "arn:aws:states:::events:putEvents").ToList();
        var prepares = LambdaStates().Where(s => s.Name.StartsWith("PrepareNotification", StringComparison.Ordinal)).ToList();

        // The texts and the detail-types come from PrepareNotification (RotationNotifications), which reads the lease.
        Assert.Equal(["Failed", "NeedsOperator", "Starting", "Succeeded"], prepares.Select(p => (string)p.State["Parameters"]!["Payload"]!["event"]!).Order(StringComparer.Ordinal));
        Assert.All(prepares, p =>
        {
            var payload = p.State["Parameters"]!["Payload"]!;
            Assert.Equal("cluster-secret-rotation", (string?)payload["workflow"]);
            Assert.Equal("$.plan.clusterId", (string?)payload["clusterId.$"]);
            Assert.Equal("$.notification", (string?)p.State["ResultPath"]);
        });
        Assert.Equal(4, publishes.Count);
        Assert.All(publishes, p =>
        {
            Assert.Equal("${RotationTopicArn}", (string?)p.State["Parameters"]!["TopicArn"]);
            Assert.Equal("$.notification.subject", (string?)p.State["Parameters"]!["Subject.$"]);
        });
        Assert.Equal(4, events.Count);
        Assert.All(events, e =>
        {
            var entry = e.State["Parameters"]!["Entries"]![0]!;
            Assert.Equal("pcs-automation", (string?)entry["Source"]);
            Assert.Equal("default", (string?)entry["EventBusName"]);
            Assert.Equal("$.notification.detailType", (string?)entry["DetailType.$"]);
            Assert.Equal("$.notification.detail", (string?)entry["Detail.$"]);
        });
    }

    [Fact]
    public void Definition_WaitLoops_AreBoundedAndCoverATenMinuteScaleDown()
    {
        // PollingBackoff: 15, 30, 60, 120, 120... The drain and restore loops must outlast a 10-minute scale-down.
        foreach (var (choice, variable) in new[] { ("IsDrained", "$.drain.attempt"), ("IsRestored", "$.restored.attempt"), ("RotationOutcome", "$.rotation.attempt"), ("LoginNodesOutcome", "$.loginCheck.attempt") })
        {
            var bound = State(choice)["Choices"]!.AsArray().Single(c => (string?)c!["Variable"] == variable)!;
            var attempts = (int)bound["NumericGreaterThanEquals"]!;
            Assert.InRange(attempts, 5, 30);
            if (choice is "IsDrained" or "IsRestored")
                Assert.True(WaitedSeconds(attempts) >= 3 * 600, $"{choice}: {attempts} checks wait {WaitedSeconds(attempts)} s");
        }
    }

    private static int WaitedSeconds(int checks) =>
        Enumerable.Range(0, checks - 1).Sum(i => i switch { 0 => 15, 1 => 30, 2 => 60, _ => 120 });

    private static JsonObject State(string name) => Definition["States"]![name]!.AsObject();

    private static IEnumerable<(string Name, JsonObject State)> TopLevelStates() =>
        Definition["States"]!.AsObject().Select(p => (p.Key, p.Value!.AsObject()));

    private static IEnumerable<(string Name, JsonObject State)> AllStates() =>
        TopLevelStates().SelectMany(s => (string?)s.State["Type"] == "Parallel"
            ? [s, .. s.State["Branches"]!.AsArray().SelectMany(b => b!["States"]!.AsObject().Select(p => (p.Key, p.Value!.AsObject())))]
            : new[] { s });

    private static IEnumerable<(string Name, JsonObject State)> LambdaStates() =>
        AllStates().Where(s => (string?)s.State["Resource"] is LambdaInvoke or LambdaCallback);
}

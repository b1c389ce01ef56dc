using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.EventBridge;
using PcsAutomation.LocalAws.Lambda;
using PcsAutomation.LocalAws.Tests.EventBridge;

namespace PcsAutomation.LocalAws.Tests.Template;

/// <summary>
/// Loading a SAM template (a fixture with Globals, parameters, a state machine, a table, a topic and rules): what SAM
/// would create, with intrinsics resolved to the emulator's names and ARNs.
/// </summary>
public sealed class TemplateLoaderTests
{
    private const string Account = "111122223333";

    internal static string FixturePath { get; } = Path.Combine(RepoPaths.Root, "tests", "PcsAutomation.LocalAws.Tests", "Template", "Fixtures", "app-template.yaml");

    [Fact]
    public async Task Load_FunctionEnvironment_GlobalsMergedOwnWinsIntrinsicsResolved()
    {
        await using var aws = Fixture(new Dictionary<string, string> { ["AWS::StackName"] = "fixture", ["Greeting"] = "hi" });

        var echo = aws.Template!.Functions.Single(f => f.Name == "EchoFunction");

        Assert.Equal("fixture", echo.Environment["STACK"]);
        Assert.Equal("hi", echo.Environment["GREETING"]);                 // override
        Assert.Equal("600", echo.Environment["LEASE_SECONDS"]);           // Number default
        Assert.Equal("LeaseTable", echo.Environment["LEASE_TABLE"]);      // Ref table = its name (logical id without TableName)
        Assert.Equal("from-function", echo.Environment["SHARED"]);        // SAM: the function's own entry wins the merge
        Assert.Equal($"arn:aws:sns:us-east-1:{Account}:fixture-notify", echo.Environment["TOPIC_ARN"]);
        Assert.Equal($"arn:aws:states:us-east-1:{Account}:stateMachine:PipelineStateMachine", echo.Environment["MACHINE_ARN"]);
        Assert.Equal($"arn:aws:dynamodb:us-east-1:{Account}:table/LeaseTable", echo.Environment["TABLE_ARN"]);
        Assert.Equal($"us-east-1/{Account}/aws", echo.Environment["REGION_AND_ACCOUNT"]);
        Assert.Equal("EchoFunction", echo.Environment["SELF_NAME"]);      // Ref function = its name
        Assert.Equal($"arn:aws:lambda:us-east-1:{Account}:function:EchoFunction", echo.Arn);
    }

    [Fact]
    public async Task Load_FunctionSettings_OwnThenGlobalsThenSamDefaults()
    {
        await using var aws = Fixture();

        var echo = aws.Template!.Functions.Single(f => f.Name == "EchoFunction");
        var check = aws.Template.Functions.Single(f => f.Name == "CheckFunction");

        Assert.Equal(("Echo", TimeSpan.FromSeconds(5), 256, "WARN"), (echo.Handler, echo.Timeout, echo.MemoryMb, echo.LogLevel));
        Assert.Equal(TimeSpan.FromSeconds(20), check.Timeout);
        Assert.Equal("Echo", echo.Variables["_HANDLER"]);
        Assert.Equal("WARN", echo.Variables["AWS_LAMBDA_LOG_LEVEL"]);
        Assert.Equal("us-east-1", echo.Variables["AWS_REGION"]);
        Assert.Equal(["CheckFunction", "EchoFunction", "OrphanFunction"], aws.Lambda.Functions.Select(f => f.Name));
    }

    [Fact]
    public async Task Load_StateMachine_DefinitionUriReadAndSubstitutionsResolvedToLocalArns()
    {
        await using var aws = Fixture();

        var arn = aws.Template!.StateMachineArns["PipelineStateMachine"];
        var definition = aws.Call("states", "DescribeStateMachine", new JsonObject { ["stateMachineArn"] = arn })["definition"]!.GetValue<string>();

        Assert.Equal($"arn:aws:states:us-east-1:{Account}:stateMachine:PipelineStateMachine", arn);
        Assert.Contains($"\"FunctionName\": \"arn:aws:lambda:us-east-1:{Account}:function:EchoFunction\"", definition, StringComparison.Ordinal);
        Assert.Contains($"arn:aws:sns:us-east-1:{Account}:fixture-notify", definition, StringComparison.Ordinal);
        Assert.Contains("\"Seconds\": 600", definition, StringComparison.Ordinal);
        Assert.DoesNotContain("${", definition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_TablesTopicsAndRules_Created()
    {
        await using var aws = Fixture();

        Assert.NotNull(aws.DynamoDb.FindTable("LeaseTable"));
        Assert.Equal($"arn:aws:sns:us-east-1:{Account}:fixture-notify", aws.Template!.TopicArns["NotifyTopic"]);
        Assert.Contains(aws.Sns.Invoke("ListTopics", [])["Topics"]!.AsArray(), t => t!["TopicArn"]!.GetValue<string>().EndsWith(":fixture-notify", StringComparison.Ordinal));
        Assert.Equal(["CheckFunctionHourly", "OrphanFunctionPing", "StartPipelineRule"], aws.Events.Rules(EventBus.DefaultBusName).Select(r => r.Name));
        Assert.NotNull(aws.Events.NextScheduledTime(EventBus.DefaultBusName, "CheckFunctionHourly"));
    }

    [Fact]
    public async Task Load_NoTemplateLoaded_TemplateIsNull()
    {
        await using var aws = LocalAws.CreateInProcess();

        Assert.Null(aws.Template);
    }

    [Fact]
    public void Options_MissingTemplateFile_FailsNamingTheProperty()
    {
        var error = Assert.Throws<ArgumentException>(() => LocalAws.CreateInProcess(new LocalAwsOptions { Template = "/nonexistent/template.yaml" }));

        Assert.Contains("Template", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_FunctionWithoutCode_FailsWithClearError()
    {
        await using var aws = Fixture();

        var result = await aws.Lambda.InvokeAsync("OrphanFunction", "{}");

        Assert.Equal("Runtime.InvalidEntrypoint", result.Error!.ErrorType);
        Assert.Contains("FunctionFactory", result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Factory_ReturnsNullForOneFunction_ThatFunctionHasNoCode()
    {
        await using var aws = Fixture(factory: f => f.Name == "EchoFunction" ? null : (_, _) => Task.FromResult("{}"));

        Assert.False((await aws.Lambda.InvokeAsync("EchoFunction", "{}")).Succeeded);
        Assert.True((await aws.Lambda.InvokeAsync("CheckFunction", "{}")).Succeeded);
    }

    internal static LocalAws Fixture(
        IReadOnlyDictionary<string, string>? parameters = null,
        Func<TemplateFunction, Func<string, CancellationToken, Task<string>>?>? factory = null) =>
        LocalAws.CreateInProcess(new LocalAwsOptions
        {
            Template = FixturePath,
            TemplateParameters = parameters ?? new Dictionary<string, string>(),
            FunctionFactory = factory,
        });

    /// <summary>A factory whose functions record their payloads and answer <c>{"echo": payload}</c>.</summary>
    internal static Func<TemplateFunction, Func<string, CancellationToken, Task<string>>?> Recording(ConcurrentQueue<(string Function, string Payload)> calls) =>
        function => (payload, _) =>
        {
            calls.Enqueue((function.Name, payload));
            return Task.FromResult(new JsonObject { ["echo"] = JsonNode.Parse(payload) }.ToJsonString());
        };
}

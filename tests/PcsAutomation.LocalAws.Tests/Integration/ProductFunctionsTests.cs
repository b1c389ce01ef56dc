using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Tests.EventBridge;
using PcsAutomation.LocalAws.Tests.Template;
using PcsAutomation.Testing;

namespace PcsAutomation.LocalAws.Tests.Integration;

/// <summary>
/// The repository's real <c>template.yaml</c> on the emulator with the product's handlers in process
/// (<see cref="ProductFunctions"/>): what <c>sam deploy</c> would run, reached through EventBridge.
/// </summary>
public sealed class ProductFunctionsTests
{
    private static readonly string RepoTemplate = Path.Combine(RepoPaths.Root, "template.yaml");

    [Fact]
    public async Task RepoTemplate_DiagnosticsThroughARule_RunsTheProductHandlerAgainstTheEmulator()
    {
        await using var functions = new ProductFunctions();
        await using var aws = await LocalAws.StartAsync(new LocalAwsOptions
        {
            Template = RepoTemplate,
            TemplateParameters = new Dictionary<string, string> { ["AWS::StackName"] = "pcs-test" },
            FunctionFactory = functions.Create,
        });
        var diagnostics = aws.Template!.Functions.Single(f => f.Name == "DiagnosticsFunction");
        // template.yaml gives Diagnostics no event source: add a rule as an operator could.
        aws.Call("events", "PutRule", new JsonObject { ["Name"] = "diagnostics-on-demand", ["EventPattern"] = """{"source":["pcs-automation.test"]}""" });
        aws.Call("events", "PutTargets", new JsonObject
        {
            ["Rule"] = "diagnostics-on-demand",
            ["Targets"] = new JsonArray(new JsonObject { ["Id"] = "diagnostics", ["Arn"] = diagnostics.Arn }),
        });

        LocalAwsTimeTests.PutEvent(aws, "pcs-automation.test", "Run Diagnostics", "{}");
        Assert.True(await aws.RunUntilAsync(() => !aws.DeliveryResults.IsEmpty, TimeSpan.FromMinutes(1)), string.Join('\n', functions.AllLines));

        var result = Assert.Single(aws.DeliveryResults);
        Assert.True(result.Succeeded, result.Detail);
        var report = JsonNode.Parse(result.Detail!)!;
        Assert.Equal("Diagnostics", report["handler"]!.GetValue<string>());
        Assert.Equal("DiagnosticsFunction", report["functionName"]!.GetValue<string>());
        Assert.Equal(256, report["memoryLimitInMB"]!.GetValue<int>());                       // Globals.Function.MemorySize
        Assert.StartsWith(aws.Endpoint.ToString().TrimEnd('/'), report["endpoints"]!["PCS"]!.GetValue<string>(), StringComparison.Ordinal); // AWS_ENDPOINT_URL = the emulator
        Assert.Equal("pcs-test", diagnostics.Environment["PCS_AUTOMATION_STACK_NAME"]);
        Assert.Equal("pcs-automation:managed", diagnostics.Environment["PCS_AUTOMATION_MANAGED_TAG_KEY"]);
        Assert.Contains(functions.LogsOf("DiagnosticsFunction"), line => line.Contains("Diagnostics for Diagnostics", StringComparison.Ordinal));
        Assert.DoesNotContain(functions.AllLines, line => line.Contains(LocalAwsOptions.TestSecretAccessKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RepoTemplate_EveryFunction_RegisteredUnderItsLogicalId()
    {
        await using var functions = new ProductFunctions();
        await using var aws = LocalAws.CreateInProcess(new LocalAwsOptions { Template = RepoTemplate, FunctionFactory = functions.Create });

        Assert.Contains(aws.Template!.Functions, f => f.Name == "DiagnosticsFunction");
        Assert.Equal(aws.Template.Functions.Select(f => f.Name).Order(StringComparer.Ordinal), aws.Lambda.Functions.Select(f => f.Name));
        Assert.All(aws.Template.Functions, f => Assert.Equal(f.LogicalId, f.Name));
    }

    [Fact]
    public async Task ProductFunctions_HandlerTheBootstrapDoesNotServe_InitErrorIsTheFunctionError()
    {
        await using var functions = new ProductFunctions();
        await using var aws = TemplateLoaderTests.Fixture(factory: functions.Create);

        var result = await aws.Lambda.InvokeAsync("EchoFunction", "{}");

        Assert.True(result.Error!.ErrorType == "UnknownHandlerException", $"{result.Error.ErrorType}: {result.Error.ErrorMessage}");
        Assert.Contains("Echo", result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(functions.LogsOf("EchoFunction"), line => line.Contains("Initialization failed", StringComparison.Ordinal));
    }
}

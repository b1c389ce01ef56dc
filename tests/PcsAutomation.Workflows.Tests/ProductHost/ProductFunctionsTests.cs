using System.Text.Json.Nodes;
using PcsAutomation.LocalAws;
using PcsAutomation.ProductHost;
using Emulator = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Workflows.Tests.ProductHost;

/// <summary>
/// The repository's real <c>template.yaml</c> on the emulator with the product's handlers in process
/// (<see cref="ProductFunctions"/>, the one place emulator and product meet): what <c>sam deploy</c> would run,
/// reached through EventBridge.
/// </summary>
public sealed class ProductFunctionsTests
{
    [Fact]
    public async Task RepoTemplate_DiagnosticsThroughARule_RunsTheProductHandlerAgainstTheEmulator()
    {
        await using var functions = new ProductFunctions();
        await using var aws = await Emulator.StartAsync(new LocalAwsOptions
        {
            Template = RepoPaths.Template,
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

        aws.Call("events", "PutEvents", new JsonObject
        {
            ["Entries"] = new JsonArray(new JsonObject { ["Source"] = "pcs-automation.test", ["DetailType"] = "Run Diagnostics", ["Detail"] = "{}" }),
        });
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
        await using var aws = Emulator.CreateInProcess(new LocalAwsOptions { Template = RepoPaths.Template, FunctionFactory = functions.Create });

        Assert.Contains(aws.Template!.Functions, f => f.Name == "DiagnosticsFunction");
        Assert.Equal(aws.Template.Functions.Select(f => f.Name).Order(StringComparer.Ordinal), aws.Lambda.Functions.Select(f => f.Name));
        Assert.All(aws.Template.Functions, f => Assert.Equal(f.LogicalId, f.Name));
    }

    [Fact]
    public async Task ProductFunctions_HandlerTheBootstrapDoesNotServe_InitErrorIsTheFunctionError()
    {
        await using var functions = new ProductFunctions();
        // A deployment mistake: the function's Handler names nothing the bootstrap serves (_HANDLER=Echo).
        await using var aws = Emulator.CreateInProcess(new LocalAwsOptions
        {
            Template = RepoPaths.Template,
            FunctionFactory = f => functions.Create(f.Name != "DiagnosticsFunction" ? f : f with
            {
                Handler = "Echo",
                Variables = new Dictionary<string, string>(f.Variables) { ["_HANDLER"] = "Echo" },
            }),
        });

        var result = await aws.Lambda.InvokeAsync("DiagnosticsFunction", "{}");

        Assert.True(result.Error!.ErrorType == "UnknownHandlerException", $"{result.Error.ErrorType}: {result.Error.ErrorMessage}");
        Assert.Contains("Echo", result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(functions.LogsOf("DiagnosticsFunction"), line => line.Contains("Initialization failed", StringComparison.Ordinal));
    }
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PcsAutomation.Cli.Emulator;
using PcsAutomation.Cli.Events.Samples;

namespace PcsAutomation.Cli.Tests.Commands;

/// <summary>`events generate` then `invoke` on the emulator with template.yaml: every generated kind on the function it targets.</summary>
public sealed class InvokeCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("pcs-automation-invoke-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>Each kind: the scenario it runs on, its flags, and what the function's response must say.</summary>
    public static TheoryData<string, string, string[], string> Cases => new()
    {
        { "rotation-succeeded", "demo", ["--cluster", "demo"], "has no lease, so no rotation of ours is waiting" },
        { "rotation-failed", "demo", ["--cluster", "demo"], "has no lease, so no rotation of ours is waiting" },
        { "capacity-block-expiration-warning", "capacity", ["--reservation", "cr-0b000000000000001"], "\"action\": \"catch-up\"" },
        { "capacity-block-reservation-expiration-warning", "capacity", ["--reservation", "cr-0b000000000000001"], "\"action\": \"catch-up\"" },
        // the block of shared-a and shared-b (min 4 each): instances run in it from the start
        { "capacity-block-interruption-warning", "capacity", ["--reservation", "cr-0e000000000000001"], "\"action\"" },
        { "capacity-block-delivered", "capacity", ["--reservation", "cr-0b000000000000001"], "\"action\"" },
        { "capacity-block-reservation-delivered", "capacity", ["--reservation", "cr-0b000000000000001"], "\"action\"" },
        { "pcs-create-compute-node-group", "demo", ["--cluster", "demo"], "\"action\"" },
        { "pcs-update-compute-node-group", "demo", ["--cluster", "demo", "--ami", "ami-0ccccccccccccccc3"], "\"action\"" },
        { "schedule-rotation", "demo", [], "\"started\"" },
        { "schedule-ami-update", "demo", [], "\"started\"" },
        { "schedule-capacity-block", "capacity", [], "\"started\"" },
        { "custom-resource-create", "demo", [], "\"Status\": \"SUCCESS\"" },
        { "custom-resource-update", "demo", [], "\"Status\": \"SUCCESS\"" },
        { "custom-resource-delete", "demo", [], "\"Status\": \"SUCCESS\"" },
    };

    [Fact]
    public void Cases_CoverEveryKind() =>
        Assert.Equal(SampleEventCatalog.Kinds.Select(k => k.Name).Order(StringComparer.Ordinal), Cases.Select(c => (string)c[0]).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Invoke_GeneratedEventOnItsFunction_ExitZeroWithTheResponseLogsAndCalls(string kind, string scenario, string[] flags, string expected)
    {
        var file = Path.Combine(directory, kind + ".json");
        var generated = await CliRun.RunAsync(h => h, ["events", "generate", kind, "--emulator", scenario, "-o", file, .. flags]);
        Assert.True(generated.ExitCode == 0, generated.Text);
        var function = SampleEventCatalog.Find(kind).Trigger.FunctionLogicalId;

        var run = await CliRun.RunAsync(h => h, "invoke", function, "--event", file, "--emulator", scenario);

        Assert.True(run.ExitCode == 0, run.Text);
        Assert.Contains($"({function}) with {kind}.json on the emulator (scenario {scenario}", run.Text, StringComparison.Ordinal);
        Assert.Contains(expected, run.Text, StringComparison.Ordinal);
        Assert.Matches(@"Logs \([1-9]\d* lines?\):\n  \{", run.Text);
        // a Delete of a resource the provider never made needs no AWS call
        Assert.Matches(kind == "custom-resource-delete" ? @"AWS calls \(0 calls\):\n" : @"AWS calls \([1-9]\d* calls?\):\n  \w+ \w+ \d{3}", run.Text);
        Assert.Contains("Response:", run.Text, StringComparison.Ordinal);
        var secrets = await SecretValuesAsync(scenario);
        Assert.NotEmpty(secrets);
        Assert.All(secrets, value => Assert.DoesNotContain(value, run.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invoke_ByHandlerName_SameFunction()
    {
        var file = await GenerateAsync("schedule-rotation", "demo");

        var run = await CliRun.RunAsync(h => h, "invoke", "RotationReconciler", "--event", file, "--emulator", "demo");

        Assert.True(run.ExitCode == 0, run.Text);
        Assert.Contains("Invoked RotationReconciler (RotationReconcilerFunction)", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_StandardInput_ReadsTheEvent()
    {
        var json = await File.ReadAllTextAsync(await GenerateAsync("schedule-ami-update", "demo"));

        var run = await CliRun.RunAsync(h => h with { Input = new StringReader(json) }, "invoke", "AmiUpdateReconcilerFunction", "--event", "-", "--emulator", "demo");

        Assert.True(run.ExitCode == 0, run.Text);
        Assert.Contains("with standard input on the emulator", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_TaskFunctionThatThrows_ExitOneWithTheErrorAsLambdaReportsIt()
    {
        var file = Path.Combine(directory, "plan.json");
        await File.WriteAllTextAsync(file, """{"clusterId":"no-such-cluster","dryRun":true}""");

        var run = await CliRun.RunAsync(h => h, "invoke", "PlanRotationFunction", "--event", file, "--emulator", "demo");

        Assert.True(run.ExitCode == 1, run.Text);
        Assert.Contains("Function error:", run.Text, StringComparison.Ordinal);
        Assert.Matches("\"errorType\": \"[A-Za-z.]+\"", run.Text);
        Assert.Contains("no-such-cluster", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_MissingEventFile_OneLineExitTwo()
    {
        var run = await CliRun.RunAsync(h => h, "invoke", "RotationEventRouterFunction", "--event", Path.Combine(directory, "none.json"), "--emulator", "demo");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: No event file", run.Text, StringComparison.Ordinal);
        Assert.Contains("none.json", run.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Invoked", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_NotJson_OneLineNamingTheFileExitTwo()
    {
        var file = Path.Combine(directory, "broken.json");
        await File.WriteAllTextAsync(file, "{\"source\": ");

        var run = await CliRun.RunAsync(h => h, "invoke", "RotationEventRouterFunction", "--event", file, "--emulator", "demo");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: broken.json: not JSON", run.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Invoked", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_EventOfAnotherRule_OneLineNamingTheRuleNothingInvoked()
    {
        var file = await GenerateAsync("schedule-rotation", "demo");

        var run = await CliRun.RunAsync(h => h, "invoke", "RotationEventRouterFunction", "--event", file, "--emulator", "demo");

        Assert.Equal(2, run.ExitCode);
        var text = Regex.Replace(run.Text, @"\s+", " "); // the console wraps the one long line
        Assert.Contains("schedule-rotation.json: the event (source aws.events, detail-type Scheduled Event", text, StringComparison.Ordinal);
        Assert.Contains("is not what RotationEventRouterFunction takes: it must match the event pattern of rule RotationEventRouterFunctionRotationEvents", text, StringComparison.Ordinal);
        Assert.Contains("nothing invoked", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Logs (", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_CustomResourceProviderWithoutResponseUrl_OneLineNamingTheFieldExitTwo()
    {
        var file = Path.Combine(directory, "request.json");
        var request = JsonNode.Parse(await File.ReadAllTextAsync(await GenerateAsync("custom-resource-create", "demo")))!.AsObject();
        request.Remove("ResponseURL");
        await File.WriteAllTextAsync(file, request.ToJsonString());

        var run = await CliRun.RunAsync(h => h, "invoke", "AmiLookupCustomResourceFunction", "--event", file, "--emulator", "demo");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("request.json: not a CloudFormation custom resource request", Regex.Replace(run.Text, @"\s+", " "), StringComparison.Ordinal);
        Assert.Contains("ResponseURL", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_UnknownFunction_ListsTheFunctionsExitTwo()
    {
        var file = await GenerateAsync("schedule-rotation", "demo");

        var run = await CliRun.RunAsync(h => h, "invoke", "NoSuchFunction", "--event", file, "--emulator", "demo");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No function 'NoSuchFunction'", run.Text, StringComparison.Ordinal);
        Assert.Contains("RotationEventRouterFunction", run.Text, StringComparison.Ordinal);
    }

    /// <summary>The scenario's secret values: the emulator is deterministic (seed 1), so a second one holds the same.</summary>
    private static async Task<List<string>> SecretValuesAsync(string scenario)
    {
        await using var account = await ScenarioAccount.StartAsync(scenario, CancellationToken.None);
        var values = new List<string>();
        foreach (var secret in account.Aws.Call("secretsmanager", "ListSecrets", [])["SecretList"]!.AsArray())
        {
            var value = account.Aws.Call("secretsmanager", "GetSecretValue", new JsonObject { ["SecretId"] = secret!["ARN"]!.GetValue<string>() });
            if (value["SecretString"]?.GetValue<string>() is { Length: > 0 } text) values.Add(text);
        }
        return values;
    }

    private async Task<string> GenerateAsync(string kind, string scenario, params string[] flags)
    {
        var file = Path.Combine(directory, kind + ".json");
        var run = await CliRun.RunAsync(h => h, ["events", "generate", kind, "--emulator", scenario, "-o", file, .. flags]);
        Assert.True(run.ExitCode == 0, run.Text);
        return file;
    }
}

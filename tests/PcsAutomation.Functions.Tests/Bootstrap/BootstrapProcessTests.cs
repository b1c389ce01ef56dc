using System.Text.RegularExpressions;
using PcsAutomation.Testing.Lambda;

namespace PcsAutomation.Functions.Tests.Bootstrap;

/// <summary>The real AOT bootstrap process against a fake Runtime API on 127.0.0.1.</summary>
[Collection(UsesPublishedBootstrap.Name)]
public sealed partial class BootstrapProcessTests(PublishedBootstrap published)
{
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string SessionToken = "FQoGZXIvYXdzEXAMPLESESSIONTOKEN";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // What Lambda gives a function, plus static credentials and the emulator endpoint; no profile, no IMDS.
    private static Dictionary<string, string> LambdaEnvironment(string runtimeApi) => new()
    {
        ["AWS_LAMBDA_RUNTIME_API"] = runtimeApi,
        ["_HANDLER"] = "Diagnostics",
        ["AWS_REGION"] = "eu-west-1",
        ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE",
        ["AWS_SECRET_ACCESS_KEY"] = SecretKey,
        ["AWS_SESSION_TOKEN"] = SessionToken,
        ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566",
        ["AWS_LAMBDA_FUNCTION_NAME"] = "pcs-diagnostics",
        ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
        ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "256",
        ["AWS_LAMBDA_LOG_LEVEL"] = "DEBUG",
        ["AWS_CONFIG_FILE"] = "/nonexistent/aws/config",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws/credentials",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    // The process reads the real clock, so the fake's deadlines must come from it too.
    private static Task<FakeRuntimeApi> StartApiAsync() => FakeRuntimeApi.StartAsync(new FakeRuntimeApiOptions { Time = TimeProvider.System });

    [GeneratedRegex(@"\bwarning [A-Z]+[0-9]+")]
    private static partial Regex CompilerWarning();

    [Fact]
    public void MakeBuild_DiagnosticsFunction_PublishesBootstrapWithZeroWarnings()
    {
        Assert.True(published.MakeExitCode == 0, published.MakeOutput);
        Assert.DoesNotMatch(CompilerWarning(), published.MakeOutput);
        Assert.Contains("Generating native code", published.MakeOutput, StringComparison.Ordinal);
        Assert.True(new FileInfo(published.BootstrapPath).Length > 0);
    }

    [Fact]
    public async Task Bootstrap_ServesSuccessThenHandlerError_WithoutLeakingSecrets()
    {
        await using var api = await StartApiAsync();
        using var process = BootstrapProcess.Start(published.BootstrapPath, LambdaEnvironment(api.RuntimeApiAddress));
        var success = api.Enqueue("{}", new FakeInvocationHeaders(RequestId: "req-ok", TraceId: "Root=1-abc-def"));
        var badInput = api.Enqueue("[1,2,3]", new FakeInvocationHeaders(RequestId: "req-bad"));

        var ok = await ResultOrInitErrorAsync(api, success, process);
        var report = ok.Json;
        Assert.Equal("Diagnostics", report.GetProperty("handler").GetString());
        Assert.True(report.GetProperty("nativeAot").GetBoolean());
        Assert.Equal("eu-west-1", report.GetProperty("region").GetString());
        Assert.Equal("http://127.0.0.1:4566", report.GetProperty("endpoints").GetProperty("PCS").GetString());
        Assert.Equal(("req-ok", 256), (report.GetProperty("requestId").GetString(), report.GetProperty("memoryLimitInMB").GetInt32()));

        var failed = await ResultOrInitErrorAsync(api, badInput, process);
        Assert.NotNull(failed.Error);
        Assert.Equal("LambdaSerializationException", failed.Error.ErrorTypeHeader);
        Assert.Contains("DiagnosticsRequest", failed.Error.ErrorMessage, StringComparison.Ordinal);

        foreach (var text in new[] { ok.Body, failed.Body, process.Output })
        {
            Assert.DoesNotContain(SecretKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(SessionToken, text, StringComparison.Ordinal);
        }
        Assert.Contains("\"requestId\":\"req-ok\"", process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bootstrap_UnknownHandler_ReportsInitErrorAndExits()
    {
        await using var api = await StartApiAsync();
        var environment = LambdaEnvironment(api.RuntimeApiAddress);
        environment["_HANDLER"] = "NoSuchHandler";

        var error = await InitErrorAsync(api, environment);

        Assert.Equal("UnknownHandlerException", error.ErrorTypeHeader);
        Assert.Equal($"_HANDLER is 'NoSuchHandler', which this bootstrap does not serve. Known handlers: {string.Join(", ", HandlerRegistry.Names)}.", error.ErrorMessage);
    }

    // These wait on the real AwsClientFactory.FromEnvironment (the contract stub throws NotImplementedException).
    [Theory]
    [InlineData("AWS_ENDPOINT_URL", "not a url", "AWS_ENDPOINT_URL")]
    [InlineData("AWS_REGION", null, "region")]
    [InlineData("AWS_SECRET_ACCESS_KEY", null, "credentials")]
    public async Task Bootstrap_BadAwsConfiguration_ReportsOneClearInitError(string variable, string? value, string mentioned)
    {
        await using var api = await StartApiAsync();
        var environment = LambdaEnvironment(api.RuntimeApiAddress);
        if (value is null)
        {
            environment.Remove(variable);
            if (variable == "AWS_SECRET_ACCESS_KEY")
                environment.Remove("AWS_ACCESS_KEY_ID");
        }
        else
        {
            environment[variable] = value;
        }

        var error = await InitErrorAsync(api, environment);

        Assert.Equal("AwsConfigurationException", error.ErrorTypeHeader);
        Assert.Contains(mentioned, error.ErrorMessage, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', error.ErrorMessage.Trim());
        Assert.DoesNotContain(SecretKey, error.Body, StringComparison.Ordinal);
    }

    private async Task<FakeRuntimeError> InitErrorAsync(FakeRuntimeApi api, Dictionary<string, string> environment)
    {
        using var process = BootstrapProcess.Start(published.BootstrapPath, environment);
        var error = await api.InitError.WaitAsync(Patience);
        using var exit = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(exit.Token);
        Assert.Equal(1, process.ExitCode);
        Assert.Equal(0, api.PollCount);
        return error;
    }

    // Fails at once with the init error, if any, rather than waiting out the patience.
    private static async Task<FakeInvocationResult> ResultOrInitErrorAsync(FakeRuntimeApi api, FakeInvocation invocation, BootstrapProcess process)
    {
        var first = await Task.WhenAny(invocation.Result, api.InitError).WaitAsync(Patience);
        if (first == api.InitError)
            Assert.Fail($"init error {api.InitError.Result.ErrorType}: {api.InitError.Result.ErrorMessage}\n{process.Output}");
        return await invocation.Result;
    }
}

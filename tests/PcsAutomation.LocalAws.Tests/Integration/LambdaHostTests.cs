using System.Text.Json;
using PcsAutomation.LocalAws.Lambda;

namespace PcsAutomation.LocalAws.Tests.Integration;

/// <summary>Issue 3 item 8: the emulator's Lambda Runtime API, for the real AOT bootstrap and for an in-process handler.</summary>
public sealed class LambdaHostTests
{
    [Fact] // the real bootstrap, started on first invoke with Lambda's environment, answers through the emulator's Runtime API
    public async Task InvokeAsync_RealBootstrapDiagnostics_ReportsTheLambdaEnvironment()
    {
        var bootstrap = await BuiltBootstrap.GetAsync();
        // A bootstrap process compares deadlines with the real clock, so they must come from it (FakeRuntimeApiOptions.Time).
        await using var aws = await LocalAws.StartAsync(new LocalAwsOptions { RealTime = TimeProvider.System });
        aws.Lambda.Register(new LambdaFunction("pcs-diagnostics") { BootstrapPath = bootstrap, Handler = "Diagnostics", MemoryMb = 256, LogLevel = "DEBUG" });

        var first = await aws.Lambda.InvokeAsync("pcs-diagnostics", "{}");
        var second = await aws.Lambda.InvokeAsync("pcs-diagnostics", "{}");

        Assert.True(first.Succeeded, first.Error?.ToString());
        using var report = JsonDocument.Parse(first.Payload!);
        var root = report.RootElement;
        Assert.Equal("Diagnostics", root.GetProperty("handler").GetString());
        Assert.True(root.GetProperty("nativeAot").GetBoolean());
        Assert.Equal("us-east-1", root.GetProperty("region").GetString());
        Assert.Equal("pcs-diagnostics", root.GetProperty("functionName").GetString());
        Assert.Equal(256, root.GetProperty("memoryLimitInMB").GetInt32());
        Assert.Equal("DEBUG", root.GetProperty("logLevel").GetString(), ignoreCase: true);
        Assert.Contains(aws.Endpoint.ToString().TrimEnd('/'), root.GetProperty("endpoints").ToString(), StringComparison.Ordinal);
        Assert.InRange(root.GetProperty("remainingTimeMs").GetInt64(), 1, 30_000);
        Assert.True(second.Succeeded); // same process, second invocation
        Assert.NotEmpty(aws.Lambda.Logs("pcs-diagnostics")); // the function's JSON log lines
    }

    [Fact] // the same bootstrap with an unknown handler: the init error comes back as the function error
    public async Task InvokeAsync_UnknownHandler_InitErrorReturned()
    {
        var bootstrap = await BuiltBootstrap.GetAsync();
        await using var aws = await LocalAws.StartAsync(new LocalAwsOptions { RealTime = TimeProvider.System });
        aws.Lambda.Register(new LambdaFunction("broken") { BootstrapPath = bootstrap, Handler = "NoSuchHandler" });

        var result = await aws.Lambda.InvokeAsync("broken", "{}");

        Assert.False(result.Succeeded);
        Assert.Contains("NoSuchHandler", result.Error!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact] // a bootstrap that dies before answering: the invocation ends with Runtime.ExitError instead of hanging
    public async Task InvokeAsync_BootstrapExits_ExitError()
    {
        await using var aws = await LocalAws.StartAsync();
        aws.Lambda.Register(new LambdaFunction("crashes") { BootstrapPath = "/bin/false", Handler = "Diagnostics" }); // exits 1 at once

        var result = await aws.Lambda.InvokeAsync("crashes", "{}");

        Assert.Equal("Runtime.ExitError", result.Error?.ErrorType);
    }

    [Fact] // an in-process delegate has the same contract: response JSON, or errorType/errorMessage
    public async Task InvokeAsync_InProcessHandler_ResponseAndFunctionError()
    {
        await using var aws = await LocalAws.StartAsync();
        aws.Lambda.Register(new LambdaFunction("echo")
        {
            InProcess = (payload, _) => payload.Contains("fail", StringComparison.Ordinal)
                ? throw new InvalidOperationException("asked to fail")
                : Task.FromResult($$"""{"echo":{{payload}}}"""),
        });

        var ok = await aws.Lambda.InvokeAsync("echo", """{"n":1}""");
        var failed = await aws.Lambda.InvokeAsync("echo", """{"fail":true}""");
        var missing = await Assert.ThrowsAsync<AwsServiceException>(() => aws.Lambda.InvokeAsync("nope", "{}"));

        Assert.Equal("""{"echo":{"n":1}}""", ok.Payload);
        Assert.Equal(new LambdaFunctionError("InvalidOperationException", "asked to fail"), failed.Error);
        Assert.Equal(("ResourceNotFoundException", 404), (missing.Code, missing.StatusCode));
    }
}

using System.Text.Json;
using PcsAutomation.Lambda.Bootstrap;
using PcsAutomation.Lambda.Client;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;
using PcsAutomation.Testing.Lambda;

namespace PcsAutomation.Lambda.Tests.Bootstrap;

// One class: these tests set the process-wide _X_AMZN_TRACE_ID, so they must not run in parallel with each other.
public class LambdaBootstrapTests
{
    private static readonly LambdaHandler Greeter = HandlerWrapper.Create(
        (Greeting g, ILambdaContext c) => Task.FromResult(new Reply($"hello {g.Name}", c.AwsRequestId)),
        TestJsonContext.Default.Greeting,
        TestJsonContext.Default.Reply);

    [Fact]
    public async Task InvokeOnce_HandlerSucceeds_PostsItsJsonResponse()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        var invocation = harness.Api.Enqueue("""{"name":"pcs"}""", new FakeInvocationHeaders(RequestId: "req-1"));

        await harness.Bootstrap(Greeter).InvokeOnceAsync();

        var result = await invocation.Result.WaitAsync(RuntimeHarness.Patience);
        Assert.True(result.Succeeded);
        Assert.Equal("hello pcs", result.Json.GetProperty("text").GetString());
        Assert.Equal("req-1", result.Json.GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task InvokeOnce_HandlerThrows_PostsErrorTypedAfterTheExceptionInHeaderAndBody()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        var invocation = harness.Api.Enqueue("{}");
        LambdaHandler failing = (_, _) => throw new PreconditionFailedException("cluster demo is not ACTIVE");

        await harness.Bootstrap(failing).InvokeOnceAsync();

        var error = (await invocation.Result.WaitAsync(RuntimeHarness.Patience)).Error;
        Assert.NotNull(error);
        Assert.Equal("PreconditionFailedException", error.ErrorTypeHeader);
        Assert.Equal("PreconditionFailedException", error.ErrorType);
        Assert.Equal("cluster demo is not ACTIVE", error.ErrorMessage);
        Assert.NotEmpty(error.StackTrace);
    }

    [Fact]
    public async Task InvokeOnce_InputIsNotJson_PostsSerializationErrorNamingTheType()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        var invocation = harness.Api.Enqueue("not json at all");

        await harness.Bootstrap(Greeter).InvokeOnceAsync();

        var error = (await invocation.Result.WaitAsync(RuntimeHarness.Patience)).Error;
        Assert.NotNull(error);
        Assert.Equal(nameof(LambdaSerializationException), error.ErrorTypeHeader);
        Assert.Contains("not a valid Greeting", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeOnce_ThenAnother_ServesBothInOrder()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        var first = harness.Api.Enqueue("""{"name":"one"}""");
        var second = harness.Api.Enqueue("""{"name":"two"}""");
        var bootstrap = harness.Bootstrap(Greeter);

        await bootstrap.InvokeOnceAsync();
        await bootstrap.InvokeOnceAsync();

        Assert.Equal("hello one", (await first.Result).Json.GetProperty("text").GetString());
        Assert.Equal("hello two", (await second.Result).Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task InvokeOnce_DeadlineApproaches_CancellationTokenFiresOneSafetyMarginBefore()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        var deadline = harness.Time.GetUtcNow().AddSeconds(10);
        var invocation = harness.Api.Enqueue("{}", new FakeInvocationHeaders(Deadline: deadline));
        var started = new TaskCompletionSource<(ILambdaContext Context, CancellationToken Token)>(TaskCreationOptions.RunContinuationsAsynchronously);
        LambdaHandler slow = async (_, context) =>
        {
            started.SetResult((context, context.CancellationToken));
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
            return ReadOnlyMemory<byte>.Empty;
        };

        var run = harness.Bootstrap(slow).InvokeOnceAsync();
        // Fails at once (with the loop's own error) when the loop ends without calling the handler.
        await Task.WhenAny(started.Task, run);
        Assert.True(started.Task.IsCompleted, $"the loop ended before calling the handler: {run.Exception?.GetBaseException().Message}");
        // The token is read in the handler: the context is disposed with its invocation, which the last advance
        // ends, so reading context.CancellationToken after it raced the loop's disposal (issue 9 audit).
        var (context, token) = await started.Task;
        Assert.Equal(deadline, context.Deadline);
        Assert.Equal(TimeSpan.FromSeconds(10), context.RemainingTime);
        harness.Time.Advance(TimeSpan.FromMilliseconds(8_999));
        Assert.False(token.IsCancellationRequested);
        harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(token.IsCancellationRequested);
        await run.WaitAsync(RuntimeHarness.Patience);

        var error = (await invocation.Result).Error;
        Assert.NotNull(error);
        Assert.Equal(nameof(TaskCanceledException), error.ErrorType);
    }

    [Fact]
    public async Task InvokeOnce_WithTraceHeader_SetsEnvironmentAndContextThenClearsForTheNext()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        const string Trace = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
        var seen = new List<(string? Env, string? Context)>();
        LambdaHandler recorder = (_, context) =>
        {
            seen.Add((Environment.GetEnvironmentVariable(LambdaBootstrap.TraceIdVariable), context.TraceId));
            return Task.FromResult<ReadOnlyMemory<byte>>("{}"u8.ToArray());
        };
        harness.Api.Enqueue("{}", new FakeInvocationHeaders(TraceId: Trace));
        harness.Api.Enqueue("{}");
        var bootstrap = harness.Bootstrap(recorder);

        await bootstrap.InvokeOnceAsync();
        await bootstrap.InvokeOnceAsync();

        Assert.Equal([(Trace, Trace), (null, null)], seen);
    }

    [Fact]
    public async Task InvokeOnce_Context_CarriesFunctionSettingsAndInvocationHeaders()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        const string Arn = "arn:aws:lambda:eu-west-1:111122223333:function:pcs-diagnostics:live";
        harness.Api.Enqueue("{}", new FakeInvocationHeaders(RequestId: "req-ctx", FunctionArn: Arn));
        ILambdaContext? seen = null;
        LambdaHandler recorder = (_, context) =>
        {
            seen = context;
            return Task.FromResult<ReadOnlyMemory<byte>>("{}"u8.ToArray());
        };

        await harness.Bootstrap(recorder).InvokeOnceAsync();

        Assert.NotNull(seen);
        Assert.Equal(
            ("req-ctx", Arn, "pcs-diagnostics", "$LATEST", 256, "/aws/lambda/pcs-diagnostics"),
            (seen.AwsRequestId, seen.InvokedFunctionArn, seen.FunctionName, seen.FunctionVersion, seen.MemoryLimitInMB, seen.LogGroupName));
    }

    [Fact]
    public async Task InvokeOnce_HandlerFails_LogsTheErrorAsJsonWithRequestId()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        harness.Api.Enqueue("{}", new FakeInvocationHeaders(RequestId: "req-log"));
        LambdaHandler failing = (_, _) => throw new PreconditionFailedException("no capacity");

        await harness.Bootstrap(failing).InvokeOnceAsync();

        var line = JsonDocument.Parse(Assert.Single(harness.OutputLines())).RootElement;
        Assert.Equal("ERROR", line.GetProperty("level").GetString());
        Assert.Equal("req-log", line.GetProperty("requestId").GetString());
        Assert.Equal("PreconditionFailedException", line.GetProperty("errorType").GetString());
    }

    [Fact]
    public async Task InvokeOnce_HandlerLogsInAScope_LineCarriesRequestIdAndScopeAndHonoursLevel()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        harness.Api.Enqueue("{}", new FakeInvocationHeaders(RequestId: "req-scope"));
        LambdaHandler logging = (_, context) =>
        {
            using (context.Logger.BeginScope("clusterId", "pcs_abc123"))
            {
                context.Logger.LogDebug("dropped at INFO");
                context.Logger.LogInformation("scaling to zero");
            }
            return Task.FromResult<ReadOnlyMemory<byte>>("{}"u8.ToArray());
        };

        await harness.Bootstrap(logging, LogLevel.Information).InvokeOnceAsync();

        var line = JsonDocument.Parse(Assert.Single(harness.OutputLines())).RootElement;
        Assert.Equal(
            ("INFO", "scaling to zero", "req-scope", "pcs_abc123"),
            (line.GetProperty("level").GetString(), line.GetProperty("message").GetString(), line.GetProperty("requestId").GetString(), line.GetProperty("clusterId").GetString()));
    }

    [Fact]
    public void Constructor_NegativeSafetyMargin_FailsNamingTheOption()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var options = new LambdaBootstrapOptions
        {
            Time = time,
            Function = RuntimeHarness.Function,
            Logger = new JsonLambdaLogger(TextWriter.Null, time, LogLevel.Information),
            CancellationSafetyMargin = TimeSpan.FromSeconds(-1),
        };

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LambdaBootstrap(new RuntimeApiClient("127.0.0.1:1"), Greeter, options));
        Assert.Equal(nameof(LambdaBootstrapOptions.CancellationSafetyMargin), e.ParamName);
    }
}

using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using PcsAutomation.Aws.Runtime;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Lambda.Client;
using PcsAutomation.Testing.Lambda;

namespace PcsAutomation.Functions.Tests.Hosting;

#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed class FunctionHostTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly StringWriter output = new();
    private FakeRuntimeApi api = null!;
    private RuntimeApiClient client = null!;
    private int awsFactoryCalls;

    public async Task InitializeAsync()
    {
        api = await FakeRuntimeApi.StartAsync(new FakeRuntimeApiOptions { Time = time });
        client = new RuntimeApiClient(api.RuntimeApiAddress);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await api.DisposeAsync();
        await output.DisposeAsync();
        await trace.DisposeAsync();
    }

    private readonly StringWriter trace = new();

    private Task<int> RunAsync(Dictionary<string, string> environment, Func<AwsClientFactory> aws, CancellationToken cancellationToken = default) =>
        FunctionHost.RunAsync(client, new FunctionHostOptions
        {
            GetVariable = name => environment.GetValueOrDefault(name),
            Output = output,
            TraceOutput = trace,
            Time = time,
            CreateAwsClients = () =>
            {
                awsFactoryCalls++;
                return aws();
            },
        }, cancellationToken);

    private AwsClientFactory StaticAws() => AwsClientFactory.Create(new AwsClientOptions
    {
        TimeProvider = time,
        Region = "us-east-1",
        Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "not-a-secret"),
        Environment = _ => null,
    });

    [Fact]
    public async Task RunAsync_UnknownHandler_ReportsInitErrorListingKnownHandlersWithoutTouchingAws()
    {
        var exitCode = await RunAsync(new() { ["_HANDLER"] = "ScaleEverything" }, () => throw new AwsConfigurationException("unreachable"));

        var error = await api.InitError.WaitAsync(Patience);
        Assert.Equal((1, 0), (exitCode, awsFactoryCalls));
        Assert.Equal(nameof(UnknownHandlerException), error.ErrorTypeHeader);
        Assert.Contains("Known handlers: " + string.Join(", ", HandlerRegistry.Names), error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AwsConfigurationRejected_ReportsItsOneLineMessage()
    {
        var exitCode = await RunAsync(
            new() { ["_HANDLER"] = "Diagnostics" },
            () => throw new AwsConfigurationException("AWS_ENDPOINT_URL 'htp:/nope' is not an absolute http(s) URL."));

        var error = await api.InitError.WaitAsync(Patience);
        Assert.Equal(1, exitCode);
        Assert.Equal((nameof(AwsConfigurationException), nameof(AwsConfigurationException)), (error.ErrorTypeHeader, error.ErrorType));
        Assert.Equal("AWS_ENDPOINT_URL 'htp:/nope' is not an absolute http(s) URL.", error.ErrorMessage);
        Assert.Contains("\"level\":\"FATAL\"", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BadLogLevel_ReportsInitErrorNamingTheVariable()
    {
        var exitCode = await RunAsync(new() { ["_HANDLER"] = "Diagnostics", ["AWS_LAMBDA_LOG_LEVEL"] = "LOUD" }, () => throw new InvalidOperationException("unreachable"));

        var error = await api.InitError.WaitAsync(Patience);
        Assert.Equal(1, exitCode);
        Assert.Contains("AWS_LAMBDA_LOG_LEVEL", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_InitTraceOn_WritesEachInitPhaseInOrderThenServes()
    {
        using var stop = new CancellationTokenSource();
        var run = RunAsync(new() { ["_HANDLER"] = "Diagnostics", ["PCS_AUTOMATION_INIT_TRACE"] = "1" }, StaticAws, stop.Token);

        await api.FirstPoll.WaitAsync(Patience);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Patience));

        var phases = trace.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[1]).ToList();
        Assert.Equal(["settings", "aws-configuration", "handler", "ready"], phases);
        Assert.All(trace.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.Matches(@"^init-trace [a-z-]+ \+0\.000 ms at 0\.000 ms$", l.TrimEnd()));
        Assert.DoesNotContain("init-trace", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_InitTraceOnAndAwsRejected_TracesUpToTheFailingPhase()
    {
        var exitCode = await RunAsync(
            new() { ["_HANDLER"] = "Diagnostics", ["PCS_AUTOMATION_INIT_TRACE"] = "true" },
            () => throw new AwsConfigurationException("No AWS region: set AWS_REGION."));

        await api.InitError.WaitAsync(Patience);
        Assert.Equal(1, exitCode);
        Assert.StartsWith("init-trace settings ", trace.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("aws-configuration", trace.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_InitTraceOff_WritesNoTrace()
    {
        using var stop = new CancellationTokenSource();
        var run = RunAsync(new() { ["_HANDLER"] = "Diagnostics" }, StaticAws, stop.Token);

        await api.FirstPoll.WaitAsync(Patience);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Patience));

        Assert.Equal(1, awsFactoryCalls);
        Assert.Equal("", trace.ToString());
    }
}

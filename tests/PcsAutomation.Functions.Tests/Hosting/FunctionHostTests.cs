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
    }

    private Task<int> RunAsync(Dictionary<string, string> environment, Func<AwsClientFactory> aws) =>
        FunctionHost.RunAsync(client, new FunctionHostOptions
        {
            GetVariable = name => environment.GetValueOrDefault(name),
            Output = output,
            Time = time,
            CreateAwsClients = () =>
            {
                awsFactoryCalls++;
                return aws();
            },
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
}

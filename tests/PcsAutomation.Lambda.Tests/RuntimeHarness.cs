using Microsoft.Extensions.Time.Testing;
using PcsAutomation.Lambda.Bootstrap;
using PcsAutomation.Lambda.Client;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;
using PcsAutomation.Testing.Lambda;

namespace PcsAutomation.Lambda.Tests;

/// <summary>A fake Runtime API on 127.0.0.1, a real HTTP client to it, a virtual clock and captured stdout.</summary>
internal sealed class RuntimeHarness : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private RuntimeHarness(FakeRuntimeApi api, FakeTimeProvider time)
    {
        Api = api;
        Time = time;
        Client = new RuntimeApiClient(api.RuntimeApiAddress);
    }

    public FakeRuntimeApi Api { get; }
    public FakeTimeProvider Time { get; }
    public RuntimeApiClient Client { get; }
    public StringWriter Output { get; } = new();

    public static FunctionEnvironment Function { get; } = new("pcs-diagnostics", "$LATEST", 256, "/aws/lambda/pcs-diagnostics", "2026/01/01/[$LATEST]abc");

    public static async Task<RuntimeHarness> StartAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        return new RuntimeHarness(await FakeRuntimeApi.StartAsync(new FakeRuntimeApiOptions { Time = time }), time);
    }

    public LambdaBootstrap Bootstrap(LambdaHandler handler, LogLevel level = LogLevel.Information) =>
        new(Client, handler, new LambdaBootstrapOptions
        {
            Time = Time,
            Function = Function,
            Logger = new JsonLambdaLogger(Output, Time, level),
        });

    public string[] OutputLines() => Output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Api.DisposeAsync();
        await Output.DisposeAsync();
    }
}

using System.Net;
using Microsoft.Extensions.Time.Testing;
using PcsAutomation.Lambda.Bootstrap;
using PcsAutomation.Lambda.Client;
using PcsAutomation.Lambda.Logging;

namespace PcsAutomation.Lambda.Tests.Bootstrap;

public class ResponseRefusedTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task InvokeOnce_RuntimeApiRefusesResponse413_LogsAndServesTheNextEvent()
    {
        var api = new RefusingRuntimeApi(HttpStatusCode.RequestEntityTooLarge);
        using var output = new StringWriter();
        var time = new FakeTimeProvider(Start);
        var bootstrap = new LambdaBootstrap(api, (_, _) => Task.FromResult<ReadOnlyMemory<byte>>(new byte[16]), new LambdaBootstrapOptions
        {
            Time = time,
            Function = RuntimeHarness.Function,
            Logger = new JsonLambdaLogger(output, time, LogLevel.Information),
        });

        await bootstrap.InvokeOnceAsync();
        await bootstrap.InvokeOnceAsync();

        Assert.Equal(2, api.Responses);
        Assert.Contains("refused the response of req-1 (413, 16 bytes)", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeOnce_RuntimeApiFails500_Escapes()
    {
        var api = new RefusingRuntimeApi(HttpStatusCode.InternalServerError);
        var time = new FakeTimeProvider(Start);
        var bootstrap = new LambdaBootstrap(api, (_, _) => Task.FromResult<ReadOnlyMemory<byte>>(new byte[1]), new LambdaBootstrapOptions
        {
            Time = time,
            Function = RuntimeHarness.Function,
            Logger = new JsonLambdaLogger(TextWriter.Null, time, LogLevel.Information),
        });

        await Assert.ThrowsAsync<HttpRequestException>(() => bootstrap.InvokeOnceAsync());
    }

    /// <summary>Hands out events and answers every response with <paramref name="status"/>, as the Runtime API does for a too-large payload.</summary>
    private sealed class RefusingRuntimeApi(HttpStatusCode status) : IRuntimeApiClient
    {
        private int next;

        public int Responses { get; private set; }

        public Task<InvocationRequest> GetNextInvocationAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(new InvocationRequest($"req-{++next}", Start.AddMinutes(5), "arn:aws:lambda:us-east-1:111122223333:function:f", null, "{}"u8.ToArray()));

        public Task SendResponseAsync(string awsRequestId, ReadOnlyMemory<byte> response, CancellationToken cancellationToken = default)
        {
            Responses++;
            throw new HttpRequestException($"Response status code does not indicate success: {(int)status}.", null, status);
        }

        public Task ReportInvocationErrorAsync(string awsRequestId, LambdaError lambdaError, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("no handler error expected");

        public Task ReportInitializationErrorAsync(LambdaError lambdaError, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("no init error expected");
    }
}

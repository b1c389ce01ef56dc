using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PcsAutomation.Testing.Lambda;

/// <summary>
/// The Lambda Runtime API (2018-06-01) as a real HTTP server on 127.0.0.1, for tests of the runtime loop, of the real
/// bootstrap process, and for the local emulator's Lambda host. Queue events with <see cref="Enqueue"/>; a function
/// polling <c>/runtime/invocation/next</c> receives them in order, and its responses, errors and init error are
/// recorded. Point a process at it with <c>AWS_LAMBDA_RUNTIME_API=<see cref="RuntimeApiAddress"/></c>.
/// </summary>
public sealed class FakeRuntimeApi : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime";
    private const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";
    private readonly WebApplication app;
    private readonly FakeRuntimeApiOptions options;
    private readonly Channel<FakeInvocation> queue = Channel.CreateUnbounded<FakeInvocation>();
    private readonly ConcurrentDictionary<string, FakeInvocation> handedOut = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<FakeRuntimeError> initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource firstPoll = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int polls;

    private FakeRuntimeApi(WebApplication app, FakeRuntimeApiOptions options)
    {
        this.app = app;
        this.options = options;
    }

    /// <summary>The <c>host:port</c> to put in <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string RuntimeApiAddress { get; private set; } = "";

    /// <summary>The first error posted to <c>/runtime/init/error</c>.</summary>
    public Task<FakeRuntimeError> InitError => initError.Task;

    /// <summary>Completes when a function first calls <c>/next</c>: the moment it is ready (what cold-start benchmarks time).</summary>
    public Task FirstPoll => firstPoll.Task;

    /// <summary>How many <c>/next</c> calls arrived so far.</summary>
    public int PollCount => Volatile.Read(ref polls);

    /// <summary>Starts the server on 127.0.0.1 with a free port.</summary>
    public static async Task<FakeRuntimeApi> StartAsync(FakeRuntimeApiOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var fake = new FakeRuntimeApi(builder.Build(), options);
        fake.MapRoutes();
        await fake.app.StartAsync(cancellationToken).ConfigureAwait(false);
        fake.RuntimeApiAddress = new Uri(fake.app.Urls.First()).Authority;
        return fake;
    }

    /// <summary>Queues one event (JSON) for the function; its outcome arrives in <see cref="FakeInvocation.Result"/>.</summary>
    public FakeInvocation Enqueue(string payload, FakeInvocationHeaders? headers = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        headers ??= new FakeInvocationHeaders();
        var invocation = new FakeInvocation(
            headers.RequestId ?? Guid.NewGuid().ToString(),
            payload,
            headers.Deadline ?? options.Time.GetUtcNow() + options.DefaultTimeout,
            headers.FunctionArn ?? options.DefaultFunctionArn,
            headers.TraceId);
        if (!queue.Writer.TryWrite(invocation))
            throw new InvalidOperationException("The fake Runtime API is stopped.");
        return invocation;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        // Pending /next long polls end with the host; don't wait for them to finish gracefully.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await app.StopAsync(stop.Token).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private void MapRoutes()
    {
        app.MapGet($"{Prefix}/invocation/next", (RequestDelegate)NextAsync);
        app.MapPost($"{Prefix}/invocation/{{requestId}}/response", (RequestDelegate)ResponseAsync);
        app.MapPost($"{Prefix}/invocation/{{requestId}}/error", (RequestDelegate)ErrorAsync);
        app.MapPost($"{Prefix}/init/error", (RequestDelegate)InitErrorAsync);
    }

    private async Task NextAsync(HttpContext http)
    {
        Interlocked.Increment(ref polls);
        firstPoll.TrySetResult();
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, app.Lifetime.ApplicationStopping);
        FakeInvocation invocation;
        try
        {
            invocation = await queue.Reader.ReadAsync(aborted.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        handedOut[invocation.RequestId] = invocation;
        var headers = http.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
        headers["Lambda-Runtime-Deadline-Ms"] = invocation.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = invocation.FunctionArn;
        if (invocation.TraceId is not null)
            headers["Lambda-Runtime-Trace-Id"] = invocation.TraceId;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(invocation.Payload, aborted.Token).ConfigureAwait(false);
    }

    private async Task ResponseAsync(HttpContext http)
    {
        var body = await ReadBodyAsync(http).ConfigureAwait(false);
        await CompleteAsync(http, body, error: null).ConfigureAwait(false);
    }

    private async Task ErrorAsync(HttpContext http)
    {
        var body = await ReadBodyAsync(http).ConfigureAwait(false);
        await CompleteAsync(http, body, FakeRuntimeError.Parse(http.Request.Headers[ErrorTypeHeader].FirstOrDefault(), body)).ConfigureAwait(false);
    }

    private async Task InitErrorAsync(HttpContext http)
    {
        var body = await ReadBodyAsync(http).ConfigureAwait(false);
        initError.TrySetResult(FakeRuntimeError.Parse(http.Request.Headers[ErrorTypeHeader].FirstOrDefault(), body));
        http.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private async Task CompleteAsync(HttpContext http, string body, FakeRuntimeError? error)
    {
        var requestId = (string)http.Request.RouteValues["requestId"]!;
        // Like Lambda: an answer is accepted once, and only for an invocation that was handed out.
        if (!handedOut.TryRemove(requestId, out var invocation))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsync($"{{\"errorMessage\":\"unknown or already answered request id\",\"errorType\":\"InvalidRequestID\"}}").ConfigureAwait(false);
            return;
        }
        invocation.Complete(new FakeInvocationResult(requestId, body, error));
        http.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private static async Task<string> ReadBodyAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        return await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
    }
}

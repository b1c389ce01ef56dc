using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PcsAutomation.Benchmarks.ColdStart;

/// <summary>
/// A minimal Lambda Runtime API on 127.0.0.1 for one cold start: it hands out <c>invocations</c> events on
/// <c>GET /next</c>, time-stamps every exchange, and on the following <c>/next</c> (the process idle, as Lambda
/// would freeze it) reports <see cref="Finished"/> and holds that request until the server stops.
/// </summary>
public sealed class RuntimeApiServer : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime";
    private const string FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:pcs-automation-DiagnosticsFunction";

    private readonly WebApplication app;
    private readonly TimeProvider time;
    private readonly int invocations;
    private readonly bool errorsAnswer;
    private readonly TaskCompletionSource<string?> finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource stopping = new();
    private readonly Dictionary<string, long> sentAt = new(StringComparer.Ordinal);
    private readonly List<long> latencies = [];
    private readonly Lock gate = new();
    private long firstNextAt;
    private int served;

    private RuntimeApiServer(WebApplication app, TimeProvider time, int invocations, bool errorsAnswer)
    {
        this.app = app;
        this.time = time;
        this.invocations = invocations;
        this.errorsAnswer = errorsAnswer;
    }

    /// <summary><c>host:port</c>, the value of <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address { get; private set; } = "";

    /// <summary>Completes with <see langword="null"/> once every invocation was answered, or with the error the process reported.</summary>
    public Task<string?> Finished => finished.Task;

    /// <summary>Timestamp (<see cref="TimeProvider.GetTimestamp"/>) of the first <c>GET /next</c>.</summary>
    public long FirstNextAt => Interlocked.Read(ref firstNextAt);

    /// <summary>Timestamp ticks from each event being sent to its response arriving, in invocation order.</summary>
    public IReadOnlyList<long> Latencies
    {
        get { lock (gate) return [.. latencies]; }
    }

    /// <summary>
    /// Starts a server on a free loopback port that will serve <paramref name="invocations"/> events; with
    /// <paramref name="errorsAnswer"/>, an invocation error is the expected answer and is timed like a response.
    /// </summary>
    public static async Task<RuntimeApiServer> StartAsync(int invocations, TimeProvider time, bool errorsAnswer = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var server = new RuntimeApiServer(builder.Build(), time, invocations, errorsAnswer);
        server.app.MapGet(Prefix + "/invocation/next", server.NextAsync);
        server.app.MapPost(Prefix + "/invocation/{id}/response", server.ResponseAsync);
        server.app.MapPost(Prefix + "/invocation/{id}/error", (HttpContext c, string id) =>
            server.errorsAnswer ? server.ResponseAsync(c, id) : server.FailAsync(c, "invocation error"));
        server.app.MapPost(Prefix + "/init/error", (HttpContext c) => server.FailAsync(c, "init error"));
        await server.app.StartAsync();
        var address = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Address = new Uri(address).Authority;
        return server;
    }

    private async Task NextAsync(HttpContext context)
    {
        var now = time.GetTimestamp();
        Interlocked.CompareExchange(ref firstNextAt, now, 0);
        if (Interlocked.Increment(ref served) > invocations)
        {
            finished.TrySetResult(null);
            // Lambda keeps the next request pending while the environment is frozen: so do we, until shutdown.
            using var hold = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token, context.RequestAborted);
            try { await Task.Delay(Timeout.Infinite, hold.Token); }
            catch (OperationCanceledException) { }
            return;
        }

        var requestId = Guid.NewGuid().ToString();
        var headers = context.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = requestId;
        headers["Lambda-Runtime-Deadline-Ms"] = (time.GetUtcNow().ToUnixTimeMilliseconds() + 30_000).ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = FunctionArn;
        headers["Lambda-Runtime-Trace-Id"] = $"Root=1-{time.GetUtcNow().ToUnixTimeSeconds():x8}-{Guid.NewGuid().ToString("N")[..24]};Parent=53995c3f42cd8ad8;Sampled=0";
        context.Response.ContentType = "application/json";
        lock (gate) sentAt[requestId] = time.GetTimestamp();
        await context.Response.WriteAsync("{}");
        await context.Response.CompleteAsync();
    }

    private async Task ResponseAsync(HttpContext context, string id)
    {
        var arrived = time.GetTimestamp();
        using (var reader = new StreamReader(context.Request.Body))
            await reader.ReadToEndAsync(context.RequestAborted);
        lock (gate)
        {
            if (!sentAt.Remove(id, out var sent))
            {
                finished.TrySetResult($"response for unknown request id {id}");
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            latencies.Add(arrived - sent);
        }
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private async Task FailAsync(HttpContext context, string kind)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var type = context.Request.Headers["Lambda-Runtime-Function-Error-Type"].ToString();
        finished.TrySetResult($"{kind} {type}: {body}");
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        stopping.Dispose();
    }
}
